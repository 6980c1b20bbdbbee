using System.Security.Claims;
using System.Text.Json;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Varta.Platform.Audit;
using Varta.Platform.Http;
using Varta.Platform.Identity;
using Varta.Platform.Localization;
using Varta.Platform.Organisation;
using Varta.Platform.Persistence;
using Varta.Threats.Calendar;
using Varta.Threats.Cases;
using Varta.Threats.Contracts;
using Varta.Threats.Data;
using static Varta.Platform.Persistence.StoredTime;

namespace Varta.Threats.Intake;

/// <summary>
/// Threat reports: filed by the person it happened to (or a security officer for them) at the court where they work,
/// seen by them as theirs, triaged by the court's analysts into an inappropriate communication or a threat on a case.
/// </summary>
internal sealed class IntakeService(VartaDbContext db, IAuthorizationService authorization, OrgDirectory org, PeopleDirectory people, IAuditLog audit,
    TimeProvider clock, Loc loc, IOptions<ThreatsOptions> options, BusinessCalendar calendar)
{
    /// <summary>The courts the caller may file a report at (where they work).</summary>
    public async Task<IReadOnlyList<CourtOptionDto>> CourtsAsync(ClaimsPrincipal user) =>
        (await authorization.SitesAsync(user, ThreatsPolicies.FileReport, org.Current, SiteKinds.CourtBuilding))
        .OrderBy(s => s.DisplayName, StringComparer.CurrentCulture).Select(s => new CourtOptionDto(s.Id, s.DisplayName)).ToList();

    /// <summary>Whom a security officer or analyst may file for at a court: its judges and staff; none for anyone else.</summary>
    public async Task<IReadOnlyList<PersonOptionDto>> OnBehalfCandidatesAsync(ClaimsPrincipal user, Guid courtId, CancellationToken ct)
    {
        if (org.Current.Find(courtId) is not { SiteKind: SiteKinds.CourtBuilding } || !await authorization.AllowsAsync(user, ThreatsPolicies.FileOnBehalf, courtId))
        {
            return [];
        }

        return await CaseQueries.PeopleAsync(people, courtId, [Roles.Judge, Roles.CourtStaff], ct);
    }

    /// <summary>
    /// Files a report with its attachments, all or nothing: 400 naming the fields, 413 for a file over the limit (or too
    /// many files), 415 for a type not accepted, 404 for a court the caller does not work at.
    /// </summary>
    public async Task<Outcome<ReportDto>> FileAsync(ClaimsPrincipal user, ReportRequest request, IReadOnlyList<AttachmentUpload> files, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var limits = options.Value;
        if (files.Count > limits.MaxAttachments)
        {
            return Outcome<ReportDto>.TooLarge("threats.too-many-files", limits.MaxAttachments);
        }

        var sniffed = new List<(AttachmentUpload File, string Type)>();
        foreach (var file in files)
        {
            if (file.Content.LongLength > limits.MaxAttachmentBytes)
            {
                return Outcome<ReportDto>.TooLarge("threats.file-too-large", Attachments.SafeName(file.FileName), Attachments.Size(limits.MaxAttachmentBytes));
            }

            if (Attachments.Sniff(file.Content) is not { } type)
            {
                return Outcome<ReportDto>.UnsupportedType("threats.file-type", Attachments.SafeName(file.FileName));
            }

            sniffed.Add((file, type));
        }

        var v = new Validator(loc).Required("courtId", request.CourtId)
            .OneOf("channel", request.Channel, ReportChannels.All)
            .OneOf("target", request.Target, ReportTargets.All)
            .Required("description", request.Description, 4000)
            .MaxLength("sourceName", request.SourceName, 200)
            .MaxLength("sourceDetails", request.SourceDetails, 2000)
            .MaxLength("courtCaseNumber", request.CourtCaseNumber, 60)
            .MaxLength("targetName", request.TargetName, 200);
        var occurred = v.Instant("occurredAt", request.OccurredAt, now, required: true);
        if (request.Target is ReportTargets.Colleague or ReportTargets.Family && string.IsNullOrWhiteSpace(request.TargetName))
        {
            v.Fail("targetName", "required");
        }

        if (request.SourceKnown == true && string.IsNullOrWhiteSpace(request.SourceName) && string.IsNullOrWhiteSpace(request.SourceDetails))
        {
            v.Fail("sourceName", "threats.source-say-something");
        }

        if (!v.IsValid)
        {
            return Outcome<ReportDto>.Invalid(v);
        }

        var courtId = request.CourtId!.Value;
        if (org.Current.Find(courtId) is not { SiteKind: SiteKinds.CourtBuilding } court || !await authorization.AllowsAsync(user, ThreatsPolicies.FileReport, courtId))
        {
            return Outcome<ReportDto>.NotFound();
        }

        var reporterId = user.UserId();
        var reporterName = CaseLog.NameOf(user);
        if (request.OnBehalfOf is { } other && other != reporterId)
        {
            if (!await authorization.AllowsAsync(user, ThreatsPolicies.FileOnBehalf, courtId))
            {
                return Outcome<ReportDto>.Forbidden("threats.not-on-behalf");
            }

            if (!await people.WorksAtAsync(other, courtId, ct) || await people.DescribeAsync(other, courtId, [], ct) is not { } described)
            {
                return Outcome<ReportDto>.Invalid(new Validator(loc).Fail("onBehalfOf", "threats.not-at-court"));
            }

            (reporterId, reporterName) = (other, described.DisplayName);
        }

        var report = new ThreatReport
        {
            Id = Guid.CreateVersion7(now),
            CourtId = courtId,
            ReporterUserId = reporterId,
            ReporterName = reporterName,
            FiledByUserId = user.UserId(),
            FiledByName = CaseLog.NameOf(user),
            OccurredAt = occurred!.Value.UtcDateTime,
            Channel = request.Channel!,
            Target = request.Target!,
            TargetName = Clean(request.TargetName),
            Description = request.Description!.Trim(),
            SourceKnown = request.SourceKnown ?? false,
            SourceName = Clean(request.SourceName),
            SourceDetails = Clean(request.SourceDetails),
            CourtCaseNumber = Clean(request.CourtCaseNumber),
        };
        db.Add(report);
        var attachments = sniffed.Select(s => new ReportAttachment
        {
            Id = Guid.CreateVersion7(now),
            ReportId = report.Id,
            FileName = Attachments.SafeName(s.File.FileName),
            ContentType = s.Type,
            Length = s.File.Content.LongLength,
            Sha256 = Attachments.Sha256(s.File.Content),
            Content = s.File.Content,
        }).ToList();
        db.AddRange(attachments);
        audit.Record(new AuditRecord
        {
            Action = "threats.report.filed",
            ResourceType = "threat-report",
            ResourceId = report.Id.ToString(),
            OrgUnitId = courtId,
            OccurredAt = occurred,
            Details = JsonSerializer.Serialize(new
            {
                reporterUserId = reporterId, onBehalf = reporterId != user.UserId(), report.Channel, report.Target,
                attachments = attachments.Select(a => new { a.Id, a.Sha256, a.Length, a.ContentType }),
            }),
        });
        await db.SaveChangesAsync(ct);
        return Outcome<ReportDto>.Ok(ToDto(report, court.DisplayName, null, attachments));
    }

    /// <summary>The caller's reports, as the person they are about or as the one who filed them, newest first.</summary>
    public async Task<IReadOnlyList<ReportDto>> MineAsync(ClaimsPrincipal user, CancellationToken ct)
    {
        var me = user.UserId();
        var reports = await db.Set<ThreatReport>().AsNoTracking().Where(r => r.ReporterUserId == me || r.FiledByUserId == me)
            .OrderByDescending(r => r.RecordedAt).Take(200).ToListAsync(ct);
        var dtos = await DtosAsync(reports, ct);
        await audit.AppendAsync(new AuditRecord { Action = "threats.reports.mine.read", Category = AuditCategory.Read, ResourceType = "threat-report", Details = JsonSerializer.Serialize(new { count = dtos.Count }) }, ct);
        return dtos;
    }

    /// <summary>A report, to the person it is about, the one who filed it, or the readers of its court's cases; 404 to anyone else.</summary>
    public async Task<Outcome<ReportDto>> GetAsync(ClaimsPrincipal user, Guid id, CancellationToken ct)
    {
        var report = await db.Set<ThreatReport>().AsNoTracking().FirstOrDefaultAsync(r => r.Id == id, ct);
        if (report is null || !await MayReadAsync(user, report))
        {
            return Outcome<ReportDto>.NotFound();
        }

        await audit.AppendAsync(new AuditRecord { Action = "threats.report.read", Category = AuditCategory.Read, ResourceType = "threat-report", ResourceId = id.ToString(), OrgUnitId = report.CourtId }, ct);
        return Outcome<ReportDto>.Ok((await DtosAsync([report], ct))[0]);
    }

    /// <summary>An attachment's content, to whoever may read its report; 404 otherwise.</summary>
    public async Task<Outcome<ReportAttachment>> AttachmentAsync(ClaimsPrincipal user, Guid id, CancellationToken ct)
    {
        var attachment = await db.Set<ReportAttachment>().AsNoTracking().FirstOrDefaultAsync(a => a.Id == id, ct);
        var report = attachment is null ? null : await db.Set<ThreatReport>().AsNoTracking().FirstOrDefaultAsync(r => r.Id == attachment.ReportId, ct);
        if (attachment is null || report is null || !await MayReadAsync(user, report))
        {
            return Outcome<ReportAttachment>.NotFound();
        }

        await audit.AppendAsync(new AuditRecord
        {
            Action = "threats.attachment.read", Category = AuditCategory.Read, ResourceType = "threat-attachment", ResourceId = id.ToString(),
            OrgUnitId = report.CourtId, Details = JsonSerializer.Serialize(new { reportId = report.Id, attachment.Sha256 }),
        }, ct);
        return Outcome<ReportAttachment>.Ok(attachment);
    }

    /// <summary>Reports waiting for triage at the courts the caller triages, oldest first, each with a known source it names.</summary>
    public async Task<IReadOnlyList<TriageLineDto>> TriageListAsync(ClaimsPrincipal user, CancellationToken ct)
    {
        var courts = (await authorization.SitesAsync(user, ThreatsPolicies.Triage, org.Current, SiteKinds.CourtBuilding)).Select(s => s.Id).ToList();
        var reports = await db.Set<ThreatReport>().AsNoTracking().Where(r => r.Status == ReportStatus.Submitted && courts.Contains(r.CourtId))
            .OrderBy(r => r.RecordedAt).Take(200).ToListAsync(ct);
        var dtos = await DtosAsync(reports, ct);
        var lines = new List<TriageLineDto>();
        foreach (var dto in dtos)
        {
            var source = await KnownSourceAsync(dto.SourceName, ct);
            var cases = source is null ? [] : await CaseQueries.LinesAsync(db, org, await CaseQueries.ReadableCourtsAsync(authorization, org, user), c => c.SourceId == source.Id, clock.GetUtcNow(), ct);
            lines.Add(new TriageLineDto(dto, source?.Id, source?.Name, cases));
        }

        await audit.AppendAsync(new AuditRecord { Action = "threats.triage.read", Category = AuditCategory.Read, ResourceType = "threat-report", Details = JsonSerializer.Serialize(new { count = lines.Count }) }, ct);
        return lines;
    }

    /// <summary>The open cases a report may be added to at triage: those of the courts the caller works, most recently active first.</summary>
    public async Task<IReadOnlyList<CaseLineDto>> OpenCasesAsync(ClaimsPrincipal user, CancellationToken ct)
    {
        var courts = (await authorization.SitesAsync(user, ThreatsPolicies.WorkCases, org.Current, SiteKinds.CourtBuilding)).Select(s => s.Id).ToList();
        return await CaseQueries.LinesAsync(db, org, courts, c => c.Status != CaseStatus.Closed, clock.GetUtcNow(), ct);
    }

    /// <summary>
    /// Triage: the tier, and a case, either one the caller may work (linked) or a new one with its priority, due on the
    /// business calendar. A new case is protected for whom the report names, and takes the source the report names (a
    /// known source when the name matches one). 409 for a report already triaged.
    /// </summary>
    public async Task<Outcome<CaseLineDto>> TriageAsync(ClaimsPrincipal user, Guid id, TriageRequest request, CancellationToken ct)
    {
        var v = new Validator(loc).OneOf("tier", request.Tier, Tiers.All).MaxLength("summary", request.Summary, 500);
        if (request.CaseId is null)
        {
            v.OneOf("priority", request.Priority, Priorities.All);
        }

        var report = await db.Set<ThreatReport>().FirstOrDefaultAsync(r => r.Id == id, ct);
        if (report is null || !await authorization.AllowsAsync(user, ThreatsPolicies.Triage, report.CourtId))
        {
            return Outcome<CaseLineDto>.NotFound();
        }

        if (!v.IsValid)
        {
            return Outcome<CaseLineDto>.Invalid(v);
        }

        if (report.Status != ReportStatus.Submitted)
        {
            return Outcome<CaseLineDto>.Conflict("threats.already-triaged");
        }

        var now = clock.GetUtcNow();
        ThreatCase? linked = null;
        if (request.CaseId is { } caseId)
        {
            linked = await db.Set<ThreatCase>().FirstOrDefaultAsync(c => c.Id == caseId, ct);
            if (linked is null || !await authorization.AllowsAsync(user, ThreatsPolicies.WorkCases, linked.CourtId))
            {
                return Outcome<CaseLineDto>.Invalid(new Validator(loc).Fail("caseId", "threats.case-unknown"));
            }

            if (linked.Status == CaseStatus.Closed)
            {
                return Outcome<CaseLineDto>.Invalid(new Validator(loc).Fail("caseId", "threats.case-closed"));
            }
        }

        AuditRecord? queued = null;
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                var c = linked ?? await OpenCaseAsync(user, report, request, now, ct);
                report.Status = ReportStatus.Triaged;
                report.Tier = request.Tier;
                report.CaseId = c.Id;
                report.TriagedAt = now.UtcDateTime;
                report.TriagedBy = CaseLog.NameOf(user);
                if (request.Tier == Tiers.Threat)
                {
                    c.Tier = Tiers.Threat;
                }

                if (report.CourtCaseNumber is { } number && !(c.CourtCases ?? "").Split('\n').Contains(number))
                {
                    c.CourtCases = string.IsNullOrEmpty(c.CourtCases) ? number : $"{c.CourtCases}\n{number}";
                }

                if (linked is not null)
                {
                    await AddPersonsFromAsync(report, c, user, now, ct);
                    if (c.SourceId is null && await SourceForAsync(report, now, ct) is { } source)
                    {
                        c.SourceId = source.Id;
                    }

                    c.Version++;
                }

                CaseLog.Add(db, c, user, now, "report-linked", $"{report.ReporterName} · {KyivTime.Format(report.OccurredAt)} · {request.Tier}");
                queued = audit.Record(new AuditRecord
                {
                    Action = "threats.report.triaged", ResourceType = "threat-report", ResourceId = report.Id.ToString(), OrgUnitId = report.CourtId,
                    Details = JsonSerializer.Serialize(new { caseId = c.Id, c.Number, request.Tier, opened = linked is null, c.Priority }),
                });
                await db.SaveChangesAsync(ct);
                return Outcome<CaseLineDto>.Ok(CaseQueries.Line(c, org, now));
            }
            catch (DbUpdateException) when (attempt < 2 && linked is null)
            {
                // Two cases numbered at once: number again (the unique index on year and sequence refused the second).
                db.ChangeTracker.Clear();
                if (queued is not null)
                {
                    audit.Withdraw(queued);
                }

                report = await db.Set<ThreatReport>().FirstAsync(r => r.Id == id, ct);
                if (report.Status != ReportStatus.Submitted)
                {
                    return Outcome<CaseLineDto>.Conflict("threats.already-triaged");
                }
            }
            catch (DbUpdateConcurrencyException)
            {
                return Outcome<CaseLineDto>.Conflict("threats.changed");
            }
        }
    }

    private async Task<ThreatCase> OpenCaseAsync(ClaimsPrincipal user, ThreatReport report, TriageRequest request, DateTimeOffset now, CancellationToken ct)
    {
        var year = KyivTime.ToKyiv(now).Year;
        var last = await db.Set<ThreatCase>().Where(c => c.Year == year).MaxAsync(c => (int?)c.Sequence, ct) ?? 0;
        var summary = string.IsNullOrWhiteSpace(request.Summary) ? Shorten(report.Description, 200) : request.Summary.Trim();
        var c = new ThreatCase
        {
            Id = Guid.CreateVersion7(now),
            Year = year,
            Sequence = last + 1,
            Number = $"THR-{year}-{last + 1:D5}",
            CourtId = report.CourtId,
            Tier = request.Tier!,
            Priority = request.Priority!,
            Status = CaseStatus.New,
            Summary = summary,
            OpenedAt = now.UtcDateTime,
            DueAt = calendar.DueAt(request.Priority!, now).UtcDateTime,
            LastActivityAt = now.UtcDateTime,
        };
        if (user.HasRole(Roles.ThreatAnalyst))
        {
            c.AnalystUserId = user.UserId();
            c.AnalystName = CaseLog.NameOf(user);
        }

        db.Add(c);
        CaseLog.Add(db, c, user, now, "opened", $"{c.Number} · {c.Priority} · {KyivTime.Format(c.DueAt)}");
        if (await SourceForAsync(report, now, ct) is { } source)
        {
            c.SourceId = source.Id;
        }

        await AddPersonsFromAsync(report, c, user, now, ct);
        return c;
    }

    /// <summary>Whom the report names as targeted, on the case unless already there.</summary>
    private async Task AddPersonsFromAsync(ThreatReport report, ThreatCase c, ClaimsPrincipal user, DateTimeOffset now, CancellationToken ct)
    {
        var (userId, name, relation) = report.Target switch
        {
            ReportTargets.Self => ((Guid?)report.ReporterUserId, report.ReporterName, ReportTargets.Self),
            ReportTargets.Family => (report.ReporterUserId, report.TargetName ?? report.ReporterName, ReportTargets.Family),
            ReportTargets.Colleague => (null, report.TargetName ?? "", ReportTargets.Colleague),
            _ => ((Guid?)null, "", ""),
        };
        if (relation.Length == 0 || name.Length == 0)
        {
            return;
        }

        var existing = await db.Set<ProtectedPerson>().Where(p => p.CaseId == c.Id).ToListAsync(ct);
        existing.AddRange(db.ChangeTracker.Entries<ProtectedPerson>().Select(e => e.Entity).Where(p => p.CaseId == c.Id && !existing.Contains(p)));
        if (existing.Any(p => p.UserId == userId && string.Equals(p.Name, name, StringComparison.CurrentCultureIgnoreCase)))
        {
            return;
        }

        db.Add(new ProtectedPerson { Id = Guid.CreateVersion7(now), CaseId = c.Id, UserId = userId, Name = name, Relation = relation });
        CaseLog.Add(db, c, user, now, "person-added", $"{name} · {relation}");
    }

    /// <summary>The source a report names: the known one with the same name, else a new one; none when it names nobody.</summary>
    private async Task<ThreatSource?> SourceForAsync(ThreatReport report, DateTimeOffset now, CancellationToken ct)
    {
        if (!report.SourceKnown || string.IsNullOrWhiteSpace(report.SourceName))
        {
            return null;
        }

        if (await KnownSourceAsync(report.SourceName, ct) is { } known)
        {
            return known;
        }

        var source = new ThreatSource
        {
            Id = Guid.CreateVersion7(now), Name = report.SourceName.Trim(), NameKey = NameKey(report.SourceName), Details = report.SourceDetails,
            FirstNamedAt = now.UtcDateTime,
        };
        db.Add(source);
        return source;
    }

    private async Task<ThreatSource?> KnownSourceAsync(string? name, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return null;
        }

        var key = NameKey(name);
        return await db.Set<ThreatSource>().AsNoTracking().OrderBy(s => s.FirstNamedAt).FirstOrDefaultAsync(s => s.NameKey == key, ct);
    }

    /// <summary>A name folded for matching: lower case, apostrophes unified, single spaces.</summary>
    public static string NameKey(string name)
    {
        var folded = name.Trim().ToLowerInvariant().Replace('’', '\'').Replace('ʼ', '\'').Replace('`', '\'').Replace('‘', '\'');
        var key = string.Join(' ', folded.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        return key.Length <= 200 ? key : key[..200];
    }

    private async Task<bool> MayReadAsync(ClaimsPrincipal user, ThreatReport report)
    {
        var me = user.UserId();
        return report.ReporterUserId == me || report.FiledByUserId == me || await authorization.AllowsAsync(user, ThreatsPolicies.ReadCases, report.CourtId);
    }

    private async Task<List<ReportDto>> DtosAsync(List<ThreatReport> reports, CancellationToken ct)
    {
        var ids = reports.Select(r => r.Id).ToList();
        var attachments = (await db.Set<ReportAttachment>().AsNoTracking().Where(a => ids.Contains(a.ReportId))
                .Select(a => new ReportAttachment { Id = a.Id, ReportId = a.ReportId, FileName = a.FileName, ContentType = a.ContentType, Length = a.Length, Sha256 = a.Sha256 })
                .ToListAsync(ct))
            .ToLookup(a => a.ReportId);
        var caseIds = reports.Where(r => r.CaseId != null).Select(r => r.CaseId!.Value).Distinct().ToList();
        var statuses = await db.Set<ThreatCase>().AsNoTracking().Where(c => caseIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, c => c.Status, ct);
        return reports.Select(r => ToDto(r, org.Current.Find(r.CourtId)?.DisplayName ?? "", r.CaseId is { } c ? statuses.GetValueOrDefault(c) : null, attachments[r.Id]))
            .ToList();
    }

    public static ReportDto ToDto(ThreatReport r, string courtName, string? caseStatus, IEnumerable<ReportAttachment> attachments) => new(
        r.Id, r.CourtId, courtName, r.ReporterUserId, r.ReporterName, r.FiledByName, Utc(r.OccurredAt), r.Channel, r.Target, r.TargetName, r.Description,
        r.SourceKnown, r.SourceName, r.SourceDetails, r.CourtCaseNumber, r.Status, r.Tier, caseStatus, Utc(r.RecordedAt),
        attachments.Select(a => new AttachmentDto(a.Id, a.FileName, a.ContentType, a.Length, a.Sha256)).ToList());

    private static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private static string Shorten(string text, int max)
    {
        var line = text.ReplaceLineEndings(" ").Trim();
        return line.Length <= max ? line : line[..(max - 1)] + "…";
    }
}
