using Varta.Platform.Persistence;

namespace Varta.Community.Data;

/// <summary>
/// A unit of the codifier of administrative-territorial units (KATOTTH): "UA" and 17 digits, a category letter
/// (oblast, raion, hromada, city, settlement, village, city district) and its parent. Retired when a newer codifier
/// no longer lists it; never deleted (surveys and indicators keep pointing at it).
/// </summary>
internal sealed class Territory
{
    public string Code { get; set; } = "";

    /// <summary>The codifier's category letter, as published (Latin): O, K, P, H, M, X, C, B, T.</summary>
    public string Category { get; set; } = "";

    /// <summary>oblast, raion, hromada, settlement or district (derived from the category).</summary>
    public string Level { get; set; } = "";

    public string Name { get; set; } = "";

    public string? ParentCode { get; set; }

    /// <summary>The oblast (level 1) the unit lies in: what regional overviews group by.</summary>
    public string OblastCode { get; set; } = "";

    /// <summary>The hromada the unit lies in (itself for a hromada): what weighting and responses group by.</summary>
    public string? HromadaCode { get; set; }

    public DateTime? RetiredAt { get; set; }

    public DateTime ChangedAt { get; set; }
}

/// <summary>One import of the codifier: what it added, changed and retired.</summary>
internal sealed class TerritoryImport : IStamped
{
    public Guid Id { get; set; }

    public string FileName { get; set; } = "";

    public int Rows { get; set; }

    public int Added { get; set; }

    public int Changed { get; set; }

    public int Retired { get; set; }

    /// <summary>The codes added, changed and retired (JSON; the first 500 of each).</summary>
    public string Details { get; set; } = "";

    public DateTime RecordedAt { get; set; }

    public string RecordedBy { get; set; } = "";
}

/// <summary>Residents of a hromada by sex and age group in a year: the margins weighting uses.</summary>
internal sealed class PopulationCell
{
    public string HromadaCode { get; set; } = "";

    public int Year { get; set; }

    /// <summary>f or m.</summary>
    public string Sex { get; set; } = "";

    /// <summary>An age band as published, e.g. "18-29", "65+".</summary>
    public string AgeGroup { get; set; } = "";

    public int Count { get; set; }
}
