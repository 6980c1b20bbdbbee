using System.Text.Json;
using System.Text.Json.Serialization;
using Varta.Custody.Entries;

namespace Varta.Custody.AppendEntry;

/// <summary>
/// An entry as the client sends it: the common fields, and the entry type's own fields flat beside them
/// (<see cref="Fields"/>), checked against <see cref="Rules.EntryCatalog"/>. Instants are ISO 8601 text with an offset.
/// </summary>
internal sealed record AppendEntryRequest(
    [property: JsonConverter(typeof(TextOrAbsent))] string? Type,
    [property: JsonConverter(typeof(TextOrJson))] string? OccurredAt,
    VideoInput? Video = null)
{
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Fields { get; init; }
}
