using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Varta.Community.CollectPage;
using Varta.Community.Surveys;
using Varta.Platform.Http;
using HttpResults = Microsoft.AspNetCore.Http.Results;

namespace Varta.Community.PublicPage;

/// <summary>
/// Self-completion through a survey's public link, without an account: the same static form page as the interviewer's
/// (collect.js in "public" mode: consent first), which sends to the anonymous API route. A static page rather than a
/// Blazor one because the form engine is JavaScript (forms.js) and the site's CSP allows scripts from files only.
/// </summary>
internal static class PublicPageEndpoint
{
    public static void MapPages(RouteGroupBuilder pages)
    {
        pages.MapGet("/s/{token}", async (string token, string? lang, SurveyService s, CancellationToken ct) =>
                await s.PublicFormAsync(token, ct) is null
                    ? HttpResults.NotFound()
                    : HttpResults.Content(CollectHtml.Render(CollectHtml.Language(lang), "public", $"/community/s/{Uri.EscapeDataString(token)}/form",
                        $"/api/v1/community/public/{Uri.EscapeDataString(token)}/responses", $"varta.public.{Uri.EscapeDataString(token)}", CollectBuild.Current), "text/html; charset=utf-8"))
            .AllowAnonymous().RequireRateLimiting(Throttling.PublicPolicy);
        pages.MapGet("/s/{token}/form", async (string token, SurveyService s, CancellationToken ct) =>
                await s.PublicFormAsync(token, ct) is { } form ? HttpResults.Ok(form with { Id = Guid.Empty }) : HttpResults.NotFound())
            .AllowAnonymous().RequireRateLimiting(Throttling.PublicPolicy);
    }
}
