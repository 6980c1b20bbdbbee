using System.Text.Json;
using System.Text.Json.Serialization;
using Varta.Custody.Entries;

namespace Varta.Custody.Transfer;

/// <summary>
/// When the transfer happened, and the transfer entry's own fields flat beside it (<see cref="Fields"/>), checked against
/// <see cref="Rules.EntryCatalog"/>.
/// </summary>
internal sealed record TransferRequest([property: JsonConverter(typeof(TextOrAbsent))] string? OccurredAt)
{
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Fields { get; init; }
}
