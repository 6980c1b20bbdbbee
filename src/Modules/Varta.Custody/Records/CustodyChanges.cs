using Varta.Platform.Pages;

namespace Varta.Custody.Records;

/// <summary>
/// Tells open boards of a facility that something changed, after it is stored; each board's handler runs in its own
/// circuit's execution context, so it re-renders in its own user's language (see <see cref="Broadcast{T}"/>).
/// </summary>
internal sealed class CustodyChanges
{
    private readonly Broadcast<Guid> _changes = new();

    /// <summary>Calls <paramref name="handler"/> with the facility's id after each change, until disposed.</summary>
    public IDisposable Subscribe(Action<Guid> handler) => _changes.Subscribe(handler);

    public void Notify(Guid facilityId) => _changes.Publish(facilityId);
}
