using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Varta.Platform.Audit;

/// <summary>
/// Audits refused attempts (a made-up device secret, a wrong password) without letting a flood write a row per
/// attempt: per action and source address, the first refusal of a minute is audited at once, and the rest of that
/// minute as one row with their count when the minute is over (or when the source comes back later).
/// </summary>
public sealed class FailureAudit(IServiceScopeFactory scopes, TimeProvider clock) : BackgroundService
{
    private readonly Lock _gate = new();
    private readonly Dictionary<(string Action, string Source), Window> _windows = [];

    private sealed class Window(long minute, AuditRecord first)
    {
        public long Minute { get; } = minute;

        public AuditRecord First { get; } = first;

        public int More { get; set; }
    }

    public async Task RecordAsync(AuditRecord record, string source, CancellationToken ct)
    {
        var minute = clock.GetUtcNow().UtcTicks / TimeSpan.TicksPerMinute;
        Window? closed = null;
        var opened = false;
        lock (_gate)
        {
            if (_windows.TryGetValue((record.Action, source), out var window) && window.Minute == minute)
            {
                window.More++;
            }
            else
            {
                closed = window;
                opened = true;
                _windows[(record.Action, source)] = new Window(minute, record);
            }
        }

        if (closed is not null)
        {
            await WriteSummaryAsync(closed, source, ct);
        }

        if (opened)
        {
            await WriteAsync(record, ct);
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                await Task.Delay(TimeSpan.FromMinutes(1), clock, stoppingToken);
                var minute = clock.GetUtcNow().UtcTicks / TimeSpan.TicksPerMinute;
                List<((string Action, string Source) Key, Window Window)> over;
                lock (_gate)
                {
                    over = _windows.Where(w => w.Value.Minute < minute).Select(w => (w.Key, w.Value)).ToList();
                    foreach (var (key, _) in over)
                    {
                        _windows.Remove(key);
                    }
                }

                foreach (var (key, window) in over)
                {
                    await WriteSummaryAsync(window, key.Source, stoppingToken);
                }
            }
        }
        catch (OperationCanceledException)
        {
            // Shutting down: what is still counted is lost with the process, the first of each minute is not.
        }
    }

    private async Task WriteSummaryAsync(Window window, string source, CancellationToken ct)
    {
        if (window.More == 0)
        {
            return;
        }

        await WriteAsync(new AuditRecord
        {
            Action = window.First.Action,
            Category = window.First.Category,
            ActorId = window.First.ActorId,
            ActorName = window.First.ActorName,
            ResourceType = window.First.ResourceType,
            Reason = "repeated",
            Details = JsonSerializer.Serialize(new
            {
                source,
                more = window.More,
                minute = new DateTimeOffset(window.Minute * TimeSpan.TicksPerMinute, TimeSpan.Zero),
            }),
        }, ct);
    }

    private async Task WriteAsync(AuditRecord record, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<IAuditLog>().AppendAsync(record, ct);
    }
}
