using System.Security.Claims;
using System.Text.Json;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Varta.Platform.Audit;
using Varta.Platform.Http;
using Varta.Platform.Identity;
using Varta.Platform.Localization;
using Varta.Platform.Persistence;
using Varta.Threats.Cases;
using Varta.Threats.Contracts;
using Varta.Threats.Data;

namespace Varta.Threats.Assessments;

/// <summary>
/// Structured professional judgement on a case: the stage on the pathway to violence, the warning behaviours, history
/// and protective factors, the risk level with reasons. A reassessment is a new version; high and imminent count only
/// once a second person (not the assessor) has approved them. An imminent risk starts the clock for measures at once.
/// </summary>
internal sealed class AssessmentService(VartaDbContext db, IAuthorizationService authorization, IAuditLog audit, TimeProvider clock, Loc loc,
    IOptions<ThreatsOptions> options)
{
    public async Task<Outcome<AssessmentDto>> AssessAsync(ClaimsPrincipal user, Guid caseId, AssessmentRequest request, CancellationToken ct)
    {
        var c = await db.Set<ThreatCase>().FirstOrDefaultAsync(x => x.Id == caseId, ct);
        if (c is null || !await authorization.AllowsAsync(user, ThreatsPolicies.WorkCases, c.CourtId))
        {
            return Outcome<AssessmentDto>.NotFound();
        }

        var v = new Validator(loc).OneOf("stage", request.Stage, Stages.All).OneOf("riskLevel", request.RiskLevel, RiskLevels.All)
            .Required("reasons", request.Reasons, 4000).MaxLength("history", request.History, 4000).MaxLength("protectiveFactors", request.ProtectiveFactors, 4000);
        var behaviours = (request.Behaviours ?? []).Select(b => b?.Trim() ?? "").ToList();
        if (behaviours.Any(b => !WarningBehaviours.All.Contains(b)))
        {
            v.Fail("behaviours", "one-of", string.Join(", ", WarningBehaviours.All));
        }

        if (!v.IsValid)
        {
            return Outcome<AssessmentDto>.Invalid(v);
        }

        if (c.Status == CaseStatus.Closed)
        {
            return Outcome<AssessmentDto>.Conflict("threats.case-is-closed");
        }

        var now = clock.GetUtcNow();
        var version = (await db.Set<Assessment>().Where(a => a.CaseId == caseId).MaxAsync(a => (int?)a.Version, ct) ?? 0) + 1;
        var level = request.RiskLevel!;
        var assessment = new Assessment
        {
            Id = Guid.CreateVersion7(now),
            CaseId = caseId,
            Version = version,
            Stage = request.Stage!,
            Behaviours = string.Join(' ', WarningBehaviours.All.Where(behaviours.Contains)),
            History = Clean(request.History),
            ProtectiveFactors = Clean(request.ProtectiveFactors),
            RiskLevel = level,
            Reasons = request.Reasons!.Trim(),
            AssessorUserId = user.UserId(),
            AssessorName = CaseLog.NameOf(user),
            AssessedAt = now.UtcDateTime,
            Review = RiskLevels.NeedsReview(level) ? ReviewStates.Pending : ReviewStates.NotRequired,
        };
        db.Add(assessment);
        if (assessment.Review == ReviewStates.NotRequired)
        {
            Count(c, assessment, now);
        }

        if (level == RiskLevels.Imminent && c.MeasuresDueAt is null)
        {
            // Protection does not wait for the review: the measures' clock starts when an imminent risk is first recorded.
            c.MeasuresDueAt = (now + options.Value.ImminentMeasuresWithin).UtcDateTime;
        }

        if (c.Status == CaseStatus.New)
        {
            c.Status = CaseStatus.Assessing;
        }

        c.Version++;
        CaseLog.Add(db, c, user, now, "assessed", $"v{version} · {level} · {assessment.Stage} · {assessment.Review}");
        audit.Record(new AuditRecord
        {
            Action = "threats.case.assessed", ResourceType = "threat-case", ResourceId = caseId.ToString(), OrgUnitId = c.CourtId,
            Details = JsonSerializer.Serialize(new { assessmentId = assessment.Id, version, level, assessment.Stage, assessment.Review }),
        });
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            return Outcome<AssessmentDto>.Conflict("threats.changed");
        }

        return Outcome<AssessmentDto>.Ok(CaseService.ToDto(assessment, assessment.Review == ReviewStates.NotRequired));
    }

    /// <summary>
    /// The second person's review of a high or imminent assessment: approve (it counts from now) or return with a note.
    /// 409 when the reviewer made the assessment, when it is not waiting for review, or when a newer one replaced it.
    /// </summary>
    public async Task<Outcome<AssessmentDto>> ReviewAsync(ClaimsPrincipal user, Guid id, ReviewRequest request, CancellationToken ct)
    {
        var assessment = await db.Set<Assessment>().FirstOrDefaultAsync(a => a.Id == id, ct);
        var c = assessment is null ? null : await db.Set<ThreatCase>().FirstOrDefaultAsync(x => x.Id == assessment.CaseId, ct);
        if (assessment is null || c is null || !await authorization.AllowsAsync(user, ThreatsPolicies.ReviewAssessments, c.CourtId))
        {
            return Outcome<AssessmentDto>.NotFound();
        }

        var v = new Validator(loc).OneOf("decision", request.Decision, ["approve", "return"]).MaxLength("note", request.Note, 2000);
        if (request.Decision == "return" && string.IsNullOrWhiteSpace(request.Note))
        {
            v.Fail("note", "required");
        }

        if (!v.IsValid)
        {
            return Outcome<AssessmentDto>.Invalid(v);
        }

        if (assessment.AssessorUserId == user.UserId())
        {
            return Outcome<AssessmentDto>.Conflict("threats.reviewer-is-assessor");
        }

        if (assessment.Review != ReviewStates.Pending)
        {
            return Outcome<AssessmentDto>.Conflict("threats.not-pending");
        }

        if (await db.Set<Assessment>().AnyAsync(a => a.CaseId == assessment.CaseId && a.Version > assessment.Version, ct))
        {
            return Outcome<AssessmentDto>.Conflict("threats.superseded");
        }

        var now = clock.GetUtcNow();
        var approved = request.Decision == "approve";
        assessment.Review = approved ? ReviewStates.Approved : ReviewStates.Returned;
        assessment.ReviewerUserId = user.UserId();
        assessment.ReviewerName = CaseLog.NameOf(user);
        assessment.ReviewedAt = now.UtcDateTime;
        assessment.ReviewNote = Clean(request.Note);
        assessment.ConcurrencyVersion++;
        if (approved)
        {
            Count(c, assessment, now);
        }

        c.Version++;
        CaseLog.Add(db, c, user, now, approved ? "review-approved" : "review-returned", $"v{assessment.Version} · {assessment.RiskLevel}{(assessment.ReviewNote is { } n ? " · " + n : "")}");
        audit.Record(new AuditRecord
        {
            Action = approved ? "threats.assessment.approved" : "threats.assessment.returned", ResourceType = "threat-case", ResourceId = c.Id.ToString(),
            OrgUnitId = c.CourtId, Reason = assessment.ReviewNote,
            Details = JsonSerializer.Serialize(new { assessmentId = id, assessment.Version, assessment.RiskLevel, assessorUserId = assessment.AssessorUserId }),
        });
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Outcome<AssessmentDto>.Conflict("threats.changed");
        }

        return Outcome<AssessmentDto>.Ok(CaseService.ToDto(assessment, approved));
    }

    /// <summary>The assessment counts: the case's risk level is its, and the first one meets the case's timeliness target.</summary>
    private static void Count(ThreatCase c, Assessment a, DateTimeOffset now)
    {
        c.RiskLevel = a.RiskLevel;
        c.AssessedAt ??= now.UtcDateTime;
    }

    private static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
