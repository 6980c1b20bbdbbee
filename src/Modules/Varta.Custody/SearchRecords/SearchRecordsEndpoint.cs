using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Varta.Platform.Http;

namespace Varta.Custody.SearchRecords;

internal static class SearchRecordsEndpoint
{
    public static void Map(RouteGroupBuilder group) =>
        group.MapGet("/records", async (ClaimsPrincipal user, SearchQuery search, Problems problems, CancellationToken ct,
                string? query = null, string? dateOfBirth = null, Guid? personId = null) =>
            (await search.SearchAsync(user, query, dateOfBirth, personId, ct)).ToOk(problems))
            .RequireAuthorization(CustodyPolicies.Search);
}
