using System.Diagnostics;
using System.Reflection;
using System.Security.Claims;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Varta.Custody.Benchmarks;
using Varta.Platform.Http;
using Varta.Platform.Identity;
using Varta.Platform.Persistence;

namespace Varta.Community.Benchmarks;

/// <summary>
/// Calls SurveyService.ResultsAsync as the results endpoint does: a fresh DI scope of the real host per call (a new
/// VartaDbContext, as for a request), the caller a ClaimsPrincipal holding the community-coordinator role over the
/// survey's unit (the claim sign-in issues). The service is internal to the module, so it is found by reflection once;
/// a call costs one MethodInfo.Invoke on top of the service's own work (its authorization check, the form from the
/// cache, the territory, the count queries, the population, the weighting and the audit append).
/// </summary>
internal sealed class ResultsProbe
{
    private readonly IServiceProvider _services;
    private readonly Type _service;
    private readonly MethodInfo _results;
    private readonly Type _response;

    public ResultsProbe(IServiceProvider services)
    {
        _services = services;
        var assembly = typeof(CommunityModule).Assembly;
        _service = assembly.GetType("Varta.Community.Surveys.SurveyService", throwOnError: true)!;
        _response = assembly.GetType("Varta.Community.Data.SurveyResponse", throwOnError: true)!;
        _results = _service.GetMethod("ResultsAsync", [typeof(ClaimsPrincipal), typeof(Guid), typeof(string), typeof(string), typeof(CancellationToken)])
            ?? throw new MissingMethodException("SurveyService.ResultsAsync(ClaimsPrincipal, Guid, string?, string?, CancellationToken)");
    }

    /// <summary>Set around each call of the profiling pass, so that the SQL profiler files statements under the operation.</summary>
    public OperationContext Context { get; } = new();

    public static ClaimsPrincipal Coordinator(Guid unit) => new(new ClaimsIdentity(
    [
        new Claim(ClaimTypes.NameIdentifier, Guid.Empty.ToString()),
        new Claim(ClaimTypes.Name, "bench.coordinator"),
        new Claim(VartaClaims.RoleAssignment, $"{Roles.CommunityCoordinator}|{unit}"),
    ], "bench", ClaimTypes.Name, ClaimTypes.Role));

    /// <summary>The weighted results of one question over one area: the time of the call and (respondents, answers shown).</summary>
    public async Task<(double Ms, int Respondents, string Summary)> ResultsAsync(ClaimsPrincipal user, Guid survey, string question, string area)
    {
        var start = Stopwatch.GetTimestamp();
        object? outcome;
        await using (var scope = _services.CreateAsyncScope())
        {
            var service = scope.ServiceProvider.GetRequiredService(_service);
            var task = (Task)_results.Invoke(service, [user, survey, question, area, CancellationToken.None])!;
            await task;
            outcome = task.GetType().GetProperty("Result")!.GetValue(task);
        }

        var ms = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
        var kind = (OutcomeKind)outcome!.GetType().GetProperty("Kind")!.GetValue(outcome)!;
        if (kind != OutcomeKind.Ok)
        {
            throw new InvalidOperationException($"results of {question} over {area}: {kind} {outcome.GetType().GetProperty("MessageKey")!.GetValue(outcome)}");
        }

        var dto = outcome.GetType().GetProperty("Value")!.GetValue(outcome)!;
        object? Get(object o, string name) => o.GetType().GetProperty(name)!.GetValue(o);
        var lines = ((System.Collections.IEnumerable)Get(dto, "Answers")!).Cast<object>()
            .Select(a => $"{Get(a, "Value")} {(double?)Get(a, "Share"):P1}→{(double?)Get(a, "WeightedShare"):P1}");
        return (ms, (int)Get(dto, "Respondents")!, $"deff {(double)Get(dto, "DesignEffect")!:F2}; " + string.Join(", ", lines));
    }

    /// <summary>The reference: one response found by its primary key through a fresh scope's VartaDbContext (DbContext.FindAsync).</summary>
    public async Task<double> FindResponseAsync(Guid id)
    {
        var start = Stopwatch.GetTimestamp();
        await using (var scope = _services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<VartaDbContext>();
            if (await db.FindAsync(_response, id) is null)
            {
                throw new InvalidOperationException($"response {id} not found");
            }
        }

        return Stopwatch.GetElapsedTime(start).TotalMilliseconds;
    }
}

/// <summary>
/// The SQL profiler attributes statements to the operation named in the current request's X-Bench-Op header. These
/// calls have no request, so this accessor stands in for one, carrying the operation's name.
/// </summary>
internal sealed class OperationContext : IHttpContextAccessor
{
    private long _calls;

    public HttpContext? HttpContext { get; set; }

    public void Begin(string operation)
    {
        var context = new DefaultHttpContext { TraceIdentifier = "call-" + Interlocked.Increment(ref _calls) };
        context.Request.Headers[SqlProfiler.Header] = operation;
        HttpContext = context;
    }

    public void End() => HttpContext = null;
}
