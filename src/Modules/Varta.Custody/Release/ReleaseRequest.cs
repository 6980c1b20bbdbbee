using System.Text.Json;
using System.Text.Json.Serialization;
using Varta.Custody.Entries;

namespace Varta.Custody.Release;

/// <summary>
/// When the release happened, and the release entry's own fields flat beside it (<see cref="Fields"/>), checked against
/// <see cref="Rules.EntryCatalog"/>.
/// </summary>
internal sealed record ReleaseRequest([property: JsonConverter(typeof(TextOrAbsent))] string? OccurredAt)
{
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Fields { get; init; }
}
