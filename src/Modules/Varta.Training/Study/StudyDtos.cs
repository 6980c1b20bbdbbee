namespace Varta.Training.Study;

internal sealed record DueCardDto(Guid CardId, string Front, string Back, string Course, string Lesson, bool Mistake, string Phase, int Version,
    IReadOnlyList<IntervalDto> Intervals);

/// <summary>What each grade would do: the next due time and the interval in words ("10 min", "3 d").</summary>
internal sealed record IntervalDto(int Rating, DateTimeOffset DueAt, string Interval);

internal sealed record QueueDto(IReadOnlyList<DueCardDto> Cards, int DueNow, int NewAvailable, int ReviewedToday, int DailyLimit, int NewPerDay);

internal sealed record ReviewRequest(int? Rating, int? Version);

internal sealed record ReviewResultDto(Guid CardId, string Phase, DateTimeOffset DueAt, double Stability, double Difficulty, int ScheduledDays, int Version, int ReviewedToday);

internal sealed record SettingsDto(double DesiredRetention, int DailyLimit, int NewPerDay, IReadOnlyList<int> WorkDays, int Version);

internal sealed record SettingsRequest(double? DesiredRetention, int? DailyLimit, int? NewPerDay, IReadOnlyList<int>? WorkDays, int? Version);

internal sealed record ForecastDayDto(string Date, bool WorkDay, int Due, int ToReview);

internal sealed record ForecastDto(IReadOnlyList<ForecastDayDto> Days, int DailyLimit, int Cards);
