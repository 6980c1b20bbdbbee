using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Varta.Community.Policy;
using Varta.Community.Territories;
using Varta.Platform.Http;

namespace Varta.Community.ImportIndicators;

internal static class ImportIndicatorsEndpoint
{
    /// <summary>Indicator values per territory and year (CSV: katotth, year, indicator, value[, source]).</summary>
    public static void Map(RouteGroupBuilder group) =>
        group.MapPost("/indicators/import", async (HttpRequest http, PolicyService s, Problems p, CancellationToken ct) =>
            {
                var upload = await Upload.ReadAsync(http, ct);
                if (upload is not { } file)
                {
                    return p.Status(StatusCodes.Status400BadRequest, "community.no-file");
                }

                using var content = file.Content;
                return (await s.ImportIndicatorsAsync(content, ct)).OkOrProblem(p);
            })
            .RequireAuthorization(CommunityPolicies.ImportIndicators).DisableAntiforgery().WithMetadata(new Upload.Limit());
}
