using Varta.Custody.Data;

namespace Varta.Custody.Rules;

internal sealed record Occupant(Guid RecordId, string Sex, bool IsMinor, string? ProceedingsNumber);

/// <summary>
/// What placing a person into a cell would break: <see cref="Refusal"/> is a rule no one may override; the
/// <see cref="Overridable"/> rules may be overridden only by a senior (unit head) with a recorded reason.
/// </summary>
internal sealed record PlacementVerdict(string? Refusal, IReadOnlyList<string> Overridable)
{
    public bool Allowed => Refusal is null && Overridable.Count == 0;
}

/// <summary>
/// Whether a person may go into a cell: in service, a free place, separation of women from men and of minors from
/// adults (never overridden), then floor area per person and people in the same criminal proceedings (overridable by
/// a senior with a reason).
/// </summary>
internal static class PlacementRules
{
    public static PlacementVerdict Check(Cell cell, IReadOnlyList<Occupant> occupants, Occupant incoming, decimal minAreaPerPerson)
    {
        var others = occupants.Where(o => o.RecordId != incoming.RecordId).ToList();
        var refusal = !cell.InService ? "out-of-service"
            : others.Count >= cell.Capacity ? "capacity"
            : others.Any(o => o.Sex != incoming.Sex) ? "separation-sex"
            : others.Any(o => o.IsMinor != incoming.IsMinor) ? "separation-minors"
            : null;
        if (refusal is not null)
        {
            return new(refusal, []);
        }

        var overridable = new List<string>();
        if (cell.FloorArea / (others.Count + 1) < minAreaPerPerson)
        {
            overridable.Add("floor-area");
        }

        if (incoming.ProceedingsNumber is { Length: > 0 } proceedings && others.Any(o => o.ProceedingsNumber == proceedings))
        {
            overridable.Add("separation-co-accused");
        }

        return new(null, overridable);
    }

    /// <summary>A cell's declared capacity may not exceed its floor area divided by the area per person.</summary>
    public static int MaxCapacity(decimal floorArea, decimal minAreaPerPerson) =>
        minAreaPerPerson <= 0 ? int.MaxValue : (int)Math.Floor(floorArea / minAreaPerPerson);
}
