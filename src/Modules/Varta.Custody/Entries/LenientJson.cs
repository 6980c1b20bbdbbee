using System.Text.Json;
using System.Text.Json.Serialization;

namespace Varta.Custody.Entries;

/// <summary>
/// A text field that should be a JSON string. A value of another kind reads as absent, so that the field's own rule
/// ("required") answers it as a field error, as it did when bodies were read by hand, instead of refusing the whole body.
/// </summary>
internal sealed class TextOrAbsent : JsonConverter<string>
{
    public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.String)
        {
            return reader.GetString();
        }

        // Consumed whole (Skip would throw: a streamed body is not the reader's final block).
        using var _ = JsonDocument.ParseValue(ref reader);
        return null;
    }

    public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options) => writer.WriteStringValue(value);
}

/// <summary>
/// An instant field. A value of another JSON kind reads as its JSON text, which no instant parses, so that it fails as
/// "instant-required" (present but not an instant) rather than as "required" or as malformed JSON.
/// </summary>
internal sealed class TextOrJson : JsonConverter<string>
{
    public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.String)
        {
            return reader.GetString();
        }

        using var value = JsonDocument.ParseValue(ref reader);
        return value.RootElement.GetRawText();
    }

    public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options) => writer.WriteStringValue(value);
}
