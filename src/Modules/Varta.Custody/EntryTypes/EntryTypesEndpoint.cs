using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Varta.Custody.Rules;

namespace Varta.Custody.EntryTypes;

internal sealed record EntryFieldDto(string Name, string Kind, bool Required, string[]? Allowed, int Min, int Max);

/// <summary>An entry type a client may append, and its own fields: what a front end draws its forms from.</summary>
internal sealed record EntryTypeDto(string Type, bool Correctable, IReadOnlyList<EntryFieldDto> Fields);

internal static class EntryTypesEndpoint
{
    public static void Map(RouteGroupBuilder group) =>
        group.MapGet("/entry-types", () => TypedResults.Ok(EntryCatalog.Types.Values.Where(t => t.ViaEntries)
                .Select(t => new EntryTypeDto(t.Code, t.Correctable, t.Fields
                    .Select(f => new EntryFieldDto(f.Name, f.Kind.ToString().ToLowerInvariant(), f.Required, f.Allowed, f.Min, f.Max)).ToList()))
                .ToList()))
            .RequireAuthorization(CustodyPolicies.ReadEntryTypes);
}
