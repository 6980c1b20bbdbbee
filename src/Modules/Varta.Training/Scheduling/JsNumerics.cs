using System.Globalization;
using System.Text;

namespace Varta.Training.Scheduling;

/// <summary>
/// The few JavaScript number rules the reference scheduler leans on. Its rounding is "half towards +∞"
/// (not .NET's banker's rounding), it rounds stability and difficulty to 8 decimals by scaling, and its
/// fuzz seed is a string built with JavaScript's own number-to-text rule, so all three must match bit for bit.
/// </summary>
internal static class JsNumerics
{
    /// <summary>JavaScript's Math.round: the nearest integer, ties towards +∞.</summary>
    public static double Round(double value)
    {
        var floor = Math.Floor(value);
        // value - floor is exact for every finite double, so the tie test is exact too.
        return value - floor >= 0.5 ? floor + 1 : floor;
    }

    /// <summary>Round(value · 10^8) / 10^8, the reference's way of keeping 8 decimals.</summary>
    public static double Round8(double value) => Round(value * 1e8) / 1e8;

    public static double Clamp(double value, double min, double max) => Math.Min(Math.Max(value, min), max);

    /// <summary>
    /// The text JavaScript gives a number (String(x)): the shortest digits that read back to the same double,
    /// written plainly between 1e-7 and 1e21 and with an exponent ("1e-7", "1.5e+21") outside.
    /// </summary>
    public static string ToJsString(double value)
    {
        if (double.IsNaN(value))
        {
            return "NaN";
        }
        if (double.IsInfinity(value))
        {
            return value > 0 ? "Infinity" : "-Infinity";
        }
        if (value == 0)
        {
            return "0";
        }

        // "R" gives the shortest round-trip digits; only their layout differs from JavaScript's.
        var text = Math.Abs(value).ToString("R", CultureInfo.InvariantCulture);
        var exponentAt = text.IndexOfAny(['E', 'e']);
        var mantissa = exponentAt < 0 ? text : text[..exponentAt];
        var exponent = exponentAt < 0 ? 0 : int.Parse(text[(exponentAt + 1)..], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
        var point = mantissa.IndexOf('.');
        var digits = point < 0 ? mantissa : mantissa.Remove(point, 1);
        // n: where the decimal point falls after the digits' first one, as in ECMAScript's Number::toString.
        var n = (point < 0 ? mantissa.Length : point) + exponent;
        var leadingZeros = digits.Length - digits.TrimStart('0').Length;
        digits = digits.Trim('0');
        n -= leadingZeros;
        var k = digits.Length;

        var result = new StringBuilder();
        if (value < 0)
        {
            result.Append('-');
        }
        if (k <= n && n <= 21)
        {
            result.Append(digits).Append('0', n - k);
        }
        else if (0 < n && n <= 21)
        {
            result.Append(digits, 0, n).Append('.').Append(digits, n, k - n);
        }
        else if (-6 < n && n <= 0)
        {
            result.Append("0.").Append('0', -n).Append(digits);
        }
        else
        {
            var e = n - 1;
            result.Append(digits[0]);
            if (k > 1)
            {
                result.Append('.').Append(digits, 1, k - 1);
            }
            result.Append('e').Append(e < 0 ? '-' : '+').Append(Math.Abs(e).ToString(CultureInfo.InvariantCulture));
        }
        return result.ToString();
    }
}
