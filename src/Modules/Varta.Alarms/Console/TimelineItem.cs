using System.Text.Json;
using Varta.Alarms.Data;
using Varta.Alarms.Feed;

namespace Varta.Alarms.Console;

/// <summary>One line of an alarm's timeline on the console.</summary>
internal sealed record TimelineItem(long Seq, string Kind, DateTimeOffset At, string Actor, string? Detail)
{
    public static TimelineItem From(AlarmEvent e) => new(e.Seq, e.Kind, AlarmWriter.Utc(e.At), e.Actor, DetailOf(e));

    /// <summary>What a person needs from an event's payload: a note's text, whom it sent, a panel's code and zone.</summary>
    private static string? DetailOf(AlarmEvent e)
    {
        try
        {
            using var json = JsonDocument.Parse(e.Payload);
            var root = json.RootElement;
            string? Text(string name) => root.TryGetProperty(name, out var p) && p.ValueKind == JsonValueKind.String ? p.GetString() : null;
            return e.Kind switch
            {
                "note" => Text("text"),
                "dispatched" when root.TryGetProperty("responders", out var r) && r.ValueKind == JsonValueKind.Array =>
                    string.Join(", ", r.EnumerateArray().Select(x => x.GetString())) + (Text("note") is { Length: > 0 } n ? " — " + n : ""),
                "resolved" => Text("note"),
                "restored" => $"{Text("code")}/{Text("zone")}",
                "escalated" when root.TryGetProperty("level", out var level) => level.ToString(),
                _ => null,
            };
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
