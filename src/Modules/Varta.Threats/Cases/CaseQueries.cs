using System.Linq.Expressions;
using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using Varta.Platform.Identity;
using Varta.Platform.Organisation;
using Varta.Platform.Persistence;
using Varta.Threats.Contracts;
using Varta.Threats.Data;
using static Varta.Platform.Persistence.StoredTime;

namespace Varta.Threats.Cases;

/// <summary>Cases as lines of a list, and which courts' cases a caller reads.</summary>
internal static class CaseQueries
{
    /// <summary>The court buildings whose cases the caller may read (analysts and heads of the unit over them).</summary>
    public static async Task<List<Guid>> ReadableCourtsAsync(IAuthorizationService authorization, OrgDirectory org, ClaimsPrincipal user) =>
        (await authorization.SitesAsync(user, ThreatsPolicies.ReadCases, org.Current, SiteKinds.CourtBuilding)).Select(s => s.Id).ToList();

    /// <summary>The active people holding any of these roles over a court, once each, by name: the pickers of the pages.</summary>
    public static async Task<IReadOnlyList<PersonOptionDto>> PeopleAsync(PeopleDirectory people, Guid courtId, IEnumerable<string> roles, CancellationToken ct)
    {
        var all = new List<PersonRef>();
        foreach (var role in roles)
        {
            all.AddRange(await people.WithRoleOverAsync(role, courtId, ct));
        }

        return all.DistinctBy(p => p.UserId).OrderBy(p => p.DisplayName, StringComparer.CurrentCulture).Select(p => new PersonOptionDto(p.UserId, p.DisplayName)).ToList();
    }

    public static async Task<IReadOnlyList<CaseLineDto>> LinesAsync(VartaDbContext db, OrgDirectory org, List<Guid> courts,
        Expression<Func<ThreatCase, bool>> filter, DateTimeOffset now, CancellationToken ct) =>
        (await db.Set<ThreatCase>().AsNoTracking().Where(c => courts.Contains(c.CourtId)).Where(filter).OrderByDescending(c => c.LastActivityAt).Take(100)
            .ToListAsync(ct)).Select(c => Line(c, org, now)).ToList();

    /// <summary>What is overdue on a case now: its assessment, or the measures an imminent risk needs.</summary>
    public static string? Overdue(ThreatCase c, DateTimeOffset now)
    {
        if (c.Status == CaseStatus.Closed)
        {
            return null;
        }

        if (c.AssessedAt is null && c.DueAt < now.UtcDateTime)
        {
            return "assessment";
        }

        return c.MeasuresDueAt is { } due && c.MeasuresStartedAt is null && due < now.UtcDateTime ? "measures" : null;
    }

    public static CaseLineDto Line(ThreatCase c, OrgDirectory org, DateTimeOffset now) => new(
        c.Id, c.Number, c.CourtId, org.Current.Find(c.CourtId)?.DisplayName ?? "", c.Tier, c.Priority, c.Status, c.Summary, c.RiskLevel, c.AnalystName,
        Utc(c.OpenedAt), Utc(c.DueAt), Utc(c.AssessedAt), Utc(c.MeasuresDueAt), Overdue(c, now), Utc(c.LastActivityAt));
}
