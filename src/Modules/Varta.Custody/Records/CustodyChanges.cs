namespace Varta.Custody.Records;

/// <summary>
/// Tells open boards of a facility that something changed, after it is stored. The writer calls <see cref="Notify"/>
/// on its own thread, so a handler run there would run with the writer's culture (and everything else in its execution
/// context): each board re-rendered in the writer's language. So each handler runs in the execution context captured
/// when it subscribed — its own circuit's, with its own user's language.
/// </summary>
internal sealed class CustodyChanges
{
    private readonly Lock _gate = new();
    private Subscription[] _subscriptions = [];

    /// <summary>Calls <paramref name="handler"/> with the facility's id after each change, until disposed.</summary>
    public IDisposable Subscribe(Action<Guid> handler)
    {
        var subscription = new Subscription(this, handler, ExecutionContext.Capture());
        lock (_gate)
        {
            _subscriptions = [.. _subscriptions, subscription];
        }

        return subscription;
    }

    public void Notify(Guid facilityId)
    {
        foreach (var subscription in Volatile.Read(ref _subscriptions))
        {
            subscription.Invoke(facilityId);
        }
    }

    private void Remove(Subscription subscription)
    {
        lock (_gate)
        {
            _subscriptions = [.. _subscriptions.Where(s => s != subscription)];
        }
    }

    private sealed class Subscription(CustodyChanges owner, Action<Guid> handler, ExecutionContext? context) : IDisposable
    {
        public void Invoke(Guid facilityId)
        {
            if (context is null)
            {
                handler(facilityId); // the subscriber had suppressed the flow: nothing of its own to restore
                return;
            }

            ExecutionContext.Run(context, static state =>
            {
                var (handler, facilityId) = ((Action<Guid>, Guid))state!;
                handler(facilityId);
            }, (handler, facilityId));
        }

        public void Dispose() => owner.Remove(this);
    }
}
