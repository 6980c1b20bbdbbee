namespace Varta.Platform.Pages;

/// <summary>
/// Tells open pages that something happened, after it is stored. The writer publishes on its own thread, so a handler
/// run there would run with the writer's culture (and everything else in its execution context): every page would
/// render the news in the writer's language. So each handler runs in the execution context captured when it
/// subscribed — its own circuit's, with its own user's language. Handlers must be quick and must not throw.
/// </summary>
public sealed class Broadcast<T>
{
    private readonly Lock _gate = new();
    private Subscription[] _subscriptions = [];

    /// <summary>Calls <paramref name="handler"/> with each published value, until disposed.</summary>
    public IDisposable Subscribe(Action<T> handler)
    {
        var subscription = new Subscription(this, handler, ExecutionContext.Capture());
        lock (_gate)
        {
            _subscriptions = [.. _subscriptions, subscription];
        }

        return subscription;
    }

    public void Publish(T value)
    {
        foreach (var subscription in Volatile.Read(ref _subscriptions))
        {
            subscription.Invoke(value);
        }
    }

    private void Remove(Subscription subscription)
    {
        lock (_gate)
        {
            _subscriptions = [.. _subscriptions.Where(s => s != subscription)];
        }
    }

    private sealed class Subscription(Broadcast<T> owner, Action<T> handler, ExecutionContext? context) : IDisposable
    {
        public void Invoke(T value)
        {
            if (context is null)
            {
                handler(value); // the subscriber had suppressed the flow: nothing of its own to restore
                return;
            }

            ExecutionContext.Run(context, static state =>
            {
                var (handler, value) = ((Action<T>, T))state!;
                handler(value);
            }, (handler, value));
        }

        public void Dispose() => owner.Remove(this);
    }
}
