namespace Varta.Custody.Data;

/// <summary>The numbers of the law and of practice, configurable ("Custody" section).</summary>
internal sealed class CustodyOptions
{
    /// <summary>Legal regimes with the dates they are in force; a record is judged by the regime at its detention.</summary>
    public List<LegalRegime> LegalRegimes { get; set; } =
    [
        // Martial law since 24 February 2022 (Law 2201-IX): up to 216 h without a court ruling.
        new() { Code = "martial-law", From = new DateTimeOffset(2022, 2, 24, 3, 30, 0, TimeSpan.Zero), CourtHours = 60, MaxHours = 216 },
    ];

    /// <summary>CPC art. 211: 60 h to bring before a court, 72 h at most.</summary>
    public LegalRegime Ordinary { get; set; } = new() { Code = "ordinary", CourtHours = 60, MaxHours = 72 };

    /// <summary>CPC art. 191: a person detained on a court ruling is brought before the court within 36 h of delivery.</summary>
    public int CourtOrderHours { get; set; } = 36;

    /// <summary>КУпАП art. 263: administrative detention at most 3 h, with listed exceptions.</summary>
    public int AdministrativeHours { get; set; } = 3;

    public List<AdministrativeException> AdministrativeExceptions { get; set; } =
    [
        new() { Code = "border", Hours = 72, Description = "КУпАП ст. 263 ч. 2 — порушення прикордонного режиму" },
        new() { Code = "narcotics", Hours = 72, Description = "КУпАП ст. 263 ч. 3 — незаконний обіг наркотичних засобів" },
    ];

    /// <summary>The longest "due soon" warning before a deadline.</summary>
    public TimeSpan DueSoon { get; set; } = TimeSpan.FromHours(6);

    /// <summary>
    /// "Due soon" is proportional to the limit, up to <see cref="DueSoon"/>: the last third of it (the last hour of an
    /// administrative detention's 3 h), the last 6 h of 60 or 72 h.
    /// </summary>
    public double DueSoonFraction { get; set; } = 1.0 / 3;

    public TimeSpan DueSoonFor(TimeSpan limit) => TimeSpan.FromTicks(Math.Min(DueSoon.Ticks, (long)(limit.Ticks * DueSoonFraction)));

    /// <summary>
    /// Delivery to the unit this long after the actual detention is late (CPC art. 210: delivered and registered at
    /// once): warned at booking, flagged on the record and the board, and raised for the inspector.
    /// </summary>
    public TimeSpan LateDeliveryAfter { get; set; } = TimeSpan.FromHours(3);

    /// <summary>
    /// The doctor safeguard (CPT): a medical examination is recorded within this time of arrival, or an alert is raised.
    /// </summary>
    public TimeSpan MedicalExamWithin { get; set; } = TimeSpan.FromHours(2);

    /// <summary>A notification later than this after detention needs a reason and who authorised the delay.</summary>
    public TimeSpan NotificationThreshold { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Default welfare check intervals in minutes by observation level (1–4); facilities may override.</summary>
    public Dictionary<int, int> CheckMinutes { get; set; } = new() { [1] = 60, [2] = 30, [3] = 15, [4] = 15 };

    public decimal MinFloorAreaPerPerson { get; set; } = 4.0m;

    /// <summary>Meals: at least 3 a day (2 light, 1 main); an alert when none for this long.</summary>
    public TimeSpan MealInterval { get; set; } = TimeSpan.FromHours(8);

    public TimeSpan AlertScanInterval { get; set; } = TimeSpan.FromMinutes(1);

    public LegalRegime RegimeAt(DateTimeOffset detainedAt) =>
        LegalRegimes.FirstOrDefault(r => (r.From is null || detainedAt >= r.From) && (r.To is null || detainedAt < r.To)) ?? Ordinary;
}

internal sealed class LegalRegime
{
    public string Code { get; set; } = "";

    public DateTimeOffset? From { get; set; }

    public DateTimeOffset? To { get; set; }

    public int CourtHours { get; set; }

    public int MaxHours { get; set; }
}

internal sealed class AdministrativeException
{
    public string Code { get; set; } = "";

    public int Hours { get; set; }

    public string Description { get; set; } = "";
}
