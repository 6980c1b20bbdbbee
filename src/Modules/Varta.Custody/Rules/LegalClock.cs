using Varta.Custody.Data;

namespace Varta.Custody.Rules;

internal static class LegalBases
{
    public const string Cpc208 = "cpc-208";
    public const string CourtOrder = "court-order";
    public const string Coao262 = "coao-262";
    public const string Other = "other";

    public static readonly string[] All = [Cpc208, CourtOrder, Coao262, Other];

    /// <summary>ЄРДР (Unified Register of Pre-trial Investigations) numbers are 17 digits.</summary>
    public static bool IsProceedingsNumber(string text) => text.Trim() is { Length: 17 } t && t.All(char.IsAsciiDigit);
}

internal sealed record Clocks(string Regime, DateTimeOffset? CourtDeadline, DateTimeOffset MaxDeadline);

/// <summary>
/// The detention clocks, always from the actual moment of detention (CPC art. 209), judged by the legal
/// regime in force at that moment.
/// </summary>
internal static class LegalClock
{
    public static Clocks Compute(CustodyOptions options, string legalBasis, DateTimeOffset detainedAt, DateTimeOffset arrivedAt, string? administrativeException)
    {
        var regime = options.RegimeAt(detainedAt);
        switch (legalBasis)
        {
            case LegalBases.Coao262:
                var exception = options.AdministrativeExceptions.FirstOrDefault(e => e.Code == administrativeException);
                var hours = exception?.Hours ?? options.AdministrativeHours;
                return new Clocks(regime.Code, null, detainedAt.AddHours(hours));
            case LegalBases.CourtOrder:
                var court = arrivedAt.AddHours(options.CourtOrderHours);
                var max = detainedAt.AddHours(regime.MaxHours);
                return new Clocks(regime.Code, court < max ? court : max, max);
            default:
                return new Clocks(regime.Code, detainedAt.AddHours(regime.CourtHours), detainedAt.AddHours(regime.MaxHours));
        }
    }
}
