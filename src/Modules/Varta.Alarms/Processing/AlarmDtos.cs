namespace Varta.Alarms.Processing;

internal sealed record LocationInput(double? Latitude, double? Longitude, double? Accuracy);

internal sealed record SignalRequest(string? Kind, Guid? ZoneId, LocationInput? Location, bool? Silent, string? IdempotencyKey, string? OccurredAt);

internal sealed record SignalAccepted(Guid? AlarmId, long? Sequence, bool Duplicate);

internal sealed record DispatchRequest(IReadOnlyList<string>? Responders, string? Note);

internal sealed record ResolveRequest(string? Outcome, string? Note);

internal sealed record NoteRequest(string? Text);
