namespace Varta.Alarms.Arming;

internal sealed record ArmingWindow(int Day, string From, string To);

/// <summary>
/// <see cref="Mode"/> tells apart what <see cref="Windows"/> alone cannot: <see cref="ArmingModes.Always"/> (no
/// schedule set: always armed), <see cref="ArmingModes.Never"/> (a schedule without windows or holidays: never
/// armed) and <see cref="ArmingModes.Schedule"/> (armed within the windows and all day on holidays).
/// </summary>
internal sealed record ArmingDto(Guid SiteId, string Mode, IReadOnlyList<ArmingWindow> Windows, IReadOnlyList<string> Holidays, bool ArmedNow);

/// <summary>
/// Replaces the schedule; with <see cref="Mode"/> "always" removes it (always armed). A mode given must be the one
/// the windows and holidays make ("never": none of either; "schedule": some; "always": none).
/// </summary>
internal sealed record ArmingRequest(IReadOnlyList<ArmingWindow>? Windows, IReadOnlyList<string>? Holidays, string? Mode = null);

internal static class ArmingModes
{
    public const string Always = "always";
    public const string Never = "never";
    public const string Schedule = "schedule";

    public static readonly string[] All = [Always, Never, Schedule];

    public static string Of(bool hasSchedule, IReadOnlyList<ArmingWindow> windows, IReadOnlyList<string> holidays) =>
        !hasSchedule ? Always : windows.Count == 0 && holidays.Count == 0 ? Never : Schedule;
}
