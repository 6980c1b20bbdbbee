namespace Varta.Platform.Persistence;

/// <summary>Rows that carry when they were created (and no author column); stamped by <see cref="StampingInterceptor"/>, never by hand.</summary>
public interface ICreateStamped
{
    DateTime CreatedAt { get; set; }
}
