using System.Globalization;
using System.Security.Claims;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using Varta.Platform.Audit;
using Varta.Platform.Http;
using Varta.Platform.Identity;
using Varta.Platform.Localization;
using Varta.Platform.Organisation;
using Varta.Platform.Persistence;
using Varta.Threats.Calendar;
using Varta.Threats.Contracts;
using Varta.Threats.Data;
using Varta.Threats.Intake;
using Varta.Threats.Measures;
using static Varta.Platform.Persistence.StoredTime;

namespace Varta.Threats.Cases;

/// <summary>The analysts' cases: the filtered list, a whole case with its timeline, changes to it, and the unit's dashboard.</summary>
internal sealed partial class CaseService(VartaDbContext db, IAuthorizationService authorization, OrgDirectory org, PeopleDirectory people, IAuditLog audit,
    TimeProvider clock, Loc loc, BusinessCalendar calendar)
{
    public const int MaxLimit = 200;

    /// <summary>Filters of the case list; absent ones do not filter.</summary>
    public sealed record Filter(string? Status = null, string? Priority = null, string? Risk = null, bool? Overdue = null, bool? Mine = null,
        Guid? Court = null, string? Query = null, string? After = null, int? Limit = null);

    /// <summary>
    /// The cases of the courts the caller reads, most recently changed first, a page at a time (<c>next</c> is the cursor
    /// of the following page). "open" as the status means every status but closed.
    /// </summary>
    public async Task<Outcome<CaseListDto>> ListAsync(ClaimsPrincipal user, Filter f, CancellationToken ct)
    {
        var v = new Validator(loc);
        if (f.Status is not null && f.Status != "open")
        {
            v.OneOf("status", f.Status, CaseStatus.All);
        }

        if (f.Priority is not null)
        {
            v.OneOf("priority", f.Priority, Priorities.All);
        }

        if (f.Risk is not null)
        {
            v.OneOf("risk", f.Risk, RiskLevels.All);
        }

        var limit = f.Limit ?? 50;
        if (limit is < 1 or > MaxLimit)
        {
            v.Fail("limit", "threats.limit", MaxLimit);
        }

        (DateTime At, string Number)? after = null;
        if (f.After is not null)
        {
            after = Cursor(f.After);
            if (after is null)
            {
                v.Fail("after", "threats.cursor");
            }
        }

        v.MaxLength("q", f.Query, 100);
        if (!v.IsValid)
        {
            return Outcome<CaseListDto>.Invalid(v);
        }

        var courts = await CaseQueries.ReadableCourtsAsync(authorization, org, user);
        if (f.Court is { } court)
        {
            courts = courts.Where(c => org.Current.IsWithin(c, court)).ToList();
        }

        var now = clock.GetUtcNow();
        var nowUtc = now.UtcDateTime;
        var cases = db.Set<ThreatCase>().AsNoTracking().Where(c => courts.Contains(c.CourtId));
        cases = f.Status switch
        {
            null => cases,
            "open" => cases.Where(c => c.Status != CaseStatus.Closed),
            var s => cases.Where(c => c.Status == s),
        };
        if (f.Priority is { } priority)
        {
            cases = cases.Where(c => c.Priority == priority);
        }

        if (f.Risk is { } risk)
        {
            cases = cases.Where(c => c.RiskLevel == risk);
        }

        if (f.Overdue == true)
        {
            cases = cases.Where(c => c.Status != CaseStatus.Closed
                && ((c.AssessedAt == null && c.DueAt < nowUtc) || (c.MeasuresDueAt != null && c.MeasuresStartedAt == null && c.MeasuresDueAt < nowUtc)));
        }

        if (f.Mine == true)
        {
            var me = user.UserId();
            cases = cases.Where(c => c.AnalystUserId == me);
        }

        if (!string.IsNullOrWhiteSpace(f.Query))
        {
            // A case number is looked up by its unique index; other words are searched in the summary and the court cases.
            var q = f.Query.Trim();
            if (CaseNumber().IsMatch(q))
            {
                var number = q.ToUpperInvariant();
                cases = cases.Where(c => c.Number == number);
            }
            else
            {
                cases = cases.Where(c => c.Summary.Contains(q) || (c.CourtCases != null && c.CourtCases.Contains(q)));
            }
        }

        if (after is { } a)
        {
            cases = cases.Where(c => c.LastActivityAt < a.At || (c.LastActivityAt == a.At && string.Compare(c.Number, a.Number) < 0));
        }

        var page = await cases.OrderByDescending(c => c.LastActivityAt).ThenByDescending(c => c.Number).Take(limit + 1).ToListAsync(ct);
        var next = page.Count > limit ? Cursor(page[limit - 1]) : null;
        var lines = page.Take(limit).Select(c => CaseQueries.Line(c, org, now)).ToList();
        await audit.AppendAsync(new AuditRecord
        {
            Action = "threats.cases.listed", Category = AuditCategory.Read, ResourceType = "threat-case",
            Details = JsonSerializer.Serialize(new { f.Status, f.Priority, f.Risk, f.Overdue, f.Mine, f.Court, count = lines.Count }),
        }, ct);
        return Outcome<CaseListDto>.Ok(new CaseListDto(lines, next));
    }

    /// <summary>A whole case to a reader of its court's cases; 404 to anyone else.</summary>
    public async Task<Outcome<CaseDto>> GetAsync(ClaimsPrincipal user, Guid id, CancellationToken ct)
    {
        var c = await db.Set<ThreatCase>().AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct);
        if (c is null || !await authorization.AllowsAsync(user, ThreatsPolicies.ReadCases, c.CourtId))
        {
            return Outcome<CaseDto>.NotFound();
        }

        var now = clock.GetUtcNow();
        var persons = await db.Set<ProtectedPerson>().AsNoTracking().Where(p => p.CaseId == id).OrderBy(p => p.RecordedAt).ToListAsync(ct);
        var reports = await db.Set<ThreatReport>().AsNoTracking().Where(r => r.CaseId == id).OrderBy(r => r.OccurredAt).ToListAsync(ct);
        var reportIds = reports.Select(r => r.Id).ToList();
        var attachments = (await db.Set<ReportAttachment>().AsNoTracking().Where(x => reportIds.Contains(x.ReportId))
            .Select(x => new ReportAttachment { Id = x.Id, ReportId = x.ReportId, FileName = x.FileName, ContentType = x.ContentType, Length = x.Length, Sha256 = x.Sha256 })
            .ToListAsync(ct)).ToLookup(x => x.ReportId);
        var assessments = await db.Set<Assessment>().AsNoTracking().Where(x => x.CaseId == id).OrderByDescending(x => x.Version).ToListAsync(ct);
        var counting = Counting(assessments);
        var measures = await MeasureService.DtosAsync(db, [c], persons, x => x.CaseId == id, ct);
        var timeline = await db.Set<CaseEvent>().AsNoTracking().Where(x => x.CaseId == id).OrderBy(x => x.Id)
            .Select(x => new CaseEventDto(Utc(x.At), x.ActorName, x.Kind, x.Text)).ToListAsync(ct);
        SourceDto? source = null;
        if (c.SourceId is { } sourceId && await db.Set<ThreatSource>().AsNoTracking().FirstOrDefaultAsync(s => s.Id == sourceId, ct) is { } s)
        {
            var courts = await CaseQueries.ReadableCourtsAsync(authorization, org, user);
            var others = await CaseQueries.LinesAsync(db, org, courts, x => x.SourceId == sourceId && x.Id != id, now, ct);
            source = new SourceDto(s.Id, s.Name, s.Details, others);
        }

        await audit.AppendAsync(new AuditRecord
        {
            Action = "threats.case.read", Category = AuditCategory.Read, ResourceType = "threat-case", ResourceId = id.ToString(), OrgUnitId = c.CourtId,
        }, ct);
        var courtName = org.Current.Find(c.CourtId)?.DisplayName ?? "";
        return Outcome<CaseDto>.Ok(new CaseDto(CaseQueries.Line(c, org, now), SplitCourtCases(c.CourtCases), c.ClosingReason, source,
            persons.Select(p => new ProtectedPersonDto(p.Id, p.UserId, p.Name, p.Relation)).ToList(),
            reports.Select(r => IntakeService.ToDto(r, courtName, c.Status, attachments[r.Id])).ToList(),
            assessments.Select(x => ToDto(x, x.Id == counting?.Id)).ToList(), measures, timeline));
    }

    /// <summary>
    /// Changes a case: its status (monitoring, closed with a reason, or back to assessing), its priority (the due time is
    /// counted again from the opening), its analyst (an analyst over the court), the related court cases.
    /// </summary>
    public async Task<Outcome<CaseLineDto>> UpdateAsync(ClaimsPrincipal user, Guid id, CaseUpdateRequest request, CancellationToken ct)
    {
        var c = await db.Set<ThreatCase>().FirstOrDefaultAsync(x => x.Id == id, ct);
        if (c is null || !await authorization.AllowsAsync(user, ThreatsPolicies.WorkCases, c.CourtId))
        {
            return Outcome<CaseLineDto>.NotFound();
        }

        var v = new Validator(loc).MaxLength("courtCases", request.CourtCases, 1000).MaxLength("reason", request.Reason, 2000);
        if (request.Status is not null)
        {
            v.OneOf("status", request.Status, [CaseStatus.Assessing, CaseStatus.Monitoring, CaseStatus.Closed]);
            if (request.Status == CaseStatus.Closed && string.IsNullOrWhiteSpace(request.Reason))
            {
                v.Fail("reason", "required");
            }
        }

        if (request.Priority is not null)
        {
            v.OneOf("priority", request.Priority, Priorities.All);
        }

        string? analystName = null;
        if (request.AnalystUserId is { } analyst)
        {
            analystName = (await people.WithRoleOverAsync(Roles.ThreatAnalyst, c.CourtId, ct)).FirstOrDefault(p => p.UserId == analyst)?.DisplayName;
            if (analystName is null)
            {
                v.Fail("analystUserId", "threats.not-an-analyst");
            }
        }

        if (!v.IsValid)
        {
            return Outcome<CaseLineDto>.Invalid(v);
        }

        var now = clock.GetUtcNow();
        var changes = new List<string>();
        if (request.Status is { } status && status != c.Status)
        {
            if (status == CaseStatus.Monitoring && c.Status is not (CaseStatus.Assessing or CaseStatus.MeasuresActive))
            {
                return Outcome<CaseLineDto>.Conflict("threats.status-order", c.Status, status);
            }

            if (status == CaseStatus.Assessing && c.Status is not (CaseStatus.Monitoring or CaseStatus.Closed))
            {
                return Outcome<CaseLineDto>.Conflict("threats.status-order", c.Status, status);
            }

            if (status == CaseStatus.Closed)
            {
                c.ClosedAt = now.UtcDateTime;
                c.ClosingReason = request.Reason!.Trim();
            }
            else if (c.Status == CaseStatus.Closed)
            {
                c.ClosedAt = null;
                c.ClosingReason = null;
            }

            CaseLog.Add(db, c, user, now, "status", status == CaseStatus.Closed ? $"{c.Status} → {status}: {c.ClosingReason}" : $"{c.Status} → {status}");
            changes.Add($"status:{status}");
            c.Status = status;
        }

        if (request.Priority is { } priority && priority != c.Priority)
        {
            CaseLog.Add(db, c, user, now, "priority", $"{c.Priority} → {priority}");
            c.Priority = priority;
            c.DueAt = calendar.DueAt(priority, Utc(c.OpenedAt)).UtcDateTime;
            changes.Add($"priority:{priority}");
        }

        if (request.AnalystUserId is { } assigned && assigned != c.AnalystUserId)
        {
            c.AnalystUserId = assigned;
            c.AnalystName = analystName;
            CaseLog.Add(db, c, user, now, "analyst", analystName);
            changes.Add("analyst");
        }

        if (request.CourtCases is not null)
        {
            var cases = string.Join('\n', SplitCourtCases(request.CourtCases));
            if (cases != (c.CourtCases ?? ""))
            {
                c.CourtCases = cases.Length == 0 ? null : cases;
                CaseLog.Add(db, c, user, now, "court-cases", cases.Replace('\n', ','));
                changes.Add("court-cases");
            }
        }

        if (changes.Count > 0)
        {
            c.Version++;
            audit.Record(new AuditRecord
            {
                Action = "threats.case.updated", ResourceType = "threat-case", ResourceId = id.ToString(), OrgUnitId = c.CourtId, Reason = request.Reason,
                Details = JsonSerializer.Serialize(new { changes }),
            });
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateConcurrencyException)
            {
                return Outcome<CaseLineDto>.Conflict("threats.changed");
            }
        }

        return Outcome<CaseLineDto>.Ok(CaseQueries.Line(c, org, now));
    }

    /// <summary>Someone to protect: a person who works at the court (they will see the measures), or a named family member of one.</summary>
    public async Task<Outcome<ProtectedPersonDto>> AddPersonAsync(ClaimsPrincipal user, Guid id, PersonRequest request, CancellationToken ct)
    {
        var c = await db.Set<ThreatCase>().FirstOrDefaultAsync(x => x.Id == id, ct);
        if (c is null || !await authorization.AllowsAsync(user, ThreatsPolicies.WorkCases, c.CourtId))
        {
            return Outcome<ProtectedPersonDto>.NotFound();
        }

        var v = new Validator(loc).OneOf("relation", request.Relation, Relations.All).MaxLength("name", request.Name, 200);
        string? name = string.IsNullOrWhiteSpace(request.Name) ? null : request.Name.Trim();
        if (request.UserId is { } userId)
        {
            var described = await people.WorksAtAsync(userId, c.CourtId, ct) ? await people.DescribeAsync(userId, c.CourtId, [], ct) : null;
            if (described is null)
            {
                v.Fail("userId", "threats.not-at-court");
            }
            else if (request.Relation != ReportTargets.Family)
            {
                name = described.Value.DisplayName;
            }
        }
        else if (request.Relation is ReportTargets.Self or ReportTargets.Family)
        {
            v.Fail("userId", "required");
        }

        if (name is null)
        {
            v.Fail("name", "required");
        }

        if (!v.IsValid)
        {
            return Outcome<ProtectedPersonDto>.Invalid(v);
        }

        var now = clock.GetUtcNow();
        var person = new ProtectedPerson { Id = Guid.CreateVersion7(now), CaseId = id, UserId = request.UserId, Name = name!, Relation = request.Relation! };
        db.Add(person);
        CaseLog.Add(db, c, user, now, "person-added", $"{person.Name} · {person.Relation}");
        c.Version++;
        audit.Record(new AuditRecord
        {
            Action = "threats.case.person-added", ResourceType = "threat-case", ResourceId = id.ToString(), OrgUnitId = c.CourtId,
            Details = JsonSerializer.Serialize(new { personId = person.Id, person.UserId, person.Relation }),
        });
        await db.SaveChangesAsync(ct);
        return Outcome<ProtectedPersonDto>.Ok(new ProtectedPersonDto(person.Id, person.UserId, person.Name, person.Relation));
    }

    /// <summary>A line of the communications log (a call, a letter, a contact with the source) or a note, with when it happened.</summary>
    public async Task<Outcome<CaseEventDto>> AddNoteAsync(ClaimsPrincipal user, Guid id, NoteRequest request, CancellationToken ct)
    {
        var c = await db.Set<ThreatCase>().FirstOrDefaultAsync(x => x.Id == id, ct);
        if (c is null || !await authorization.AllowsAsync(user, ThreatsPolicies.WorkCases, c.CourtId))
        {
            return Outcome<CaseEventDto>.NotFound();
        }

        var now = clock.GetUtcNow();
        var v = new Validator(loc).Required("text", request.Text, 3000);
        var occurred = v.Instant("occurredAt", request.OccurredAt, now, required: false);
        if (!v.IsValid)
        {
            return Outcome<CaseEventDto>.Invalid(v);
        }

        var text = occurred is { } at ? $"[{KyivTime.Format(at)}] {request.Text!.Trim()}" : request.Text!.Trim();
        CaseLog.Add(db, c, user, now, "note", text);
        c.Version++;
        audit.Record(new AuditRecord
        {
            Action = "threats.case.note-added", ResourceType = "threat-case", ResourceId = id.ToString(), OrgUnitId = c.CourtId, OccurredAt = occurred,
        });
        await db.SaveChangesAsync(ct);
        return Outcome<CaseEventDto>.Ok(new CaseEventDto(now, CaseLog.NameOf(user), "note", text));
    }

    /// <summary>
    /// The dashboard of the cases the caller reads (or of one unit): open cases by status and by risk, assessments waiting
    /// for a second person, the overdue cases (oldest due first) and those due within a day.
    /// </summary>
    public async Task<DashboardDto> DashboardAsync(ClaimsPrincipal user, Guid? unit, CancellationToken ct)
    {
        var courts = await CaseQueries.ReadableCourtsAsync(authorization, org, user);
        if (unit is { } u)
        {
            courts = courts.Where(c => org.Current.IsWithin(c, u)).ToList();
        }

        var now = clock.GetUtcNow();
        var nowUtc = now.UtcDateTime;
        var soon = nowUtc.AddDays(1);
        var open = db.Set<ThreatCase>().AsNoTracking().Where(c => courts.Contains(c.CourtId) && c.Status != CaseStatus.Closed);
        var byStatus = await open.GroupBy(c => c.Status).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, ct);
        var byRisk = await open.GroupBy(c => c.RiskLevel ?? "none").Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, ct);
        var pending = await (from a in db.Set<Assessment>().AsNoTracking()
                             join c in open on a.CaseId equals c.Id
                             where a.Review == ReviewStates.Pending
                             select a.Id).CountAsync(ct);
        var overdueAssessment = await open.Where(c => c.AssessedAt == null && c.DueAt < nowUtc).OrderBy(c => c.DueAt).Take(100).ToListAsync(ct);
        var overdueMeasures = await open.Where(c => c.MeasuresDueAt != null && c.MeasuresStartedAt == null && c.MeasuresDueAt < nowUtc)
            .OrderBy(c => c.MeasuresDueAt).Take(100).ToListAsync(ct);
        var dueSoon = await open.Where(c => c.AssessedAt == null && c.DueAt >= nowUtc && c.DueAt < soon).OrderBy(c => c.DueAt).Take(100).ToListAsync(ct);
        var overdue = overdueAssessment.Concat(overdueMeasures).DistinctBy(c => c.Id)
            .OrderBy(c => c.AssessedAt == null ? c.DueAt : c.MeasuresDueAt!.Value).Select(c => CaseQueries.Line(c, org, now)).ToList();
        var today = KyivTime.DayOf(now);
        var reviewIds = await (from m in db.Set<Measure>().AsNoTracking()
                               join c in open on m.CaseId equals c.Id
                               where (m.Status == MeasureStatus.Planned || m.Status == MeasureStatus.Active) && m.ReviewOn != null && m.ReviewOn <= today
                               select c.Id).Distinct().Take(100).ToListAsync(ct);
        var toReview = await db.Set<ThreatCase>().AsNoTracking().Where(c => reviewIds.Contains(c.Id)).ToListAsync(ct);
        var reviewPersons = await db.Set<ProtectedPerson>().AsNoTracking().Where(p => reviewIds.Contains(p.CaseId)).ToListAsync(ct);
        var measuresToReview = (await MeasureService.DtosAsync(db, toReview, reviewPersons,
                m => reviewIds.Contains(m.CaseId) && (m.Status == MeasureStatus.Planned || m.Status == MeasureStatus.Active) && m.ReviewOn != null && m.ReviewOn <= today, ct))
            .OrderBy(m => m.ReviewOn).ToList();
        await audit.AppendAsync(new AuditRecord
        {
            Action = "threats.dashboard.read", Category = AuditCategory.Read, ResourceType = "threat-case", OrgUnitId = unit,
            Details = JsonSerializer.Serialize(new { overdue = overdue.Count }),
        }, ct);
        return new DashboardDto(byStatus.Values.Sum(), byStatus, byRisk, pending, overdue, dueSoon.Select(c => CaseQueries.Line(c, org, now)).ToList(),
            measuresToReview);
    }

    /// <summary>What the caller may do on the cases of a court: work them, review assessments, manage measures.</summary>
    public async Task<(bool Work, bool Review, bool Measures)> RightsAsync(ClaimsPrincipal user, Guid courtId) => (
        await authorization.AllowsAsync(user, ThreatsPolicies.WorkCases, courtId),
        await authorization.AllowsAsync(user, ThreatsPolicies.ReviewAssessments, courtId),
        await authorization.AllowsAsync(user, ThreatsPolicies.ManageMeasures, courtId));

    /// <summary>The analysts a case of this court may be assigned to.</summary>
    public async Task<IReadOnlyList<PersonOptionDto>> AnalystsAsync(ClaimsPrincipal user, Guid courtId, CancellationToken ct) =>
        await authorization.AllowsAsync(user, ThreatsPolicies.WorkCases, courtId)
            ? (await people.WithRoleOverAsync(Roles.ThreatAnalyst, courtId, ct)).Select(p => new PersonOptionDto(p.UserId, p.DisplayName)).ToList()
            : [];

    /// <summary>The people of a court who may be protected on its cases (its judges and staff).</summary>
    public async Task<IReadOnlyList<PersonOptionDto>> CourtPeopleAsync(ClaimsPrincipal user, Guid courtId, CancellationToken ct)
    {
        if (!await authorization.AllowsAsync(user, ThreatsPolicies.WorkCases, courtId))
        {
            return [];
        }

        return await CaseQueries.PeopleAsync(people, courtId, [Roles.Judge, Roles.CourtStaff, Roles.SecurityOfficer], ct);
    }

    /// <summary>The assessment that counts: the latest that needs no review or was approved.</summary>
    public static Assessment? Counting(IEnumerable<Assessment> assessments) =>
        assessments.Where(a => a.Review is ReviewStates.NotRequired or ReviewStates.Approved).MaxBy(a => a.Version);

    public static AssessmentDto ToDto(Assessment a, bool counts) => new(
        a.Id, a.Version, a.Stage, a.Behaviours.Split(' ', StringSplitOptions.RemoveEmptyEntries), a.History, a.ProtectiveFactors, a.RiskLevel, a.Reasons,
        a.AssessorUserId, a.AssessorName, Utc(a.AssessedAt), a.Review, a.ReviewerName, Utc(a.ReviewedAt), a.ReviewNote, counts);

    private static List<string> SplitCourtCases(string? text) =>
        (text ?? "").Split(['\n', ',', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct().ToList();

    private static string Cursor(ThreatCase c) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes($"{c.LastActivityAt.Ticks.ToString(CultureInfo.InvariantCulture)}_{c.Number}"));

    private static (DateTime, string)? Cursor(string text)
    {
        try
        {
            var parts = Encoding.UTF8.GetString(Convert.FromBase64String(text)).Split('_');
            return parts.Length == 2 && long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var ticks)
                && ticks is > 0 and < 3155378975999999999 && parts[1].Length is > 0 and <= 30
                ? (new DateTime(ticks, DateTimeKind.Utc), parts[1])
                : null;
        }
        catch (FormatException)
        {
            return null;
        }
    }

    [System.Text.RegularExpressions.GeneratedRegex("^THR-[0-9]{4}-[0-9]{5,}$", System.Text.RegularExpressions.RegexOptions.IgnoreCase)]
    private static partial System.Text.RegularExpressions.Regex CaseNumber();
}
