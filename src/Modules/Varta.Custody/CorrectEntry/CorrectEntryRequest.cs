using System.Text.Json;
using System.Text.Json.Serialization;
using Varta.Custody.Entries;

namespace Varta.Custody.CorrectEntry;

/// <summary>
/// A correction: why, and what changes: a new moment and/or some of the original type's fields, flat beside them
/// (<see cref="Fields"/>). The type of an entry cannot be corrected: a <c>type</c> sent here is refused by name.
/// </summary>
internal sealed record CorrectEntryRequest(
    [property: JsonConverter(typeof(TextOrAbsent))] string? Reason,
    [property: JsonConverter(typeof(TextOrJson))] string? OccurredAt = null)
{
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Fields { get; init; }
}
