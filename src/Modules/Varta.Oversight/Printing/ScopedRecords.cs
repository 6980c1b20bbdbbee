using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Varta.Custody.Contracts;
using Varta.Platform.Identity;

namespace Varta.Oversight.Printing;

/// <summary>
/// A whole custody record for one of oversight's users: null when it does not exist or lies outside the user's scope for the
/// operation (the two are not told apart), and with only the parts custody's rules let this user see.
/// </summary>
internal sealed class ScopedRecords(ICustodyDocuments custody, IAuthorizationService authorization)
{
    public async Task<CustodyRecordDocument?> ReadAsync(ClaimsPrincipal user, Guid recordId, string policy, CancellationToken ct)
    {
        // Read whole first (the facility decides both scope and field access); read again only when something must be left out.
        var whole = await custody.ReadAsync(recordId, CustodyFieldAccess.Full, ct);
        if (whole is null || !await authorization.AllowsAsync(user, policy, whole.FacilityId))
        {
            return null;
        }

        var access = await custody.FieldAccessAsync(user, whole.FacilityId);
        return access == CustodyFieldAccess.Full ? whole : await custody.ReadAsync(recordId, access, ct);
    }
}
