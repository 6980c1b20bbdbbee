using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.DependencyInjection;

namespace Varta.Platform.Http;

/// <summary>
/// What every text and every instant a client sends must be, in one place: text without NUL or other control
/// characters (tab and line breaks are text) and without bidirectional overrides (U+202A–U+202E, U+2066–U+2069, which
/// make a name read differently from what it stores); instants with their offset, within ten years of now; JSON
/// bodies without a property given twice.
/// </summary>
public static class InputHygiene
{
    /// <summary>How far from now an instant may lie unless a field says otherwise.</summary>
    public static readonly TimeSpan SaneWindow = TimeSpan.FromDays(3653);

    /// <summary>A control character other than tab and line breaks, or a bidirectional override or isolate.</summary>
    public static bool IsForbidden(char c) =>
        (char.IsControl(c) && c is not '\t' and not '\n' and not '\r') || c is >= '\u202A' and <= '\u202E' || c is >= '\u2066' and <= '\u2069';

    public static bool IsCleanText(string? text) => text is null || !text.Any(IsForbidden);

    /// <summary>An instant with its offset ("2026-11-26T10:00:00+02:00" or "…Z"): a bare local time is ambiguous.</summary>
    public static bool TryParseInstant(string? text, out DateTimeOffset instant)
    {
        instant = default;
        if (string.IsNullOrWhiteSpace(text) || !(text.EndsWith('Z') || text.EndsWith('z') || HasOffset(text)))
        {
            return false;
        }

        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out instant);
    }

    public static bool IsSane(DateTimeOffset instant, DateTimeOffset now) => instant > now - SaneWindow && instant < now + SaneWindow;

    private static bool HasOffset(string text)
    {
        var t = text.IndexOf('T', StringComparison.Ordinal);
        return t > 0 && (text.IndexOf('+', t) > 0 || text.IndexOf('-', t) > 0);
    }

    internal static void AddVartaInputHygiene(this IServiceCollection services) =>
        services.AddOptions<JsonOptions>().Configure<TimeProvider>((o, clock) =>
        {
            o.SerializerOptions.AllowDuplicateProperties = false;
            o.SerializerOptions.Converters.Add(new CleanTextConverter());
            o.SerializerOptions.Converters.Add(new SaneInstantConverter(clock));
        });

    /// <summary>Every string property of every JSON body: refused (400, naming the field) when it holds a forbidden character.</summary>
    private sealed class CleanTextConverter : JsonConverter<string>
    {
        public override bool HandleNull => false;

        public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            var text = reader.GetString();
            return IsCleanText(text) ? text : throw new JsonException("forbidden-character");
        }

        public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options) => writer.WriteStringValue(value);
    }

    /// <summary>Every instant property of every JSON body: with its offset and within ten years of now.</summary>
    private sealed class SaneInstantConverter(TimeProvider clock) : JsonConverter<DateTimeOffset>
    {
        public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            reader.TokenType == JsonTokenType.String && TryParseInstant(reader.GetString(), out var instant) && IsSane(instant, clock.GetUtcNow())
                ? instant
                : throw new JsonException("instant-out-of-range");

        public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options) => writer.WriteStringValue(value);
    }
}
