using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Varta.Platform.Persistence;

namespace Varta.Platform.Audit;

/// <summary>Stores a signed checkpoint of the audit chain at the configured interval.</summary>
internal sealed class CheckpointService(IServiceScopeFactory scopes, CheckpointSigner signer, IOptions<AuditOptions> options,
    TimeProvider clock, ILogger<CheckpointService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.CheckpointInterval, clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var checkpoint = await signer.CheckpointAsync(scope.ServiceProvider.GetRequiredService<VartaDbContext>(), stoppingToken);
                logger.LogInformation("Audit checkpoint at {TreeSize}: {RootHash}", checkpoint.TreeSize, checkpoint.RootHash);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogError(e, "Audit checkpoint failed");
            }
        }
    }
}
