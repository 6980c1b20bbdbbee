using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Varta.Platform.Identity;

namespace Varta.Platform.Organisation;

internal sealed record OrgUnitDto(Guid Id, Guid? ParentId, string Kind, string? SiteKind, string Name, string NameEn, string Code);

internal static class OrgEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        // Every signed-in user may see the part of the tree their roles cover, and nothing else.
        api.MapGet("/org/units", (ClaimsPrincipal user, OrgDirectory org) =>
        {
            var tree = org.Current;
            var scopes = user.Assignments().Select(a => a.Scope).Distinct().ToList();
            return TypedResults.Ok(tree.Nodes
                .Where(n => scopes.Any(s => tree.IsWithin(n.Id, s)))
                .OrderBy(n => n.Kind).ThenBy(n => n.Name, StringComparer.Ordinal)
                .Select(n => new OrgUnitDto(n.Id, n.ParentId, n.Kind.ToString().ToLowerInvariant(), n.SiteKind, n.Name, n.NameEn, n.Code))
                .ToList());
        }).RequireAuthorization().WithTags("Organisation");
    }
}
