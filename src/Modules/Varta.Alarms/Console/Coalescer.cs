namespace Varta.Alarms.Console;

/// <summary>
/// Runs a refresh on request, one at a time: requests that come in while it runs make one more run after it, however
/// many they are. A page that refreshes on every pushed event therefore does at most two refreshes per burst.
/// </summary>
internal sealed class Coalescer(Func<Task> refresh)
{
    private readonly Lock _gate = new();
    private bool _running;
    private bool _again;

    /// <summary>Completes when the refresh it asked for has run, or at once when a running one will take it over.</summary>
    public async Task RequestAsync()
    {
        lock (_gate)
        {
            if (_running)
            {
                _again = true;
                return;
            }

            _running = true;
        }

        var done = false;
        try
        {
            while (!done)
            {
                await refresh();
                lock (_gate)
                {
                    done = !_again;
                    _again = false;
                    _running = !done;
                }
            }
        }
        finally
        {
            if (!done)
            {
                // The refresh threw: the next request starts afresh.
                lock (_gate)
                {
                    _running = false;
                    _again = false;
                }
            }
        }
    }
}
