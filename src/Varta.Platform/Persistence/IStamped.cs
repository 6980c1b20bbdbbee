namespace Varta.Platform.Persistence;

/// <summary>Rows that carry who created them and when; filled by <see cref="StampingInterceptor"/>, never by hand.</summary>
public interface IStamped
{
    DateTime RecordedAt { get; set; }

    string RecordedBy { get; set; }
}
