using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Varta.Community.Surveys;
using Varta.Platform.Http;
using HttpResults = Microsoft.AspNetCore.Http.Results;

namespace Varta.Community.CollectPage;

/// <summary>
/// The interviewer's offline page, signed in with the site's cookie (the API takes bearer tokens only): the HTML shell,
/// the form as JSON, the responses, and a service worker that keeps the three for use without a connection.
/// </summary>
internal static class CollectPageEndpoint
{
    /// <summary>A cookie POST must carry this header: a cross-site HTML form cannot set it, and a cross-site fetch with it needs CORS, which the site never grants.</summary>
    public const string CsrfHeader = "X-Varta-Collect";

    public static void MapPages(RouteGroupBuilder pages)
    {
        pages.MapGet("/collect/{id:guid}", async (Guid id, string? lang, ClaimsPrincipal user, SurveyService s, CancellationToken ct) =>
                await s.CollectFormAsync(user, id, ct) is null
                    ? HttpResults.NotFound()
                    : HttpResults.Content(CollectHtml.Render(CollectHtml.Language(lang), "collect", $"/community/collect/{id}/form", $"/community/collect/{id}/responses",
                        $"varta.collect.{id}", CollectBuild.Current), "text/html; charset=utf-8"))
            .RequireAuthorization(CommunityPolicies.CollectResponses);
        pages.MapGet("/collect/{id:guid}/form", async (Guid id, ClaimsPrincipal user, SurveyService s, CancellationToken ct) =>
                await s.CollectFormAsync(user, id, ct) is { } form ? HttpResults.Ok(form) : HttpResults.NotFound())
            .RequireAuthorization(CommunityPolicies.CollectResponses);
        pages.MapPost("/collect/{id:guid}/responses", async (Guid id, ResponseRequest request, HttpContext http, ClaimsPrincipal user, SurveyService s, Problems p,
                CancellationToken ct) =>
                http.Request.Headers[CsrfHeader] != "1"
                    ? HttpResults.StatusCode(StatusCodes.Status403Forbidden)
                    : (await s.SubmitAsync(user, id, request, ct)).OkOrProblem(p))
            .RequireAuthorization(CommunityPolicies.CollectResponses);
        // The worker of the current build whatever ?v= asks for; never kept by the HTTP cache, so an update is seen at once.
        pages.MapGet("/collect/sw.js", (HttpContext http) =>
            {
                http.Response.Headers.CacheControl = "no-cache";
                return HttpResults.Text(ServiceWorker.Script(CollectBuild.Current), "text/javascript; charset=utf-8");
            }).AllowAnonymous();
    }
}
