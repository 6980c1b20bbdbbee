namespace Varta.Alarms.Dc09;

/// <summary>Contact ID event codes: the common ones by name, the rest by their hundred/ten group.</summary>
internal static class ContactIdCodes
{
    private static readonly Dictionary<int, (PanelEventKind Kind, string Description)> Known = new()
    {
        [100] = (PanelEventKind.Medical, "Medical"),
        [101] = (PanelEventKind.Medical, "Personal emergency"),
        [102] = (PanelEventKind.Fault, "Fail to report in"),
        [110] = (PanelEventKind.Fire, "Fire"),
        [111] = (PanelEventKind.Fire, "Smoke"),
        [114] = (PanelEventKind.Fire, "Heat"),
        [115] = (PanelEventKind.Fire, "Pull station"),
        [120] = (PanelEventKind.Panic, "Panic"),
        [121] = (PanelEventKind.Duress, "Duress"),
        [122] = (PanelEventKind.Silent, "Silent panic"),
        [123] = (PanelEventKind.Panic, "Audible panic"),
        [124] = (PanelEventKind.Duress, "Duress – access granted"),
        [125] = (PanelEventKind.Duress, "Duress – egress granted"),
        [130] = (PanelEventKind.Intrusion, "Burglary"),
        [131] = (PanelEventKind.Intrusion, "Perimeter"),
        [132] = (PanelEventKind.Intrusion, "Interior"),
        [133] = (PanelEventKind.Intrusion, "24-hour (safe)"),
        [134] = (PanelEventKind.Intrusion, "Entry/exit"),
        [135] = (PanelEventKind.Intrusion, "Day/night"),
        [136] = (PanelEventKind.Intrusion, "Outdoor"),
        [137] = (PanelEventKind.Tamper, "Tamper"),
        [138] = (PanelEventKind.Intrusion, "Near alarm"),
        [139] = (PanelEventKind.Intrusion, "Intrusion verifier"),
        [140] = (PanelEventKind.ZoneAlarm, "General alarm"),
        [143] = (PanelEventKind.Fault, "Expansion module failure"),
        [144] = (PanelEventKind.Tamper, "Sensor tamper"),
        [145] = (PanelEventKind.Tamper, "Expansion module tamper"),
        [146] = (PanelEventKind.Intrusion, "Silent burglary"),
        [147] = (PanelEventKind.Fault, "Sensor supervision failure"),
        [301] = (PanelEventKind.Fault, "AC loss"),
        [302] = (PanelEventKind.Fault, "Low system battery"),
        [305] = (PanelEventKind.Fault, "System reset"),
        [350] = (PanelEventKind.Fault, "Communication trouble"),
        [354] = (PanelEventKind.Fault, "Failure to communicate event"),
        [380] = (PanelEventKind.Fault, "Sensor trouble"),
        [381] = (PanelEventKind.Fault, "Loss of supervision – RF"),
        [383] = (PanelEventKind.Tamper, "Sensor tamper"),
        [384] = (PanelEventKind.Fault, "RF low battery"),
        [401] = (PanelEventKind.Other, "Open/close by user"),
        [403] = (PanelEventKind.Other, "Automatic open/close"),
        [407] = (PanelEventKind.Other, "Remote arm/disarm"),
        [570] = (PanelEventKind.Bypass, "Zone bypass"),
        [601] = (PanelEventKind.Test, "Manual test"),
        [602] = (PanelEventKind.Test, "Periodic test"),
        [603] = (PanelEventKind.Test, "Periodic RF transmission"),
        [604] = (PanelEventKind.Test, "Fire test"),
        [607] = (PanelEventKind.Test, "Walk test mode"),
        [608] = (PanelEventKind.Test, "Periodic test – trouble present"),
        [611] = (PanelEventKind.Test, "Point tested OK"),
    };

    public static (PanelEventKind Kind, string Description) Classify(int code)
    {
        if (Known.TryGetValue(code, out var known))
        {
            return known;
        }

        return code switch
        {
            >= 110 and <= 119 => (PanelEventKind.Fire, "Fire alarm"),
            >= 120 and <= 129 => (PanelEventKind.Panic, "Panic alarm"),
            >= 130 and <= 139 => (PanelEventKind.Intrusion, "Burglary"),
            >= 140 and <= 149 => (PanelEventKind.ZoneAlarm, "General alarm"),
            >= 150 and <= 169 => (PanelEventKind.ZoneAlarm, "24-hour non-burglary"),
            >= 200 and <= 299 => (PanelEventKind.Fault, "Fire supervisory"),
            >= 300 and <= 399 => (PanelEventKind.Fault, "Trouble"),
            >= 400 and <= 499 => (PanelEventKind.Other, "Open/close"),
            >= 500 and <= 599 => (PanelEventKind.Bypass, "Bypass/disable"),
            >= 610 and <= 619 => (PanelEventKind.Test, "Test"),
            _ => (PanelEventKind.Unrecognised, "Unrecognised code " + code.ToString("D3", System.Globalization.CultureInfo.InvariantCulture)),
        };
    }
}
