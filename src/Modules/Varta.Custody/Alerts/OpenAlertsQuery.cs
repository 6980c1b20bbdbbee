using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using Varta.Custody.Data;
using Varta.Custody.Records;
using Varta.Platform.Http;
using Varta.Platform.Identity;
using Varta.Platform.Persistence;

namespace Varta.Custody.Alerts;

/// <summary>The alerts standing now at a facility, the soonest due first.</summary>
internal sealed class OpenAlertsQuery(VartaDbContext db, IAuthorizationService authorization)
{
    public async Task<Outcome<IReadOnlyList<AlertDto>>> ReadAsync(ClaimsPrincipal user, Guid facilityId, CancellationToken ct)
    {
        if (!await authorization.AllowsAsync(user, CustodyPolicies.ReadAlerts, facilityId))
        {
            return Outcome<IReadOnlyList<AlertDto>>.NotFound();
        }

        var alerts = await db.Set<CustodyAlert>().AsNoTracking().Where(a => a.FacilityId == facilityId && a.ClearedAt == null).ToListAsync(ct);
        return Outcome<IReadOnlyList<AlertDto>>.Ok(alerts.OrderBy(a => a.DueAt).Select(RecordReader.ToDto).ToList());
    }
}
