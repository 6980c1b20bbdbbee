namespace Varta.Platform.Persistence;

/// <summary>Rows that carry when they last changed; stamped by <see cref="StampingInterceptor"/> on insert and on every update, never by hand.</summary>
public interface IUpdateStamped
{
    DateTime UpdatedAt { get; set; }
}
