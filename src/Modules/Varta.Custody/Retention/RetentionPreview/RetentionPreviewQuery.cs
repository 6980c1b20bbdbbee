using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Varta.Platform.Identity;
using Varta.Platform.Organisation;

namespace Varta.Custody.Retention.RetentionPreview;

/// <summary>The dry run for an administrator: the records due in the facilities of their scope, nothing changed.</summary>
internal sealed class RetentionPreviewQuery(Anonymiser anonymiser, IAuthorizationService authorization, OrgDirectory org)
{
    public async Task<RetentionPreviewDto> PreviewAsync(ClaimsPrincipal user, int limit, CancellationToken ct)
    {
        var facilities = (await authorization.SitesAsync(user, CustodyPolicies.PreviewRetention, org.Current, SiteKinds.DetentionFacility))
            .Select(s => s.Id).ToList();
        return await anonymiser.PreviewAsync(facilities, limit, ct);
    }
}
