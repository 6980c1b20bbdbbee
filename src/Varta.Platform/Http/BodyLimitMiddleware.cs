using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.Extensions.Options;

namespace Varta.Platform.Http;

internal sealed class ApiOptions
{
    /// <summary>Largest request body the API accepts, in bytes.</summary>
    public long MaxBodyBytes { get; set; } = 1024 * 1024;
}

/// <summary>Refuses an API body over the limit before it is read: 413 with problem details.</summary>
internal sealed class BodyLimitMiddleware(RequestDelegate next, IOptions<ApiOptions> options)
{
    public async Task InvokeAsync(HttpContext context, Problems problems)
    {
        if (context.Request.Path.StartsWithSegments("/api"))
        {
            // An endpoint that takes files names its own limit (IRequestSizeLimitMetadata); every other API body is held to the setting.
            var limit = context.GetEndpoint()?.Metadata.GetMetadata<IRequestSizeLimitMetadata>()?.MaxRequestBodySize ?? options.Value.MaxBodyBytes;
            var feature = context.Features.Get<IHttpMaxRequestBodySizeFeature>();
            if (feature is { IsReadOnly: false })
            {
                feature.MaxRequestBodySize = limit;
            }

            if (context.Request.ContentLength > limit)
            {
                await problems.Status(StatusCodes.Status413PayloadTooLarge, "problem.body-too-large").ExecuteAsync(context);
                return;
            }
        }

        await next(context);
    }
}
