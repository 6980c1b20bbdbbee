using System.Diagnostics.CodeAnalysis;

namespace Varta.Alarms.Dc09;

/// <summary>What an event means to the Alarms module, whichever panel protocol carried it.</summary>
internal enum PanelEventKind
{
    Panic,
    Duress,
    Silent,
    Intrusion,
    Tamper,
    Fault,
    Test,
    Heartbeat,
    Fire,

    /// <summary>A restore of something that is not one of the kinds above (an "other" condition cleared).</summary>
    Restore,
    Other,
}

internal enum PanelProtocol
{
    ContactId,
    Sia,

    /// <summary>A DC-09 "NULL" message: a link test, no event.</summary>
    Null,
}

/// <summary>
/// One event from a panel, normalised. <see cref="Kind"/> is what the event is about and stays so on a restore
/// (burglary restore is <see cref="PanelEventKind.Intrusion"/> with <see cref="IsRestore"/>), so a restore can be
/// matched to the alarm it ends. Codes, partitions and zones are kept as the panel sent them ("130", "01", "015";
/// "BA", "1", "001").
/// </summary>
internal sealed record PanelEvent(
    string Account,
    PanelEventKind Kind,
    PanelProtocol Protocol,
    string Code,
    string? Partition,
    string? Zone,
    bool IsRestore,
    string Description)
{
    /// <summary>Contact ID qualifier 6 (or a SIA "O" block): a condition reported before and still present, not a new occurrence.</summary>
    public bool IsPreviouslyReported { get; init; }

    /// <summary>Free text a SIA event carried between carets, if any.</summary>
    public string? Text { get; init; }

    /// <summary>
    /// Decodes the event carried by a frame: a heartbeat for NULL, Contact ID for ADM-CID, the first event for
    /// SIA-DCS. False when the data does not follow the format; the frame itself is still worth storing.
    /// </summary>
    public static bool TryDecode(Dc09Frame frame, [NotNullWhen(true)] out PanelEvent? panelEvent)
    {
        ArgumentNullException.ThrowIfNull(frame);
        switch (frame.Id)
        {
            case Dc09Ids.Null:
                panelEvent = new PanelEvent(frame.Account ?? "", PanelEventKind.Heartbeat, PanelProtocol.Null,
                    Dc09Ids.Null, null, null, false, "Link test");
                return true;
            case Dc09Ids.AdmCid:
                return ContactIdEvent.TryParse(frame.Data, frame.Account, out panelEvent);
            case Dc09Ids.SiaDcs:
                return SiaEvent.TryParse(frame.Data, frame.Account, out panelEvent);
            default:
                panelEvent = null;
                return false;
        }
    }

    /// <summary>
    /// Splits "#acct|rest" into its parts; without the prefix the header's account stands. False when neither
    /// names an account.
    /// </summary>
    internal static bool TrySplitAccount(string data, string? headerAccount, out string account, out ReadOnlySpan<char> rest)
    {
        rest = data;
        account = headerAccount ?? "";
        if (data.StartsWith('#'))
        {
            var bar = data.IndexOf('|', StringComparison.Ordinal);
            if (bar < 2 || !Dc09Text.All(data[1..bar], char.IsAsciiLetterOrDigit))
            {
                return false;
            }

            account = data[1..bar];
            rest = data.AsSpan(bar + 1);
        }

        return account.Length > 0;
    }
}
