namespace Varta.Alarms.Arming;

internal sealed record ArmingWindow(int Day, string From, string To);

internal sealed record ArmingDto(Guid SiteId, IReadOnlyList<ArmingWindow> Windows, IReadOnlyList<string> Holidays, bool ArmedNow);

internal sealed record ArmingRequest(IReadOnlyList<ArmingWindow>? Windows, IReadOnlyList<string>? Holidays);
