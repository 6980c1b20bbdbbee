using System.Security.Claims;
using System.Text.Json;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using Varta.Custody.Data;
using Varta.Custody.Records;
using Varta.Platform.Audit;
using Varta.Platform.Identity;
using Varta.Platform.Organisation;
using Varta.Platform.Persistence;

namespace Varta.Custody.Overdue;

internal sealed record OverdueDto(Guid RecordId, string Number, Guid FacilityId, string FacilityName, string PersonName,
    DateTimeOffset? NextCheckDue, DateTimeOffset? CourtDeadline, DateTimeOffset MaxDeadline, IReadOnlyList<string> Reasons);

/// <summary>
/// Everyone, across every facility in the caller's scope, whose check is overdue or whose court or maximum
/// deadline has passed, now: the regional and national view for inspectors and unit heads.
/// </summary>
internal sealed class OverdueQuery(VartaDbContext db, IAuthorizationService authorization, OrgDirectory org, IAuditLog audit, TimeProvider clock)
{
    public async Task<IReadOnlyList<OverdueDto>> ReadAsync(ClaimsPrincipal user, int limit, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var facilities = (await authorization.SitesAsync(user, CustodyPolicies.ReadOverdue, org.Current, SiteKinds.DetentionFacility)).Select(s => s.Id).ToList();
        var rows = await (from r in db.Set<CustodyRecord>().AsNoTracking()
                          join p in db.Set<Person>().AsNoTracking() on r.PersonId equals p.Id
                          where r.Status == RecordStatus.InCustody && facilities.Contains(r.FacilityId)
                                && (r.NextCheckDue < now || r.CourtDeadline < now || r.MaxDeadline < now)
                          orderby r.NextCheckDue
                          select new { r, p }).Take(limit).ToListAsync(ct);
        await audit.AppendAsync(new AuditRecord
        {
            Action = "custody.overdue.read",
            Category = AuditCategory.Read,
            ResourceType = "custody-record",
            Details = JsonSerializer.Serialize(new { rows = rows.Count }),
        }, ct);
        return rows.Select(x => new OverdueDto(x.r.Id, x.r.Number, x.r.FacilityId, org.Current.Find(x.r.FacilityId)?.DisplayName ?? "",
            RecordReader.ToDto(x.p).FullName, x.r.NextCheckDue is { } n ? RecordReader.Utc(n) : null,
            x.r.CourtDeadline is { } c ? RecordReader.Utc(c) : null, RecordReader.Utc(x.r.MaxDeadline), Reasons(x.r, now))).ToList();
    }

    private static List<string> Reasons(CustodyRecord r, DateTime now)
    {
        var reasons = new List<string>();
        if (r.NextCheckDue < now)
        {
            reasons.Add("check-overdue");
        }

        if (r.CourtDeadline < now)
        {
            reasons.Add("court-deadline-passed");
        }

        if (r.MaxDeadline < now)
        {
            reasons.Add("max-deadline-passed");
        }

        return reasons;
    }
}
