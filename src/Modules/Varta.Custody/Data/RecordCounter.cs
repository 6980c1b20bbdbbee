namespace Varta.Custody.Data;

/// <summary>
/// The last record number given in a facility in a year. A booking takes the next one by raising this row in the
/// same transaction as the record; two bookings that read the same value cannot both store it (the value is the row's
/// concurrency token), so numbers never collide and have no gaps.
/// </summary>
internal sealed class RecordCounter
{
    public Guid FacilityId { get; set; }

    public int Year { get; set; }

    public int Last { get; set; }
}
