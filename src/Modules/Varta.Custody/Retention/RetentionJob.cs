using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Varta.Custody.Retention;

/// <summary>
/// Anonymises the records due, every <see cref="RetentionOptions.ScanInterval"/> of the injected clock, batch after batch
/// until none is left; off when <see cref="RetentionOptions.Enabled"/> is false. Tests move a fake clock and await
/// <see cref="NextRunAsync"/>.
/// </summary>
internal sealed class RetentionJob(IServiceScopeFactory scopes, TimeProvider clock, IOptions<RetentionOptions> options, ILogger<RetentionJob> logger)
    : BackgroundService
{
    private TaskCompletionSource<int> _ran = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes after the next run finishes, with the number of records it anonymised.</summary>
    public Task<int> NextRunAsync() => Volatile.Read(ref _ran).Task;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Enabled)
        {
            return;
        }

        using var timer = new PeriodicTimer(options.Value.ScanInterval, clock);
        do
        {
            var anonymised = 0;
            try
            {
                anonymised = await RunAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogError(e, "Custody retention run failed");
            }

            Interlocked.Exchange(ref _ran, new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult(anonymised);
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    private async Task<int> RunAsync(CancellationToken ct)
    {
        var total = 0;
        while (!ct.IsCancellationRequested)
        {
            // A scope per batch: each batch starts with an empty unit of work.
            await using var scope = scopes.CreateAsyncScope();
            var result = await scope.ServiceProvider.GetRequiredService<Anonymiser>().RunBatchAsync(null, ct);
            total += result.Anonymised;
            if (result.Anonymised > 0 || result.PersonsAnonymised > 0)
            {
                logger.LogInformation("Custody retention anonymised {Records} records and {Persons} persons; {Remaining} still due",
                    result.Anonymised, result.PersonsAnonymised, result.Remaining);
            }

            if (result.Remaining == 0 || result.Anonymised == 0)
            {
                break; // done, or only records someone else is writing to: the next run takes them
            }
        }

        return total;
    }
}
