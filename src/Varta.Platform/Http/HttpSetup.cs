using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Varta.Platform.Localization;

namespace Varta.Platform.Http;

/// <summary>Problem details in the caller's language, request localization, the OpenAPI document.</summary>
internal static class HttpSetup
{
    public static void AddVartaHttp(this IServiceCollection services)
    {
        services.AddVartaRateLimits();
        services.AddVartaInputHygiene();
        services.AddSingleton<Problems>();
        services.AddExceptionHandler<ApiExceptionHandler>();
        services.AddProblemDetails(o => o.CustomizeProblemDetails = ctx =>
        {
            var problems = ctx.HttpContext.RequestServices.GetRequiredService<Problems>();
            var status = ctx.ProblemDetails.Status ?? ctx.HttpContext.Response.StatusCode;
            if (ctx.ProblemDetails.Title is null || ctx.ProblemDetails.Title == ReasonPhrase(status))
            {
                ctx.ProblemDetails.Title = problems.Title(status);
            }

            ctx.ProblemDetails.Extensions.Remove("traceId");
            ctx.ProblemDetails.Extensions["traceId"] = ctx.HttpContext.TraceIdentifier;
        });
        services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        services.AddRequestLocalization(o =>
        {
            o.SetDefaultCulture(Loc.Ukrainian).AddSupportedCultures(Loc.Cultures).AddSupportedUICultures(Loc.Cultures);
            o.FallBackToParentUICultures = true;
            o.RequestCultureProviders =
            [
                new QueryStringRequestCultureProvider(),
                new CookieRequestCultureProvider(),
                new AcceptLanguageHeaderRequestCultureProvider(),
            ];
        });
        services.AddOpenApi("v1", o => o.AddDocumentTransformer((doc, _, _) =>
        {
            doc.Info.Title = "Varta API";
            doc.Info.Description = "Custody records, alarms and threat management for Ukraine's justice sector. " +
                "Authenticate with POST /api/v1/auth/token and send 'Authorization: Bearer <accessToken>'.";
            return Task.CompletedTask;
        }));
    }

    private static string? ReasonPhrase(int status) => Microsoft.AspNetCore.WebUtilities.ReasonPhrases.GetReasonPhrase(status);
}
