namespace Varta.Alarms.Dc09;

/// <summary>
/// SIA two-letter event codes. Zone families share a pattern in the second letter (A alarm, H alarm restore,
/// R restoral, T trouble, J trouble restore, S supervisory, X test, B bypass, U unbypass, C cancel); the rest of
/// the common codes are listed by name.
/// </summary>
internal static class SiaCodes
{
    private static readonly Dictionary<char, (PanelEventKind Kind, string Name)> Families = new()
    {
        ['B'] = (PanelEventKind.Intrusion, "Burglary"),
        ['P'] = (PanelEventKind.Panic, "Panic"),
        ['H'] = (PanelEventKind.Duress, "Holdup"),
        ['Q'] = (PanelEventKind.Panic, "Emergency"),
        ['F'] = (PanelEventKind.Fire, "Fire"),
        ['M'] = (PanelEventKind.Medical, "Medical"),
        ['G'] = (PanelEventKind.Environmental, "Gas"),
        ['K'] = (PanelEventKind.Environmental, "Heat"),
        ['W'] = (PanelEventKind.Environmental, "Water"),
        ['Z'] = (PanelEventKind.Environmental, "Freeze"),
        ['S'] = (PanelEventKind.Environmental, "Sprinkler"),
        ['U'] = (PanelEventKind.ZoneAlarm, "Untyped zone"),
    };

    private static readonly Dictionary<string, (PanelEventKind Kind, bool IsRestore, string Description)> Named =
        new(StringComparer.Ordinal)
        {
            ["TA"] = (PanelEventKind.Tamper, false, "Tamper alarm"),
            ["TR"] = (PanelEventKind.Tamper, true, "Tamper restoral"),
            ["ES"] = (PanelEventKind.Tamper, false, "Expansion device tamper"),
            ["EJ"] = (PanelEventKind.Tamper, true, "Expansion device tamper restore"),
            ["XS"] = (PanelEventKind.Tamper, false, "RF receiver tamper"),
            ["XJ"] = (PanelEventKind.Tamper, true, "RF receiver tamper restoral"),
            ["JA"] = (PanelEventKind.Tamper, false, "User code tamper"),
            ["RP"] = (PanelEventKind.Test, false, "Automatic test"),
            ["RX"] = (PanelEventKind.Test, false, "Manual test"),
            ["TX"] = (PanelEventKind.Test, false, "Test report"),
            ["TS"] = (PanelEventKind.Test, false, "Test start"),
            ["TE"] = (PanelEventKind.Test, false, "Test end"),
            ["AT"] = (PanelEventKind.Fault, false, "AC trouble"),
            ["AR"] = (PanelEventKind.Fault, true, "AC restoral"),
            ["YT"] = (PanelEventKind.Fault, false, "System battery trouble"),
            ["YR"] = (PanelEventKind.Fault, true, "System battery restoral"),
            ["YM"] = (PanelEventKind.Fault, false, "System battery missing"),
            ["YP"] = (PanelEventKind.Fault, false, "Power supply trouble"),
            ["YQ"] = (PanelEventKind.Fault, true, "Power supply restored"),
            ["YS"] = (PanelEventKind.Fault, false, "Communications trouble"),
            ["YC"] = (PanelEventKind.Fault, false, "Communications fail"),
            ["YK"] = (PanelEventKind.Fault, true, "Communications restoral"),
            ["YA"] = (PanelEventKind.Fault, false, "Bell fault"),
            ["YH"] = (PanelEventKind.Fault, true, "Bell restored"),
            ["LT"] = (PanelEventKind.Fault, false, "Phone line trouble"),
            ["LR"] = (PanelEventKind.Fault, true, "Phone line restoral"),
            ["NT"] = (PanelEventKind.Fault, false, "Network failure"),
            ["NR"] = (PanelEventKind.Fault, true, "Network restoral"),
            ["ET"] = (PanelEventKind.Fault, false, "Expansion trouble"),
            ["ER"] = (PanelEventKind.Fault, true, "Expansion restoral"),
            ["XT"] = (PanelEventKind.Fault, false, "Transmitter battery trouble"),
            ["XR"] = (PanelEventKind.Fault, true, "Transmitter battery restoral"),
            ["IA"] = (PanelEventKind.Fault, false, "Equipment failure"),
            ["IR"] = (PanelEventKind.Fault, true, "Equipment failure restoral"),
            ["DF"] = (PanelEventKind.Intrusion, false, "Door forced"),
            ["OP"] = (PanelEventKind.Other, false, "Opening report"),
            ["CL"] = (PanelEventKind.Other, false, "Closing report"),
            ["OA"] = (PanelEventKind.Other, false, "Automatic opening"),
            ["CA"] = (PanelEventKind.Other, false, "Automatic closing"),
            ["OQ"] = (PanelEventKind.Other, false, "Remote opening"),
            ["CQ"] = (PanelEventKind.Other, false, "Remote closing"),
        };

    public static (PanelEventKind Kind, bool IsRestore, string Description) Classify(string code)
    {
        ArgumentNullException.ThrowIfNull(code);
        if (Named.TryGetValue(code, out var named))
        {
            return WithRestoreKind(named);
        }

        if (code.Length == 2 && Families.TryGetValue(code[0], out var family))
        {
            var (kind, name) = family;
            return WithRestoreKind(code[1] switch
            {
                'A' => (kind, false, name + " alarm"),
                'H' => (kind, true, name + " alarm restore"),
                'R' => (kind, true, name + " restoral"),
                'M' or 'V' => (kind, false, name + " alarm (verified)"),
                'T' => (PanelEventKind.Fault, false, name + " trouble"),
                'J' => (PanelEventKind.Fault, true, name + " trouble restore"),
                'S' => (PanelEventKind.Fault, false, name + " supervisory"),
                'X' => (PanelEventKind.Test, false, name + " test"),
                'B' => (PanelEventKind.Bypass, false, name + " bypass"),
                'U' => (PanelEventKind.Other, false, name + " unbypass"),
                'C' => (PanelEventKind.Other, false, name + " cancel"),
                _ => (PanelEventKind.Unrecognised, false, "Unrecognised code " + code),
            });
        }

        return (PanelEventKind.Unrecognised, false, "Unrecognised code " + code);
    }

    private static (PanelEventKind Kind, bool IsRestore, string Description) WithRestoreKind(
        (PanelEventKind Kind, bool IsRestore, string Description) entry) =>
        entry.IsRestore && entry.Kind == PanelEventKind.Other ? entry with { Kind = PanelEventKind.Restore } : entry;
}
