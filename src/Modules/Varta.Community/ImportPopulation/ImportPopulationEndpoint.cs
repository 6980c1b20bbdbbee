using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Varta.Community.Territories;
using Varta.Platform.Http;

namespace Varta.Community.ImportPopulation;

internal static class ImportPopulationEndpoint
{
    /// <summary>Population by hromada, year, sex and age group (CSV or XLSX: katotth, year, sex, age_group, count).</summary>
    public static void Map(RouteGroupBuilder group) =>
        group.MapPost("/population/import", async (HttpRequest http, TerritoryService s, Problems p, CancellationToken ct) =>
            {
                var upload = await Upload.ReadAsync(http, ct);
                if (upload is not { } file)
                {
                    return p.Status(StatusCodes.Status400BadRequest, "community.no-file");
                }

                using var content = file.Content;
                return (await s.ImportPopulationAsync(content, ct)).OkOrProblem(p);
            })
            .RequireAuthorization(CommunityPolicies.ImportTerritories).DisableAntiforgery().WithMetadata(new Upload.Limit());
}
