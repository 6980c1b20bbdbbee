using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Varta.Platform.Http;

/// <summary>Too many requests: 429 with <c>Retry-After</c> and problem details in the caller's language, for every limit.</summary>
public static class Throttling
{
    /// <summary>The rate-limiter policy of the sign-in endpoints (API token, sign-in and second-factor pages): per client address.</summary>
    public const string SignInPolicy = "sign-in";

    /// <summary>
    /// The rate-limiter policy of anonymous public endpoints (certificate checks, public survey links): per client
    /// address, reads and writes counted apart (<see cref="PublicLimits"/>). A school or an office behind one address
    /// shares one allowance, so the defaults are generous; they stop a script, not a class filling in a survey.
    /// </summary>
    public const string PublicPolicy = "public";

    /// <summary>The client's address as the request shows it (after a trusted proxy's forwarded headers).</summary>
    public static string ClientAddress(this HttpContext http) => http.Connection.RemoteIpAddress?.ToString() ?? "unknown";

    public static async Task WriteAsync(HttpContext http, TimeSpan retryAfter)
    {
        var seconds = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds));
        http.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        var problems = http.RequestServices.GetRequiredService<Problems>();
        await problems.Status(StatusCodes.Status429TooManyRequests, "problem.too-many-requests", seconds).ExecuteAsync(http);
    }

    internal static void AddVartaRateLimits(this IServiceCollection services) => services.AddRateLimiter(o =>
    {
        o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
        o.OnRejected = (ctx, _) => new ValueTask(WriteAsync(ctx.HttpContext,
            ctx.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retry) ? retry : TimeSpan.FromSeconds(1)));
        o.AddPolicy(SignInPolicy, http =>
        {
            if (!HttpMethods.IsPost(http.Request.Method))
            {
                return RateLimitPartition.GetNoLimiter("read");
            }

            var limit = http.RequestServices.GetRequiredService<IOptions<Identity.SignInPolicy>>().Value.AttemptsPerMinutePerAddress;
            return RateLimitPartition.GetFixedWindowLimiter(http.ClientAddress(), _ => new FixedWindowRateLimiterOptions
            {
                PermitLimit = limit,
                Window = TimeSpan.FromMinutes(1),
                QueueLimit = 0,
            });
        });
        o.AddPolicy(PublicPolicy, http =>
        {
            var limits = http.RequestServices.GetRequiredService<IOptions<PublicLimits>>().Value;
            var write = !HttpMethods.IsGet(http.Request.Method) && !HttpMethods.IsHead(http.Request.Method);
            return RateLimitPartition.GetFixedWindowLimiter((write ? "w:" : "r:") + http.ClientAddress(), _ => new FixedWindowRateLimiterOptions
            {
                PermitLimit = write ? limits.WritesPerMinutePerAddress : limits.ReadsPerMinutePerAddress,
                Window = TimeSpan.FromMinutes(1),
                QueueLimit = 0,
            });
        });
    });
}

/// <summary>Limits of the anonymous public endpoints, per client address and minute (section <c>PublicLimits</c>).</summary>
public sealed class PublicLimits
{
    public int ReadsPerMinutePerAddress { get; set; } = 300;

    public int WritesPerMinutePerAddress { get; set; } = 60;
}
