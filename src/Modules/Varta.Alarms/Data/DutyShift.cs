using Varta.Platform.Persistence;

namespace Varta.Alarms.Data;

/// <summary>
/// A security officer on duty at a court building between two instants (UTC). Never deleted: a shift that will
/// not happen is cancelled, with who, when and why.
/// </summary>
internal sealed class DutyShift : IStamped
{
    public Guid Id { get; set; }

    public Guid SiteId { get; set; }

    public Guid UserId { get; set; }

    public DateTime StartsAt { get; set; }

    public DateTime EndsAt { get; set; }

    private string _createdBy = "";
    private DateTime _createdAt;

    public string CreatedBy { get => _createdBy; set => _createdBy = value; }

    public DateTime CreatedAt { get => _createdAt; set => _createdAt = value; }

    public DateTime? CancelledAt { get; set; }

    public string? CancelledBy { get; set; }

    public string? CancelReason { get; set; }

    // Stamped on insert by the platform's interceptor, like every other recorded row. The stamp goes to the fields behind
    // the columns (which EF reads and writes too), so nothing in the module ever calls the setters.
    DateTime IStamped.RecordedAt { get => _createdAt; set => _createdAt = value; }

    string IStamped.RecordedBy { get => _createdBy; set => _createdBy = value; }
}
