using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Varta.Oversight.Data;

namespace Varta.Oversight.Queue;

/// <summary>Runs the queue's rules on a timer of the injected clock, so items appear without anyone opening a page.</summary>
internal sealed class QueueService(IServiceScopeFactory scopes, TimeProvider clock, IOptions<OversightOptions> options, ILogger<QueueService> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.QueueScanInterval, clock);
        do
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<QueueScanner>().ScanAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogError(e, "Oversight queue scan failed");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
