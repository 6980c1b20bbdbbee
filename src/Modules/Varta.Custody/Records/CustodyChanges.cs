namespace Varta.Custody.Records;

/// <summary>Tells open boards of a facility that something changed, after it is stored.</summary>
internal sealed class CustodyChanges
{
    public event Action<Guid>? Changed;

    public void Notify(Guid facilityId) => Changed?.Invoke(facilityId);
}
