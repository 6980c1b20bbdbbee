using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using Varta.Alarms.Contracts;

namespace Varta.Alarms.EventStream;

/// <summary>
/// One server-sent event, serialised once and written as the same bytes to every stream that watches the same
/// buildings: <c>id: {last Seq}</c>, <c>event: alarms</c>, <c>data: [events in Seq order]</c>. The id is what a
/// client sends back as <c>Last-Event-ID</c> to resume.
/// </summary>
internal sealed class StreamFrame
{
    /// <summary>
    /// As the hub pushes them: camelCase, nulls left out, and Cyrillic as UTF-8 rather than \u escapes (a third of the
    /// bytes for names and places). The data is never put into HTML by the host; a client reads it as JSON.
    /// </summary>
    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>A comment line: keeps proxies and clients from closing an idle stream.</summary>
    public static readonly StreamFrame Heartbeat = new(Encoding.UTF8.GetBytes(": keep-alive\n\n"), 0, 0, []);

    private StreamFrame(byte[] bytes, long firstSeq, long lastSeq, IReadOnlyList<AlarmEventDto> events)
    {
        Bytes = bytes;
        FirstSeq = firstSeq;
        LastSeq = lastSeq;
        Events = events;
    }

    public byte[] Bytes { get; }

    public long FirstSeq { get; }

    public long LastSeq { get; }

    public IReadOnlyList<AlarmEventDto> Events { get; }

    public static StreamFrame Alarms(IReadOnlyList<AlarmEventDto> events)
    {
        var buffer = new ArrayBufferWriter<byte>(512 + 768 * events.Count);
        Append(buffer, $"id: {events[^1].Seq.ToString(CultureInfo.InvariantCulture)}\nevent: alarms\ndata: ");
        using (var writer = new Utf8JsonWriter(buffer))
        {
            // Not indented, and JSON escapes line breaks inside strings: the data is one line, as the format requires.
            JsonSerializer.Serialize(writer, events, Json);
        }

        Append(buffer, "\n\n");
        return new StreamFrame(buffer.WrittenSpan.ToArray(), events[0].Seq, events[^1].Seq, events);
    }

    /// <summary>The first event of a stream: where it starts, so that a client can resume even if nothing happens.</summary>
    public static StreamFrame Ready(long latestSeq, IReadOnlyCollection<Guid> sites)
    {
        var data = JsonSerializer.Serialize(new { latestSeq, sites }, Json);
        var text = $"retry: 2000\nid: {latestSeq.ToString(CultureInfo.InvariantCulture)}\nevent: ready\ndata: {data}\n\n";
        return new StreamFrame(Encoding.UTF8.GetBytes(text), 0, 0, []);
    }

    /// <summary>The last event of a stream whose user no longer has access; the client must sign in again.</summary>
    public static StreamFrame Revoked() => new(Encoding.UTF8.GetBytes("event: revoked\ndata: {}\n\n"), 0, 0, []);

    private static void Append(ArrayBufferWriter<byte> buffer, string ascii)
    {
        var span = buffer.GetSpan(ascii.Length);
        var n = Encoding.UTF8.GetBytes(ascii, span);
        buffer.Advance(n);
    }
}
