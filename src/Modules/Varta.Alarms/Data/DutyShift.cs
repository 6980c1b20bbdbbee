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

    public string CreatedBy { get; set; } = "";

    public DateTime CreatedAt { get; set; }

    public DateTime? CancelledAt { get; set; }

    public string? CancelledBy { get; set; }

    public string? CancelReason { get; set; }

    // Stamped on insert by the platform's interceptor, like every other recorded row.
    DateTime IStamped.RecordedAt { get => CreatedAt; set => CreatedAt = value; }

    string IStamped.RecordedBy { get => CreatedBy; set => CreatedBy = value; }
}
