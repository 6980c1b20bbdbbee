using Varta.Custody.Data;

namespace Varta.Custody.Rules;

internal sealed record Occupant(Guid RecordId, string Sex, bool IsMinor, string? ProceedingsNumber);

internal sealed record PlacementVerdict(string? Rule, bool Overridable)
{
    public bool Allowed => Rule is null;
}

/// <summary>
/// Whether a person may go into a cell: in service, a free place, floor area per person, and separation
/// (sex, minors from adults, people in the same criminal proceedings). Capacity and service cannot be
/// overridden; area and separation can, with a recorded reason.
/// </summary>
internal static class PlacementRules
{
    public static PlacementVerdict Check(Cell cell, IReadOnlyList<Occupant> occupants, Occupant incoming, decimal minAreaPerPerson)
    {
        if (!cell.InService)
        {
            return new("out-of-service", false);
        }

        var others = occupants.Where(o => o.RecordId != incoming.RecordId).ToList();
        if (others.Count >= cell.Capacity)
        {
            return new("capacity", false);
        }

        if (cell.FloorArea / (others.Count + 1) < minAreaPerPerson)
        {
            return new("floor-area", true);
        }

        if (others.Any(o => o.Sex != incoming.Sex))
        {
            return new("separation-sex", true);
        }

        if (others.Any(o => o.IsMinor != incoming.IsMinor))
        {
            return new("separation-minors", true);
        }

        if (incoming.ProceedingsNumber is { Length: > 0 } proceedings && others.Any(o => o.ProceedingsNumber == proceedings))
        {
            return new("separation-co-accused", true);
        }

        return new(null, false);
    }
}
