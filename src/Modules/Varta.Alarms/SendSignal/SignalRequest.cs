namespace Varta.Alarms.SendSignal;

internal sealed record LocationInput(double? Latitude, double? Longitude, double? Accuracy);

internal sealed record SignalRequest(string? Kind, Guid? ZoneId, LocationInput? Location, bool? Silent, string? IdempotencyKey, string? OccurredAt);

internal sealed record SignalAccepted(Guid? AlarmId, long? Sequence, bool Duplicate);
