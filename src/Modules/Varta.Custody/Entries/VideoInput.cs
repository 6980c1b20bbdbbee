using System.Text.Json;
using System.Text.Json.Serialization;

namespace Varta.Custody.Entries;

/// <summary>The video clip an entry points to: a camera and, optionally, the instants it covers (ISO 8601 with offset).</summary>
[JsonConverter(typeof(VideoInputJson))]
internal sealed record VideoInput(string? CameraId, string? From = null, string? To = null, bool Audio = false)
{
    /// <summary>The client sent something other than an object: refused as "object-required".</summary>
    [JsonIgnore]
    public bool NotAnObject { get; init; }
}

/// <summary>Reads <c>video</c> leniently, field by field, so that each wrong value is a field error rather than malformed JSON.</summary>
internal sealed class VideoInputJson : JsonConverter<VideoInput>
{
    public override VideoInput Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        // Parsed whole (Skip would throw: a streamed body is not the reader's final block).
        using var document = JsonDocument.ParseValue(ref reader);
        var video = document.RootElement;
        if (video.ValueKind != JsonValueKind.Object)
        {
            return new VideoInput(null) { NotAnObject = true };
        }

        var camera = video.TryGetProperty("cameraId", out var c) && c.ValueKind == JsonValueKind.String ? c.GetString() : null;
        var audio = video.TryGetProperty("audio", out var a) && a.ValueKind == JsonValueKind.True;
        return new VideoInput(camera, Instant(video, "from"), Instant(video, "to"), audio);
    }

    public override void Write(Utf8JsonWriter writer, VideoInput value, JsonSerializerOptions options)
    {
        writer.WriteStartObject();
        writer.WriteString("cameraId", value.CameraId);
        writer.WriteString("from", value.From);
        writer.WriteString("to", value.To);
        writer.WriteBoolean("audio", value.Audio);
        writer.WriteEndObject();
    }

    /// <summary>Absent or null is no instant; a value of another kind keeps its JSON text, which fails as "instant-required".</summary>
    private static string? Instant(JsonElement video, string name) =>
        !video.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null ? null
        : value.ValueKind == JsonValueKind.String ? value.GetString() : value.GetRawText();
}
