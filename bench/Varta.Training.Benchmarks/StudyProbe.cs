using System.Collections;
using System.Collections.Concurrent;
using System.Diagnostics;
using System.Reflection;
using System.Security.Claims;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Varta.Custody.Benchmarks;
using Varta.Platform.Http;

namespace Varta.Training.Benchmarks;

/// <summary>What a queue call answered: enough to tell which path it took and to grade its first cards.</summary>
internal sealed record QueueView(int DueNow, int NewAvailable, int ReviewedToday, int DailyLimit, IReadOnlyList<(Guid CardId, int Version, string Phase)> Cards)
{
    /// <summary>StudyService looks for new cards (two more queries over the deck) when fewer than <c>take</c> due cards fit the day's room.</summary>
    public bool NewCardPath(int take) => Math.Min(DueNow, Math.Max(0, DailyLimit - ReviewedToday)) < take;
}

/// <summary>
/// Calls the Training module's StudyService as its endpoints do: a fresh DI scope of the real host per call (so a new
/// VartaDbContext, as for a request), the service resolved from it, the caller a ClaimsPrincipal carrying the
/// learner's id as its NameIdentifier (what VartaClaims.UserId reads). The service and its DTOs are internal to the
/// module and the module opens its internals only to its tests, so they are reached by reflection: the methods are
/// looked up once, and a call costs one MethodInfo.Invoke (well under a microsecond) on top of the service's own work.
/// </summary>
internal sealed class StudyProbe
{
    private readonly IServiceProvider _services;
    private readonly Type _service;
    private readonly MethodInfo _queue;
    private readonly MethodInfo _review;
    private readonly MethodInfo _settingsOf;
    private readonly ConstructorInfo _reviewRequest;
    private readonly ConcurrentDictionary<Type, PropertyInfo> _results = new();

    public StudyProbe(IServiceProvider services)
    {
        _services = services;
        var assembly = typeof(TrainingModule).Assembly;
        _service = assembly.GetType("Varta.Training.Study.StudyService", throwOnError: true)!;
        var request = assembly.GetType("Varta.Training.Study.ReviewRequest", throwOnError: true)!;
        _queue = _service.GetMethod("QueueAsync", [typeof(ClaimsPrincipal), typeof(int), typeof(CancellationToken)])
            ?? throw new MissingMethodException("StudyService.QueueAsync(ClaimsPrincipal, int, CancellationToken)");
        _review = _service.GetMethod("ReviewAsync", [typeof(ClaimsPrincipal), typeof(Guid), request, typeof(CancellationToken)])
            ?? throw new MissingMethodException("StudyService.ReviewAsync(ClaimsPrincipal, Guid, ReviewRequest, CancellationToken)");
        _settingsOf = _service.GetMethod("SettingsOfAsync", [typeof(Guid), typeof(CancellationToken)])
            ?? throw new MissingMethodException("StudyService.SettingsOfAsync(Guid, CancellationToken)");
        _reviewRequest = request.GetConstructor([typeof(int?), typeof(int?)]) ?? throw new MissingMethodException("ReviewRequest(int?, int?)");
    }

    /// <summary>Set around each call of the profiling pass, so that the SQL profiler files statements under the operation.</summary>
    public OperationContext Context { get; } = new();

    public static ClaimsPrincipal Learner(Guid id) =>
        new(new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, id.ToString())], "bench"));

    /// <summary>StudyService.QueueAsync(user, take): the timed call and what it answered.</summary>
    public async Task<(double Ms, QueueView Queue)> QueueAsync(ClaimsPrincipal user, int take)
    {
        var (ms, result) = await TimedAsync(s => (Task)_queue.Invoke(s, [user, take, CancellationToken.None])!);
        return (ms, ReadQueue(result));
    }

    /// <summary>StudyService.ReviewAsync(user, card, {rating, version}); anything but Ok stops the run.</summary>
    public async Task<double> ReviewAsync(ClaimsPrincipal user, Guid cardId, int rating, int version) => (await GradeAsync(user, cardId, rating, version)).Ms;

    /// <summary>The same call, with what it answered: phase, due time, scheduled days and version after the review.</summary>
    public async Task<(double Ms, string Result)> GradeAsync(ClaimsPrincipal user, Guid cardId, int rating, int version)
    {
        var request = _reviewRequest.Invoke([rating, version]);
        var (ms, result) = await TimedAsync(s => (Task)_review.Invoke(s, [user, cardId, request, CancellationToken.None])!);
        var kind = (OutcomeKind)result!.GetType().GetProperty("Kind")!.GetValue(result)!;
        if (kind != OutcomeKind.Ok)
        {
            throw new InvalidOperationException($"review of card {cardId} (version {version}, rating {rating}) by {user.FindFirstValue(ClaimTypes.NameIdentifier)}: {kind} " +
                result.GetType().GetProperty("MessageKey")!.GetValue(result));
        }

        var value = result.GetType().GetProperty("Value")!.GetValue(result)!;
        object? Get(string name) => value.GetType().GetProperty(name)!.GetValue(value);
        return (ms, string.Create(System.Globalization.CultureInfo.InvariantCulture,
            $"{Get("Phase")} due={(DateTimeOffset)Get("DueAt")!:O} days={Get("ScheduledDays")} version={Get("Version")} today={Get("ReviewedToday")}"));
    }

    /// <summary>StudyService.SettingsOfAsync(id): one primary-key lookup through the same service and context (the reference).</summary>
    public async Task<double> SettingsAsync(Guid learner)
    {
        var (ms, _) = await TimedAsync(s => (Task)_settingsOf.Invoke(s, [learner, CancellationToken.None])!);
        return ms;
    }

    private async Task<(double Ms, object? Result)> TimedAsync(Func<object, Task> call)
    {
        var start = Stopwatch.GetTimestamp();
        Task task;
        await using (var scope = _services.CreateAsyncScope())
        {
            task = call(scope.ServiceProvider.GetRequiredService(_service));
            await task;
        }

        var ms = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
        return (ms, _results.GetOrAdd(task.GetType(), t => t.GetProperty("Result")!).GetValue(task));
    }

    private static QueueView ReadQueue(object? dto)
    {
        ArgumentNullException.ThrowIfNull(dto);
        var type = dto.GetType();
        int Int(object o, string name) => (int)o.GetType().GetProperty(name)!.GetValue(o)!;
        var cards = new List<(Guid, int, string)>();
        foreach (var card in (IEnumerable)type.GetProperty("Cards")!.GetValue(dto)!)
        {
            var t = card.GetType();
            cards.Add(((Guid)t.GetProperty("CardId")!.GetValue(card)!, (int)t.GetProperty("Version")!.GetValue(card)!, (string)t.GetProperty("Phase")!.GetValue(card)!));
        }

        return new QueueView(Int(dto, "DueNow"), Int(dto, "NewAvailable"), Int(dto, "ReviewedToday"), Int(dto, "DailyLimit"), cards);
    }
}

/// <summary>
/// The SQL profiler attributes statements to the operation named in the current request's X-Bench-Op header. These
/// calls have no request, so this accessor stands in for one: a fresh context per call, carrying the operation's name.
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
