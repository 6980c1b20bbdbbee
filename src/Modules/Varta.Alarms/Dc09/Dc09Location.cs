using System.Globalization;

namespace Varta.Alarms.Dc09;

/// <summary>
/// Where an event happened, from the extended data fields X (longitude) and Y (latitude). Panels write either
/// degrees, hemisphere and decimal minutes (<c>X030E50.3812</c> = 30°50.3812′ E) or signed decimal degrees
/// (<c>X30.8397</c>).
/// </summary>
internal sealed record Dc09Location(double Latitude, double Longitude)
{
    public static bool TryRead(IReadOnlyList<string> extendedData, out Dc09Location? location)
    {
        ArgumentNullException.ThrowIfNull(extendedData);
        location = null;
        double? latitude = null, longitude = null;
        foreach (var field in extendedData)
        {
            if (field.Length > 1 && field[0] == 'X' && TryCoordinate(field.AsSpan(1), 'E', 'W', 180, out var lon))
            {
                longitude = lon;
            }
            else if (field.Length > 1 && field[0] == 'Y' && TryCoordinate(field.AsSpan(1), 'N', 'S', 90, out var lat))
            {
                latitude = lat;
            }
        }

        if (latitude is { } la && longitude is { } lo)
        {
            location = new Dc09Location(la, lo);
        }

        return location is not null;
    }

    private static bool TryCoordinate(ReadOnlySpan<char> text, char positive, char negative, double limit, out double value)
    {
        value = 0;
        var hemisphere = text.IndexOfAny(positive, negative);
        if (hemisphere > 0)
        {
            if (!int.TryParse(text[..hemisphere], NumberStyles.None, CultureInfo.InvariantCulture, out var degrees)
                || !double.TryParse(text[(hemisphere + 1)..], NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var minutes)
                || minutes >= 60)
            {
                return false;
            }

            value = (degrees + (minutes / 60)) * (text[hemisphere] == negative ? -1 : 1);
        }
        else if (!double.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint,
                     CultureInfo.InvariantCulture, out value))
        {
            return false;
        }

        return Math.Abs(value) <= limit;
    }
}
