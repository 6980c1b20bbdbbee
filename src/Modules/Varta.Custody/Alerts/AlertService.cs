using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Varta.Custody.Data;

namespace Varta.Custody.Alerts;

/// <summary>
/// Scans on a timer of the injected clock, so alerts rise and clear as time passes, without anyone opening
/// a page. Tests move a fake clock and await <see cref="NextScanAsync"/>.
/// </summary>
internal sealed class AlertService(IServiceScopeFactory scopes, TimeProvider clock, IOptions<CustodyOptions> options, ILogger<AlertService> logger)
    : BackgroundService
{
    private TaskCompletionSource _scanned = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes after the next scan finishes.</summary>
    public Task NextScanAsync() => Volatile.Read(ref _scanned).Task;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.AlertScanInterval, clock);
        do
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<AlertScanner>().ScanAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogError(e, "Custody alert scan failed");
            }

            Interlocked.Exchange(ref _scanned, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
