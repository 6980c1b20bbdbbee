namespace Varta.Platform.Persistence;

/// <summary>
/// A row of a feed that clients resume from by sequence number. Its Seq is assigned inside the audit
/// chain's lock, in commit order, so a reader who has seen N has seen everything below N. Such rows must be
/// saved together with an audit record.
/// </summary>
public interface ISequenced
{
    long Seq { get; set; }
}
