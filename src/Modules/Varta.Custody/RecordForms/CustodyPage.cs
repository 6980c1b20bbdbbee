using System.Globalization;
using Varta.Platform.Forms;
using Varta.Platform.Localization;
using Varta.Platform.Pages;

namespace Varta.Custody.RecordForms;

/// <summary>Shared formatting for custody pages: Kyiv time, durations, countdowns.</summary>
public abstract class CustodyPage : VartaPage
{
    protected static string Time(DateTimeOffset? at) => at is { } t ? KyivTime.Format(t) : "—";

    protected static string Brief(DateTimeOffset? at) => at is { } t ? KyivTime.ToKyiv(t).ToString("dd.MM HH:mm", CultureInfo.InvariantCulture) : "—";

    /// <summary>"5 h 20 min", or "overdue by 0 h 41 min" when past (never a minus sign).</summary>
    protected string Duration(int? minutes)
    {
        if (minutes is not { } m)
        {
            return "—";
        }

        var span = $"{Math.Abs(m) / 60} {L["custody.unit.h"]} {Math.Abs(m) % 60:D2} {L["custody.unit.min"]}";
        return m < 0 ? L.Format("custody.overdue-by", span) : span;
    }

    protected static string Urgency(int? minutes, int soon = 60) => minutes switch
    {
        null => "",
        < 0 => "late",
        var m when m < soon => "soon",
        _ => "",
    };

    /// <summary>The current minute as a date and time field holds it (see <see cref="DateTimeField"/>).</summary>
    protected static string NowInput(DateTimeOffset now) =>
        KyivInput.Parse(WhenKind.DateTime, KyivInput.Format(now), out _)!;
}
