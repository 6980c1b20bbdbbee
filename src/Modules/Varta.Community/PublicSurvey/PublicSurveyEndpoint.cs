using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Varta.Community.Surveys;
using Varta.Platform.Http;

namespace Varta.Community.PublicSurvey;

/// <summary>
/// Self-completion through a survey's public link, without an account (reviewed anonymous): the link's 128-bit token is
/// the secret; only an open survey answers; nothing of the sender is stored (no account, no address).
/// </summary>
internal static class PublicSurveyEndpoint
{
    public static void Map(RouteGroupBuilder group)
    {
        group.MapGet("/public/{token}", async (string token, SurveyService s, Problems p, CancellationToken ct) =>
                await s.PublicAsync(token, ct) is { } survey
                    ? TypedResults.Ok(new { survey.Title, survey.ConsentUk, survey.ConsentEn, survey.TerritoryCode, form = survey.FormJson })
                    : Outcome<object>.NotFound().Problem(p))
            .AllowAnonymous().RequireRateLimiting(Throttling.PublicPolicy);
        group.MapPost("/public/{token}/responses", async (string token, ResponseRequest request, SurveyService s, Problems p, CancellationToken ct) =>
                (await s.SubmitPublicAsync(token, request, ct)).OkOrProblem(p))
            .AllowAnonymous().RequireRateLimiting(Throttling.PublicPolicy);
    }
}
