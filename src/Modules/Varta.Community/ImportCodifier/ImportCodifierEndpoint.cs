using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Varta.Community.Territories;
using Varta.Platform.Http;

namespace Varta.Community.ImportCodifier;

internal static class ImportCodifierEndpoint
{
    /// <summary>The whole KATOTTH codifier as published (CSV or XLSX; multipart part "file" or the body): what it added, changed and retired.</summary>
    public static void Map(RouteGroupBuilder group) =>
        group.MapPost("/territories/import", async (HttpRequest http, TerritoryService s, Problems p, CancellationToken ct) =>
            {
                var upload = await Upload.ReadAsync(http, ct);
                if (upload is not { } file)
                {
                    return p.Status(StatusCodes.Status400BadRequest, "community.no-file");
                }

                using var content = file.Content;
                return (await s.ImportCodifierAsync(file.Name, content, ct)).OkOrProblem(p);
            })
            .RequireAuthorization(CommunityPolicies.ImportTerritories).DisableAntiforgery().WithMetadata(new Upload.Limit());
}
