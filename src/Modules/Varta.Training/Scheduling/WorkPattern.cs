namespace Varta.Training.Scheduling;

/// <summary>
/// The days a learner studies and how many reviews a day they take. A working day is a working weekday or an
/// explicit working date (a shift), unless it is an explicit day off.
/// </summary>
internal sealed record WorkPattern
{
    private readonly IReadOnlySet<DayOfWeek> _workingWeekdays = new HashSet<DayOfWeek>();
    private readonly IReadOnlySet<DateOnly> _workingDates = new HashSet<DateOnly>();
    private readonly IReadOnlySet<DateOnly> _daysOff = new HashSet<DateOnly>();
    private readonly int _dailyLimit = 1;

    /// <summary>Studies on these weekdays, at most <paramref name="dailyLimit"/> reviews a day.</summary>
    public WorkPattern(IEnumerable<DayOfWeek> workingWeekdays, int dailyLimit)
    {
        WorkingWeekdays = workingWeekdays.ToHashSet();
        DailyLimit = dailyLimit;
    }

    /// <summary>Studies on these dates only (a shift roster), at most <paramref name="dailyLimit"/> reviews a day.</summary>
    public static WorkPattern OnDates(IEnumerable<DateOnly> workingDates, int dailyLimit) =>
        new([], dailyLimit) { WorkingDates = workingDates.ToHashSet() };

    public IReadOnlySet<DayOfWeek> WorkingWeekdays
    {
        get => _workingWeekdays;
        init => _workingWeekdays = value ?? throw new ArgumentNullException(nameof(value));
    }

    /// <summary>Dates worked in addition to the weekdays.</summary>
    public IReadOnlySet<DateOnly> WorkingDates
    {
        get => _workingDates;
        init => _workingDates = value ?? throw new ArgumentNullException(nameof(value));
    }

    /// <summary>Dates not worked whatever the weekday or roster says (leave, holidays).</summary>
    public IReadOnlySet<DateOnly> DaysOff
    {
        get => _daysOff;
        init => _daysOff = value ?? throw new ArgumentNullException(nameof(value));
    }

    /// <summary>Most reviews the learner takes on a working day (at least 1).</summary>
    public int DailyLimit
    {
        get => _dailyLimit;
        init => _dailyLimit = value >= 1 ? value : throw new ArgumentOutOfRangeException(nameof(value), value, "The daily limit must be at least 1.");
    }

    public bool IsWorkingDay(DateOnly date) =>
        !DaysOff.Contains(date) && (WorkingWeekdays.Contains(date.DayOfWeek) || WorkingDates.Contains(date));
}
