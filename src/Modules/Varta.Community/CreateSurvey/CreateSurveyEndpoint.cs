using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Varta.Community.Surveys;
using Varta.Community.Territories;
using Varta.Platform.Http;

namespace Varta.Community.CreateSurvey;

internal static class CreateSurveyEndpoint
{
    /// <summary>A new survey from an XLSForm: multipart form with the part "file" (.xlsx) and the fields unitId, territoryCode, periodFrom, periodTo, consentUk, consentEn.</summary>
    public static void Map(RouteGroupBuilder group) =>
        group.MapPost("/surveys", async (HttpRequest http, ClaimsPrincipal user, SurveyService s, Problems p, CancellationToken ct) =>
            {
                if (!http.HasFormContentType)
                {
                    return p.Status(StatusCodes.Status415UnsupportedMediaType, "community.multipart");
                }

                var form = await http.ReadFormAsync(ct);
                if (form.Files.GetFile("file") is not { Length: > 0 } file)
                {
                    return p.Status(StatusCodes.Status400BadRequest, "community.no-file");
                }

                var request = new SurveyRequest(Guid.TryParse(form["unitId"], out var unit) ? unit : null, form["territoryCode"], form["periodFrom"], form["periodTo"],
                    form["consentUk"], form["consentEn"]);
                await using var stream = file.OpenReadStream();
                return (await s.CreateAsync(user, request, stream, ct)).OkOrProblem(p);
            })
            .RequireAuthorization(CommunityPolicies.ManageSurveys).DisableAntiforgery().WithMetadata(new Upload.Limit());
}
