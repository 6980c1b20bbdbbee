using System.Globalization;

namespace Varta.Training.Questions;

/// <summary>Reads a typed number: "3.5" and "3,5" alike, a leading + or − (also the Unicode minus), an exponent.</summary>
internal static class NumberText
{
    public static bool TryRead(string text, out double value)
    {
        var t = text.Trim().Replace('\u2212', '-');
        if (t.Contains(',', StringComparison.Ordinal))
        {
            // A decimal comma, not a thousands separator: "1,234.5" and "1,2,3" are not numbers.
            if (t.Contains('.', StringComparison.Ordinal) || t.IndexOf(',', StringComparison.Ordinal) != t.LastIndexOf(','))
            {
                value = 0;
                return false;
            }
            t = t.Replace(',', '.');
        }
        return double.TryParse(t, NumberStyles.Float, CultureInfo.InvariantCulture, out value) && double.IsFinite(value);
    }

    /// <summary>In [min, max], allowing for the rounding of decimal fractions in binary (3 ± 0.1 must accept 3.1).</summary>
    public static bool Within(double value, double min, double max)
    {
        var slack = 1e-12 * Math.Max(1, Math.Max(Math.Abs(min), Math.Abs(max)));
        return value >= min - slack && value <= max + slack;
    }
}
