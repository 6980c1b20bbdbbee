using System.Globalization;
using System.Security.Claims;
using System.Text.Json;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using Varta.Community.Data;
using Varta.Community.Policy;
using Varta.Community.Surveys;
using Varta.Platform.Audit;
using Varta.Platform.Http;
using Varta.Platform.Identity;
using Varta.Platform.Localization;
using Varta.Platform.Persistence;

namespace Varta.Community.AuditReport;

internal sealed record FindingRequest(string? Area, string? Text);

/// <summary>A finding's new text, with the version the writer read.</summary>
internal sealed record FindingEditRequest(string? Text, int? Version);

/// <summary>A finding's withdrawal: the version the writer read and why (required: an auditor asks).</summary>
internal sealed record FindingWithdrawRequest(int? Version, string? Reason);

internal sealed record FindingDto(Guid Id, Guid SurveyId, string TerritoryCode, string PeriodFrom, string PeriodTo, string Text, DateTime RecordedAt, string RecordedBy,
    int Version, DateTime? EditedAt, string? EditedBy, DateTime? WithdrawnAt);

/// <summary>A text a finding had before an edit: which version, when and by whom it was written, and when and by whom it was replaced.</summary>
internal sealed record FindingRevisionDto(int Version, string Text, DateTime WrittenAt, string WrittenBy, DateTime ReplacedAt, string ReplacedBy);

/// <summary>A finding as it is now (withdrawn or not, with who withdrew it and why) and every text it had before, oldest first.</summary>
internal sealed record FindingHistoryDto(FindingDto Finding, string? WithdrawnBy, string? WithdrawnReason, IReadOnlyList<FindingRevisionDto> Revisions);

/// <summary>A withdrawn finding: what it said last, who withdrew it and why.</summary>
internal sealed record WithdrawnFindingDto(FindingDto Finding, string WithdrawnBy, string WithdrawnReason);

/// <summary>The audit report of a territory and period: the survey's results over the area, the initiative group's findings and the security indicators.</summary>
internal sealed record ReportDto(Guid SurveyId, string Title, string Area, string AreaName, string PeriodFrom, string PeriodTo, int Respondents,
    IReadOnlyList<ResultDto> Results, IReadOnlyList<FindingDto> Findings, int? Population, IReadOnlyList<IndicatorLineDto> Indicators);

/// <summary>
/// The audit report: the survey part (<see cref="SurveyService.ReportAsync"/>, which checks the caller's scope and audits
/// the read), the findings a coordinator writes for the area and period, and the area's indicators up to the period's
/// end; also as a PDF, whose every download is audited.
/// </summary>
internal sealed class AuditReportService(SurveyService surveys, PolicyService policy, VartaDbContext db, IAuthorizationService authorization, IAuditLog audit, Loc loc, ICurrentActor actor,
    TimeProvider clock)
{
    public const int MaxFindingLength = 4000;

    /// <summary>
    /// A coordinator of the survey's unit writes a finding for an area (the survey's territory when none): 404 for a
    /// survey outside the caller's scope, 400 for an empty or too long text or an area not within the survey's territory.
    /// </summary>
    public async Task<Outcome<FindingDto>> AddFindingAsync(ClaimsPrincipal user, Guid surveyId, FindingRequest request, CancellationToken ct)
    {
        if (await ManagedSurveyAsync(user, surveyId, ct) is not { } s)
        {
            return Outcome<FindingDto>.NotFound();
        }

        var text = request.Text?.Trim();
        var v = new Validator(loc).Required("text", text, MaxFindingLength);
        var area = await AreaAsync(user, s, request.Area, v, ct);
        if (!v.IsValid)
        {
            return Outcome<FindingDto>.Invalid(v);
        }

        var finding = new Finding
        {
            Id = Guid.CreateVersion7(clock.GetUtcNow()), SurveyId = s.Id, UnitId = s.UnitId, TerritoryCode = area, PeriodFrom = s.PeriodFrom, PeriodTo = s.PeriodTo, Text = text!,
        };
        db.Add(finding);
        audit.Record(new AuditRecord
        {
            Action = "community.finding.written", ResourceType = "community-survey", ResourceId = s.Id.ToString(), OrgUnitId = s.UnitId,
            Details = JsonSerializer.Serialize(new { finding = finding.Id, area, length = finding.Text.Length }),
        });
        await db.SaveChangesAsync(ct);
        return Outcome<FindingDto>.Ok(Dto(finding));
    }

    /// <summary>
    /// A coordinator of the survey's unit changes a finding's text: 404 for a finding not of this survey or a survey outside
    /// the caller's scope, 400 for an empty or too long text or no version, 409 when the finding changed since the caller
    /// read it (another version) or was withdrawn. The text it replaces is kept as a revision; the edit is audited.
    /// </summary>
    public async Task<Outcome<FindingDto>> EditFindingAsync(ClaimsPrincipal user, Guid surveyId, Guid findingId, FindingEditRequest request, CancellationToken ct)
    {
        var finding = await ManagedFindingAsync(user, surveyId, findingId, ct);
        if (finding is null)
        {
            return Outcome<FindingDto>.NotFound();
        }

        var text = request.Text?.Trim();
        var v = new Validator(loc).Required("text", text, MaxFindingLength).Required("version", request.Version);
        if (!v.IsValid)
        {
            return Outcome<FindingDto>.Invalid(v);
        }

        if (ConflictOf(finding, request.Version) is { } conflict)
        {
            return Outcome<FindingDto>.Conflict(conflict);
        }

        if (text == finding.Text)
        {
            return Outcome<FindingDto>.Ok(Dto(finding));
        }

        var now = clock.GetUtcNow();
        db.Add(new FindingRevision
        {
            Id = Guid.CreateVersion7(now), FindingId = finding.Id, Version = finding.Version, Text = finding.Text,
            WrittenAt = finding.EditedAt ?? finding.RecordedAt, WrittenBy = finding.EditedBy ?? finding.RecordedBy,
        });
        var before = finding.Text.Length;
        finding.Text = text!;
        finding.EditedAt = now.UtcDateTime;
        finding.EditedBy = actor.Name;
        finding.Version++;
        audit.Record(new AuditRecord
        {
            Action = "community.finding.edited", ResourceType = "community-survey", ResourceId = surveyId.ToString(), OrgUnitId = finding.UnitId,
            Details = JsonSerializer.Serialize(new { finding = finding.Id, version = finding.Version, lengthBefore = before, length = finding.Text.Length }),
        });
        return await SaveFindingAsync(finding, ct);
    }

    /// <summary>Why a change to the finding cannot be made: it was withdrawn, or changed since the caller read it (null: it can).</summary>
    private static string? ConflictOf(Finding finding, int? version) =>
        finding.WithdrawnAt is not null ? "community.finding-withdrawn"
        : version != finding.Version ? "community.finding-changed"
        : null;

    /// <summary>
    /// A coordinator withdraws a finding: it leaves the report (and its PDF) but stays stored with who, when and why, so a
    /// report printed earlier can still be traced. 404 / 400 (no version, no reason) / 409 (changed, or already withdrawn) as for an edit.
    /// </summary>
    public async Task<Outcome<FindingDto>> WithdrawFindingAsync(ClaimsPrincipal user, Guid surveyId, Guid findingId, FindingWithdrawRequest request, CancellationToken ct)
    {
        var finding = await ManagedFindingAsync(user, surveyId, findingId, ct);
        if (finding is null)
        {
            return Outcome<FindingDto>.NotFound();
        }

        var reason = request.Reason?.Trim();
        var v = new Validator(loc).Required("reason", reason, 1000).Required("version", request.Version);
        if (!v.IsValid)
        {
            return Outcome<FindingDto>.Invalid(v);
        }

        if (ConflictOf(finding, request.Version) is { } conflict)
        {
            return Outcome<FindingDto>.Conflict(conflict);
        }

        finding.WithdrawnAt = clock.GetUtcNow().UtcDateTime;
        finding.WithdrawnBy = actor.Name;
        finding.WithdrawnReason = reason;
        finding.Version++;
        audit.Record(new AuditRecord
        {
            Action = "community.finding.withdrawn", ResourceType = "community-survey", ResourceId = surveyId.ToString(), OrgUnitId = finding.UnitId, Reason = reason,
            Details = JsonSerializer.Serialize(new { finding = finding.Id, version = finding.Version }),
        });
        return await SaveFindingAsync(finding, ct);
    }

    /// <summary>
    /// A finding's history for a coordinator of the survey's unit: its texts before each edit (who wrote each, who replaced
    /// it and when) and, when withdrawn, who withdrew it and why; also for a withdrawn finding, which the report no longer
    /// shows. 404 for a finding not of this survey or outside the caller's scope. The read is audited.
    /// </summary>
    public async Task<Outcome<FindingHistoryDto>> HistoryAsync(ClaimsPrincipal user, Guid surveyId, Guid findingId, CancellationToken ct)
    {
        if (await ManagedFindingAsync(user, surveyId, findingId, ct) is not { } finding)
        {
            return Outcome<FindingHistoryDto>.NotFound();
        }

        var revisions = (await db.Set<FindingRevision>().AsNoTracking().Where(r => r.FindingId == findingId).ToListAsync(ct))
            .OrderBy(r => r.Version)
            .Select(r => new FindingRevisionDto(r.Version, r.Text, Utc(r.WrittenAt), r.WrittenBy, Utc(r.RecordedAt), r.RecordedBy))
            .ToList();
        await audit.AppendAsync(new AuditRecord
        {
            Action = "community.finding.history-read", Category = AuditCategory.Read, ResourceType = "community-survey", ResourceId = surveyId.ToString(),
            OrgUnitId = finding.UnitId, Details = JsonSerializer.Serialize(new { finding = finding.Id, revisions = revisions.Count }),
        }, ct);
        return Outcome<FindingHistoryDto>.Ok(new FindingHistoryDto(Dto(finding), finding.WithdrawnBy, finding.WithdrawnReason, revisions));
    }

    /// <summary>
    /// The withdrawn findings of an area (the survey's territory when none) for a coordinator of the survey's unit, newest
    /// withdrawal first: out of the report, but a coordinator can still see what was withdrawn, by whom and why. 404 outside
    /// the caller's scope, 400 for an area not within the survey's territory. The read is audited.
    /// </summary>
    public async Task<Outcome<IReadOnlyList<WithdrawnFindingDto>>> WithdrawnFindingsAsync(ClaimsPrincipal user, Guid surveyId, string? area, CancellationToken ct)
    {
        if (await ManagedSurveyAsync(user, surveyId, ct) is not { } s)
        {
            return Outcome<IReadOnlyList<WithdrawnFindingDto>>.NotFound();
        }

        var v = new Validator(loc);
        var code = await AreaAsync(user, s, area, v, ct);
        if (!v.IsValid)
        {
            return Outcome<IReadOnlyList<WithdrawnFindingDto>>.Invalid(v);
        }

        var withdrawn = (await db.Set<Finding>().AsNoTracking().Where(f => f.SurveyId == surveyId && f.TerritoryCode == code && f.WithdrawnAt != null).ToListAsync(ct))
            .OrderByDescending(f => f.WithdrawnAt).ThenBy(f => f.Id)
            .Select(f => new WithdrawnFindingDto(Dto(f), f.WithdrawnBy ?? "", f.WithdrawnReason ?? ""))
            .ToList();
        await audit.AppendAsync(new AuditRecord
        {
            Action = "community.finding.withdrawn-read", Category = AuditCategory.Read, ResourceType = "community-survey", ResourceId = surveyId.ToString(),
            OrgUnitId = s.UnitId, Details = JsonSerializer.Serialize(new { area = code, findings = withdrawn.Count }),
        }, ct);
        return Outcome<IReadOnlyList<WithdrawnFindingDto>>.Ok(withdrawn);
    }

    private static DateTime Utc(DateTime t) => DateTime.SpecifyKind(t, DateTimeKind.Utc);

    /// <summary>The survey, when the caller manages its unit; null otherwise (a 404 to the caller).</summary>
    private async Task<Survey?> ManagedSurveyAsync(ClaimsPrincipal user, Guid surveyId, CancellationToken ct)
    {
        var s = await db.Set<Survey>().AsNoTracking().FirstOrDefaultAsync(x => x.Id == surveyId, ct);
        return s is not null && await authorization.AllowsAsync(user, CommunityPolicies.ManageSurveys, s.UnitId) ? s : null;
    }

    /// <summary>The area asked for (the survey's territory when none), upper-cased; one not within the survey's territory fails "area".</summary>
    private async Task<string> AreaAsync(ClaimsPrincipal user, Survey s, string? area, Validator v, CancellationToken ct)
    {
        var code = string.IsNullOrWhiteSpace(area) ? s.TerritoryCode : area.Trim().ToUpperInvariant();
        if (code != s.TerritoryCode && !(await surveys.AreasWithinAsync(user, s.Id, ct)).Any(t => t.Code == code))
        {
            v.Fail("area", "community.not-within-survey");
        }

        return code;
    }

    /// <summary>The finding, tracked, when it belongs to the survey and the caller manages the survey's unit; null otherwise.</summary>
    private async Task<Finding?> ManagedFindingAsync(ClaimsPrincipal user, Guid surveyId, Guid findingId, CancellationToken ct)
    {
        var finding = await db.Set<Finding>().FirstOrDefaultAsync(f => f.Id == findingId && f.SurveyId == surveyId, ct);
        return finding is not null && await authorization.AllowsAsync(user, CommunityPolicies.ManageSurveys, finding.UnitId) ? finding : null;
    }

    /// <summary>Saves an edit or withdrawal; another writer that saved the same version first makes this one a 409.</summary>
    private async Task<Outcome<FindingDto>> SaveFindingAsync(Finding finding, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (e is DbUpdateConcurrencyException || db.ChangeTracker.Entries<FindingRevision>().Any(r => r.State == EntityState.Added))
        {
            // Either the version token did not match any more, or the revision (finding, version) already exists: both mean
            // that someone else saved this version in between.
            db.ChangeTracker.Clear();
            return Outcome<FindingDto>.Conflict("community.finding-changed");
        }

        return Outcome<FindingDto>.Ok(Dto(finding));
    }

    private static FindingDto Dto(Finding f) =>
        new(f.Id, f.SurveyId, f.TerritoryCode, Iso(f.PeriodFrom), Iso(f.PeriodTo), f.Text, DateTime.SpecifyKind(f.RecordedAt, DateTimeKind.Utc), f.RecordedBy, f.Version,
            f.EditedAt is { } edited ? DateTime.SpecifyKind(edited, DateTimeKind.Utc) : null, f.EditedBy,
            f.WithdrawnAt is { } withdrawn ? DateTime.SpecifyKind(withdrawn, DateTimeKind.Utc) : null);

    private static string Iso(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>The whole report over an area (the survey's territory when none); 404 outside the caller's scope, 400 for an unknown area.</summary>
    public async Task<Outcome<ReportDto>> ReportAsync(ClaimsPrincipal user, Guid id, string? area, CancellationToken ct)
    {
        var part = await surveys.ReportAsync(user, id, area, ct);
        if (!part.IsOk)
        {
            return part.Failure<ReportDto>();
        }

        var r = part.Value!;
        var findings = (await db.Set<Finding>().AsNoTracking().Where(f => f.SurveyId == id && f.TerritoryCode == r.Area && f.WithdrawnAt == null).ToListAsync(ct))
            .OrderBy(f => f.RecordedAt).ThenBy(f => f.Id).Select(Dto).ToList();
        var lastYear = DateOnly.ParseExact(r.PeriodTo, "yyyy-MM-dd", CultureInfo.InvariantCulture).Year;
        var indicators = await policy.IndicatorsAsync(r.Area, ct);
        var lines = indicators.IsOk ? indicators.Value!.Values.Where(l => l.Year <= lastYear).ToList() : [];
        return Outcome<ReportDto>.Ok(new ReportDto(r.SurveyId, r.Title, r.Area, r.AreaName, r.PeriodFrom, r.PeriodTo, r.Respondents, r.Results, findings,
            indicators.IsOk ? indicators.Value!.Population : null, lines));
    }

    /// <summary>The report as a PDF in the caller's language; audited as an export.</summary>
    public async Task<Outcome<byte[]>> PdfAsync(ClaimsPrincipal user, Guid id, string? area, DateTimeOffset printedAt, CancellationToken ct)
    {
        var report = await ReportAsync(user, id, area, ct);
        if (!report.IsOk)
        {
            return report.Failure<byte[]>();
        }

        var r = report.Value!;
        var pdf = AuditReportPdf.Render(r, loc, printedAt);
        await audit.AppendAsync(new AuditRecord
        {
            Action = "community.report.exported", Category = AuditCategory.Read, ResourceType = "community-survey", ResourceId = id.ToString(),
            Details = JsonSerializer.Serialize(new { area = r.Area, format = "pdf", findings = r.Findings.Count }),
        }, ct);
        return Outcome<byte[]>.Ok(pdf);
    }

    /// <summary>Whether the caller may write findings on the survey (the report page's form).</summary>
    public async Task<bool> CanWriteAsync(ClaimsPrincipal user, Guid surveyId, CancellationToken ct) => await ManagedSurveyAsync(user, surveyId, ct) is not null;
}
