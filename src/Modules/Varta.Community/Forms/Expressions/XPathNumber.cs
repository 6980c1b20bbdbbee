using System.Globalization;

namespace Varta.Community.Forms.Expressions;

/// <summary>
/// Numbers the XPath 1.0 way, written so that forms.js can do exactly the same: a string is a number only in the
/// form <c>-?(digits(.digits?)?|.digits)</c> with blanks around (no exponent, no plus sign, no "Infinity"),
/// and a number prints without an exponent ("NaN", "Infinity", "-Infinity", and 0 for both zeros).
/// </summary>
internal static class XPathNumber
{
    public static double Parse(string text)
    {
        var start = 0;
        var end = text.Length;
        while (start < end && IsBlank(text[start]))
        {
            start++;
        }
        while (end > start && IsBlank(text[end - 1]))
        {
            end--;
        }
        return IsNumeral(text, start, end) ? ParseDigits(text[start..end]) : double.NaN;
    }

    /// <summary>Whether text[start..end) is <c>-?(digits(.digits?)?|.digits)</c>.</summary>
    public static bool IsNumeral(string text, int start, int end)
    {
        var i = start;
        if (i < end && text[i] == '-')
        {
            i++;
        }
        var digits = 0;
        while (i < end && IsDigit(text[i]))
        {
            i++;
            digits++;
        }
        if (i < end && text[i] == '.')
        {
            i++;
            while (i < end && IsDigit(text[i]))
            {
                i++;
                digits++;
            }
        }
        return i == end && digits > 0;
    }

    /// <summary>Parses a checked numeral; both runtimes round it correctly, so both get the same double.</summary>
    public static double ParseDigits(string numeral) =>
        double.Parse(numeral, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture);

    public static string Format(double value)
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
        // The shortest digits that read back as the same double (what JavaScript's String(x) gives too),
        // then laid out without an exponent.
        var shortest = value.ToString("R", CultureInfo.InvariantCulture);
        var negative = shortest[0] == '-';
        if (negative)
        {
            shortest = shortest[1..];
        }
        var exponent = 0;
        var e = shortest.IndexOfAny(['E', 'e']);
        if (e >= 0)
        {
            exponent = int.Parse(shortest[(e + 1)..], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
            shortest = shortest[..e];
        }
        var dot = shortest.IndexOf('.');
        var digits = dot >= 0 ? shortest.Remove(dot, 1) : shortest;
        var integerDigits = (dot >= 0 ? dot : shortest.Length) + exponent;
        var leadingZeros = 0;
        while (leadingZeros < digits.Length - 1 && digits[leadingZeros] == '0')
        {
            leadingZeros++;
        }
        digits = digits[leadingZeros..].TrimEnd('0');
        integerDigits -= leadingZeros;
        string text;
        if (integerDigits <= 0)
        {
            text = "0." + new string('0', -integerDigits) + digits;
        }
        else if (integerDigits >= digits.Length)
        {
            text = digits + new string('0', integerDigits - digits.Length);
        }
        else
        {
            text = digits[..integerDigits] + "." + digits[integerDigits..];
        }
        return negative ? "-" + text : text;
    }

    public static bool IsBlank(char c) => c is ' ' or '\t' or '\n' or '\r';

    public static bool IsDigit(char c) => c is >= '0' and <= '9';
}
