using System.Globalization;

namespace Varta.Training.Questions;

/// <summary>
/// GIFT weights are percentages; the model keeps fractions. Both ways go through the decimal text, not through a
/// binary × 100 or ÷ 100, so that %33.33333% is exactly the fraction 0.3333333 and is written back as 33.33333.
/// </summary>
internal static class GiftPercent
{
    public static bool TryRead(string text, out double fraction)
    {
        var t = text.Trim();
        bool ok;
        if (t.Contains('e', StringComparison.OrdinalIgnoreCase))
        {
            ok = double.TryParse(t, NumberStyles.Float, CultureInfo.InvariantCulture, out var percent);
            fraction = percent / 100;
        }
        else
        {
            // "33.3" + "E-2" is read as the decimal 0.333 and rounded once, where 33.3 / 100 would be rounded twice.
            ok = double.TryParse(t + "E-2", NumberStyles.Float, CultureInfo.InvariantCulture, out fraction);
        }
        if (!ok || !double.IsFinite(fraction))
        {
            fraction = 0;
            return false;
        }
        return true;
    }

    /// <summary>The percentage whose reading gives back exactly <paramref name="fraction"/>.</summary>
    public static string Write(double fraction)
    {
        var shortest = fraction.ToString("R", CultureInfo.InvariantCulture);
        if (decimal.TryParse(shortest, NumberStyles.Float, CultureInfo.InvariantCulture, out var exact))
        {
            var text = (exact * 100).ToString(CultureInfo.InvariantCulture);
            if (text.Contains('.', StringComparison.Ordinal))
            {
                text = text.TrimEnd('0').TrimEnd('.');
            }
            if (TryRead(text, out var back) && back == fraction)
            {
                return text;
            }
        }
        return (fraction * 100).ToString("R", CultureInfo.InvariantCulture);
    }
}
