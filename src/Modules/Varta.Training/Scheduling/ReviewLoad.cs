namespace Varta.Training.Scheduling;

/// <summary>One day of a <see cref="ReviewLoad.Forecast"/>.</summary>
/// <param name="Due">Cards falling due that very day.</param>
/// <param name="ToReview">Reviews the learner will actually have that day: due and carried-over cards, up to the limit, on working days only.</param>
/// <param name="CarriedOver">Cards still waiting at the end of the day, carried to the next working day with room.</param>
internal sealed record DayForecast(DateOnly Date, bool IsWorkingDay, int Due, int ToReview, int CarriedOver);

/// <summary>
/// Fits reviews to a learner's working days and daily limit: places a new interval on a day with room, and
/// forecasts the days ahead. Days are local days of the time zone the caller passes (Europe/Kyiv in Varta).
/// </summary>
internal static class ReviewLoad
{
    /// <summary>
    /// Moves the due date of a card the scheduler just put on an interval of two days or more to the best day in
    /// its fuzz range (±5 %, at least a day, when fuzz is off): the working day with load below the limit nearest
    /// the ideal day (the earlier on a tie); failing that, the least loaded working day; with no working day in
    /// range, the ideal day. The time of day is kept; the maximum interval is never passed. Other cards (steps,
    /// short intervals) come back unchanged.
    /// </summary>
    /// <param name="previous">The card before the review, for the days elapsed since its last review.</param>
    /// <param name="reviewed">What <see cref="FsrsScheduler.Review"/> returned for it.</param>
    /// <param name="plannedLoad">Reviews already planned for a local date.</param>
    public static CardMemory Place(
        FsrsScheduler scheduler, CardMemory previous, CardMemory reviewed, WorkPattern pattern, TimeZoneInfo zone, Func<DateOnly, int> plannedLoad)
    {
        ArgumentNullException.ThrowIfNull(scheduler);
        ArgumentNullException.ThrowIfNull(pattern);
        ArgumentNullException.ThrowIfNull(zone);
        ArgumentNullException.ThrowIfNull(plannedLoad);
        var days = reviewed.ScheduledDays;
        if (reviewed.Phase != CardPhase.Review || days < 2 || reviewed.LastReview is not { } reviewedAt
            || reviewed.Due != reviewedAt.AddTicks(days * TimeSpan.TicksPerDay))
        {
            return reviewed;
        }

        var (target, min, max) = Window(scheduler, previous, reviewed, reviewedAt);
        var dueLocal = TimeZoneInfo.ConvertTime(reviewed.Due, zone);
        var firstDay = DateOnly.FromDateTime(dueLocal.DateTime).AddDays(-days);
        var chosen = Choose(target, min, max, firstDay, pattern, plannedLoad);
        if (chosen == days)
        {
            return reviewed;
        }
        var local = firstDay.AddDays(chosen).ToDateTime(TimeOnly.FromDateTime(dueLocal.DateTime));
        while (zone.IsInvalidTime(local))
        {
            local = local.AddMinutes(15); // the hour skipped when clocks go forward
        }
        return reviewed with { Due = new DateTimeOffset(local, zone.GetUtcOffset(local)), ScheduledDays = chosen };
    }

    /// <summary>
    /// The next <paramref name="days"/> days from <paramref name="today"/>: what falls due each day and what the
    /// learner will review, when cards due on a day off, beyond the limit, or already overdue wait for the next
    /// working day with room.
    /// </summary>
    public static IReadOnlyList<DayForecast> Forecast(IEnumerable<DateOnly> dueDates, DateOnly today, WorkPattern pattern, int days = 30)
    {
        ArgumentNullException.ThrowIfNull(dueDates);
        ArgumentNullException.ThrowIfNull(pattern);
        ArgumentOutOfRangeException.ThrowIfLessThan(days, 1);
        var backlog = 0;
        var dueOn = new Dictionary<DateOnly, int>();
        foreach (var date in dueDates)
        {
            if (date < today)
            {
                backlog++;
            }
            else
            {
                dueOn[date] = dueOn.GetValueOrDefault(date) + 1;
            }
        }

        var forecast = new List<DayForecast>(days);
        for (var i = 0; i < days; i++)
        {
            var date = today.AddDays(i);
            var due = dueOn.GetValueOrDefault(date);
            var working = pattern.IsWorkingDay(date);
            backlog += due;
            var review = working ? Math.Min(backlog, pattern.DailyLimit) : 0;
            backlog -= review;
            forecast.Add(new DayForecast(date, working, due, review, backlog));
        }
        return forecast;
    }

    /// <summary>
    /// The ideal interval and the range around it. The ideal is the unfuzzed interval for the card's stability
    /// and the range the one the scheduler's fuzz draws from; where the scheduler's ordering rules (Hard before
    /// Good before Easy) put the interval outside that range, the interval itself is the ideal.
    /// </summary>
    private static (int Target, int Min, int Max) Window(FsrsScheduler scheduler, CardMemory previous, CardMemory reviewed, DateTimeOffset reviewedAt)
    {
        var parameters = scheduler.Parameters;
        var days = Math.Min(reviewed.ScheduledDays, parameters.MaximumInterval);
        var elapsed = FsrsScheduler.ElapsedDays(previous, reviewedAt);
        if (parameters.EnableFuzz)
        {
            var ideal = scheduler.IdealInterval(reviewed.Stability);
            var (min, max) = scheduler.FuzzRange(ideal, elapsed);
            if (days >= min && days <= max)
            {
                return (Math.Clamp(ideal, min, max), min, max);
            }
            (min, max) = scheduler.FuzzRange(days, elapsed);
            return (days, Math.Min(min, days), Math.Max(max, days));
        }
        var spread = Math.Max(1, (int)Math.Round(days * 0.05, MidpointRounding.AwayFromZero));
        return (days, Math.Max(1, days - spread), Math.Min(parameters.MaximumInterval, days + spread));
    }

    private static int Choose(int target, int min, int max, DateOnly firstDay, WorkPattern pattern, Func<DateOnly, int> plannedLoad)
    {
        int? withRoom = null, leastLoaded = null;
        var leastLoad = int.MaxValue;
        // Nearest the target first, the earlier of two equally near: the first day found with room wins.
        foreach (var interval in ByDistance(target, min, max))
        {
            var date = firstDay.AddDays(interval);
            if (!pattern.IsWorkingDay(date))
            {
                continue;
            }
            var load = plannedLoad(date);
            if (load < pattern.DailyLimit)
            {
                withRoom = interval;
                break;
            }
            if (load < leastLoad)
            {
                (leastLoaded, leastLoad) = (interval, load);
            }
        }
        return withRoom ?? leastLoaded ?? target;
    }

    private static IEnumerable<int> ByDistance(int target, int min, int max)
    {
        for (var distance = 0; target - distance >= min || target + distance <= max; distance++)
        {
            if (target - distance >= min && target - distance <= max)
            {
                yield return target - distance;
            }
            if (distance > 0 && target + distance <= max && target + distance >= min)
            {
                yield return target + distance;
            }
        }
    }
}
