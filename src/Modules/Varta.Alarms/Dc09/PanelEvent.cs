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

    /// <summary>A medical alarm or a personal emergency (SIA M…, Contact ID 100/101).</summary>
    Medical,

    /// <summary>Gas, heat, water, freeze or sprinkler (SIA G, K, W, Z, S families).</summary>
    Environmental,

    /// <summary>An alarm from a zone of no particular type: untyped (SIA UA), general or 24-hour non-burglary (Contact ID 140–169).</summary>
    ZoneAlarm,

    /// <summary>A zone bypassed or disabled (SIA …B, Contact ID 5xx): protection is off there.</summary>
    Bypass,

    /// <summary>A code this receiver does not know, or data it could not read: stored with the raw text for a dispatcher.</summary>
    Unrecognised,

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
    /// Every event a frame carries, never none: a heartbeat for NULL, the Contact ID event for ADM-CID, each event of
    /// a SIA-DCS block. Data that does not follow its format is one <see cref="PanelEventKind.Unrecognised"/> event
    /// holding the raw data, so that a dispatcher sees what the panel said rather than the receiver dropping it.
    /// </summary>
    public static IReadOnlyList<PanelEvent> DecodeAll(Dc09Frame frame)
    {
        ArgumentNullException.ThrowIfNull(frame);
        if (frame.Id == Dc09Ids.SiaDcs && SiaEvent.TryParseAll(frame.Data, frame.Account, out var sia))
        {
            return sia;
        }

        if (frame.Id != Dc09Ids.SiaDcs && TryDecode(frame, out var one))
        {
            return [one];
        }

        var protocol = frame.Id == Dc09Ids.SiaDcs ? PanelProtocol.Sia : PanelProtocol.ContactId;
        return [new PanelEvent(frame.Account ?? "", PanelEventKind.Unrecognised, protocol, "?", null, null, false, "Unrecognised data") { Text = frame.Data }];
    }

    /// <summary>
    /// Decodes the event carried by a frame: a heartbeat for NULL, Contact ID for ADM-CID, the first event for
    /// SIA-DCS. False when the data does not follow the format.
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
    /// Splits "[#acct]|rest" into its parts. The header's account is the panel's identity and stands whatever the
    /// data says (some panels write "#0000" there, others leave it empty: "|Nri1/PA101"); the data's own account is
    /// used only when the header has none. False when neither names an account.
    /// </summary>
    internal static bool TrySplitAccount(string data, string? headerAccount, out string account, out ReadOnlySpan<char> rest)
    {
        rest = data;
        account = headerAccount ?? "";
        var inner = "";
        if (data.StartsWith('#') || data.StartsWith('|'))
        {
            var bar = data.IndexOf('|', StringComparison.Ordinal);
            if (bar < 0 || (bar > 0 && !Dc09Text.All(data[1..bar], char.IsAsciiLetterOrDigit)))
            {
                return false;
            }

            inner = bar > 1 ? data[1..bar] : "";
            rest = data.AsSpan(bar + 1);
        }

        if (account.Length == 0)
        {
            account = inner;
        }

        return account.Length > 0;
    }
}
