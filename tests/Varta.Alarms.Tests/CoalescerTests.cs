using Varta.Alarms.Console;

namespace Varta.Alarms.Tests;

public sealed class CoalescerTests
{
    [Fact]
    public async Task A_burst_of_requests_during_a_refresh_makes_one_more_refresh_not_one_each()
    {
        var runs = 0;
        var firstRunMayEnd = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var coalescer = new Coalescer(async () =>
        {
            if (Interlocked.Increment(ref runs) == 1)
            {
                await firstRunMayEnd.Task;
            }
        });

        var first = coalescer.RequestAsync();
        var burst = Enumerable.Range(0, 20).Select(_ => coalescer.RequestAsync()).ToList();
        Assert.All(burst, t => Assert.True(t.IsCompleted));
        Assert.Equal(1, runs);

        firstRunMayEnd.SetResult();
        await first.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal(2, runs);

        await coalescer.RequestAsync();
        Assert.Equal(3, runs);
    }

    [Fact]
    public async Task A_failed_refresh_does_not_stop_later_ones()
    {
        var runs = 0;
        var coalescer = new Coalescer(() => Interlocked.Increment(ref runs) == 1 ? Task.FromException(new InvalidOperationException("database away")) : Task.CompletedTask);

        await Assert.ThrowsAsync<InvalidOperationException>(coalescer.RequestAsync);
        await coalescer.RequestAsync();
        Assert.Equal(2, runs);
    }
}
