using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Varta.Platform.Identity;
using Varta.Platform.Organisation;

namespace Varta.Custody.Retention.RetentionRun;

/// <summary>
/// An administrator runs the retention job now, over the facilities of their scope only: one batch, as the scheduled job
/// does it (each record with its audit record, under the administrator's name).
/// </summary>
internal sealed class RetentionRunHandler(Anonymiser anonymiser, IAuthorizationService authorization, OrgDirectory org)
{
    public async Task<RetentionRunDto> RunAsync(ClaimsPrincipal user, CancellationToken ct)
    {
        var facilities = (await authorization.SitesAsync(user, CustodyPolicies.RunRetention, org.Current, SiteKinds.DetentionFacility))
            .Select(s => s.Id).ToList();
        return await anonymiser.RunBatchAsync(facilities, ct);
    }
}
