using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Varta.Alarms.Data;
using Varta.Platform.Demo;
using Varta.Platform.Persistence;
using Varta.Testing;

namespace Varta.Alarms.Tests;

/// <summary>The duty roster of a court building, and how it orders the console's list of responders.</summary>
public sealed class DutyRosterTests(VartaFactory factory) : AlarmsTestBase(factory), IClassFixture<VartaFactory>
{
    private static readonly string Duty = $"/api/v1/alarms/sites/{DemoData.ShevchenkivskyiCourt}/duty";
    private static readonly string Responders = $"/api/v1/alarms/sites/{DemoData.ShevchenkivskyiCourt}/responders";

    [Fact]
    public async Task Whoever_is_on_duty_is_listed_first_only_while_the_shift_runs_and_with_nobody_on_duty_everyone_is_still_offered()
    {
        var (officerId, officer) = await CreateUserAsync("officer.yakovenko", "Яковенко Тестовий", "security-officer", DemoData.ShevchenkivskyiCourt);
        officer.Dispose();
        using var dispatcher = await Factory.ClientAsAsync("dispatcher");
        string[] alphabetical = ["Демо Співробітник охорони", "Яковенко Тестовий"];
        var before = await RespondersAsync(dispatcher);
        Assert.Equal(alphabetical, Ours(before));
        Assert.DoesNotContain(before, r => r.OnDuty);

        var now = Factory.Clock.GetUtcNow();
        var shift = await JsonAsync(await dispatcher.PostAsJsonAsync(Duty, Shift(officerId, now.AddMinutes(1), now.AddMinutes(6))));
        Assert.Equal("dispatcher", shift.GetProperty("createdBy").GetString());
        Assert.False(shift.GetProperty("onDutyNow").GetBoolean());
        Assert.Equal(alphabetical, Ours(await RespondersAsync(dispatcher)));

        Factory.Clock.Advance(TimeSpan.FromMinutes(1));
        var during = await RespondersAsync(dispatcher);
        Assert.Equal(("Яковенко Тестовий", true), (during[0].Name, during[0].OnDuty));
        Assert.Equal(now.AddMinutes(6), during[0].Until);
        Assert.Single(during, r => r.OnDuty);

        Factory.Clock.Advance(TimeSpan.FromMinutes(5));
        var after = await RespondersAsync(dispatcher);
        Assert.Equal(alphabetical, Ours(after));
        Assert.DoesNotContain(after, r => r.OnDuty);
    }

    [Fact]
    public async Task A_shift_breaking_a_rule_is_refused_naming_the_field_and_the_rule_in_the_callers_language()
    {
        var (officerId, officer) = await CreateUserAsync("officer.rules", "Правилова Тестова", "security-officer", DemoData.ShevchenkivskyiCourt);
        officer.Dispose();
        using var dispatcher = await Factory.ClientAsAsync("dispatcher", "en");
        var now = Factory.Clock.GetUtcNow().AddDays(2);

        async Task<(string Field, string Rule, string Message)> RefusedAsync(object body)
        {
            var problem = await Problem.AssertAsync(await dispatcher.PostAsJsonAsync(Duty, body), HttpStatusCode.BadRequest);
            var field = problem.GetProperty("rules").EnumerateObject().Single();
            return (field.Name, field.Value[0].GetString()!, problem.GetProperty("errors").GetProperty(field.Name)[0].GetString()!);
        }

        var judgeId = await UserIdAsync("judge");
        Assert.Equal(("userId", "duty-not-security-officer", "Not a security officer of this building."), await RefusedAsync(Shift(judgeId, now, now.AddHours(8))));
        Assert.Equal(("endsAt", "duty-ends-after-start", "The end must be after the start."), await RefusedAsync(Shift(officerId, now, now)));
        Assert.Equal(("endsAt", "duty-too-long", "A shift lasts at most 24 h."), await RefusedAsync(Shift(officerId, now, now.AddHours(24).AddMinutes(1))));
        var past = Factory.Clock.GetUtcNow().AddMinutes(-61);
        Assert.Equal(("startsAt", "duty-starts-in-past", "A shift cannot start more than 1 h ago."), await RefusedAsync(Shift(officerId, past, past.AddHours(2))));
        var (field, rule, _) = await RefusedAsync(new { userId = officerId, startsAt = "2026-11-28T08:00:00", endsAt = "2026-11-28T20:00:00+02:00" });
        Assert.Equal(("startsAt", "instant-required"), (field, rule));

        // The limits themselves are allowed: exactly 24 h, and from 59 minutes ago.
        await JsonAsync(await dispatcher.PostAsJsonAsync(Duty, Shift(officerId, now, now.AddHours(24))));
        var recent = Factory.Clock.GetUtcNow().AddMinutes(-59);
        await JsonAsync(await dispatcher.PostAsJsonAsync(Duty, Shift(officerId, recent, recent.AddMinutes(29))));

        var overlap = await RefusedAsync(Shift(officerId, now.AddHours(23), now.AddHours(30)));
        Assert.Equal(("startsAt", "duty-overlap"), (overlap.Field, overlap.Rule));
        Assert.StartsWith("Overlaps another shift of this officer", overlap.Message);
        using var ukrainian = await Factory.ClientAsAsync("dispatcher", "uk");
        var uk = await Problem.AssertAsync(await ukrainian.PostAsJsonAsync(Duty, Shift(officerId, now.AddHours(23), now.AddHours(30))), HttpStatusCode.BadRequest);
        Assert.StartsWith("Перетинається з іншою зміною", uk.GetProperty("errors").GetProperty("startsAt")[0].GetString());

        // Back to back is not an overlap.
        await JsonAsync(await dispatcher.PostAsJsonAsync(Duty, Shift(officerId, now.AddHours(24), now.AddHours(36))));
    }

    [Fact]
    public async Task Two_planners_booking_the_same_officer_at_once_get_one_shift_and_one_overlap_refusal()
    {
        var officerId = await DemoOfficerIdAsync();
        using var dispatcher = await Factory.ClientAsAsync("dispatcher");
        using var admin = await Factory.ClientAsAsync("admin");
        for (var round = 0; round < 5; round++)
        {
            var start = Factory.Clock.GetUtcNow().AddDays(20 + round);
            var answers = await Task.WhenAll(
                dispatcher.PostAsJsonAsync(Duty, Shift(officerId, start, start.AddHours(8))),
                admin.PostAsJsonAsync(Duty, Shift(officerId, start.AddHours(2), start.AddHours(10))));
            Assert.Single(answers, a => a.IsSuccessStatusCode);
            var refused = await Problem.AssertAsync(answers.Single(a => !a.IsSuccessStatusCode), HttpStatusCode.BadRequest);
            Assert.Equal("duty-overlap", refused.GetProperty("rules").GetProperty("startsAt")[0].GetString());
        }
    }

    [SkippableFact]
    public async Task Across_hosts_on_PostgreSQL_the_overlap_check_waits_for_a_booking_of_the_same_officer_that_is_being_made_elsewhere()
    {
        Skip.IfNot(Factory.Database.IsPostgres, "Hosts share a database only on PostgreSQL; SQLite serves one host.");
        var officerId = await DemoOfficerIdAsync();
        var start = Factory.Clock.GetUtcNow().AddDays(70);

        // "Another host" is booking this officer: it holds the officer's planning lock in its transaction.
        await using var elsewhere = Factory.Services.CreateAsyncScope();
        var db = elsewhere.ServiceProvider.GetRequiredService<VartaDbContext>();
        await using var transaction = await db.Database.BeginTransactionAsync();
        await Varta.Alarms.PlanShift.PlanShiftHandler.LockOfficerAsync(db, officerId, CancellationToken.None);

        using var dispatcher = await Factory.ClientAsAsync("dispatcher");
        var booking = dispatcher.PostAsJsonAsync(Duty, Shift(officerId, start.AddHours(2), start.AddHours(10)));
        await WaitForLockWaiterAsync(db);
        Assert.False(booking.IsCompleted);

        // The other host's shift commits; only then does this host's check run, and it sees the overlap.
        db.Set<DutyShift>().Add(new DutyShift
        {
            Id = Guid.CreateVersion7(start), SiteId = DemoData.ShevchenkivskyiCourt, UserId = officerId,
            StartsAt = start.UtcDateTime, EndsAt = start.AddHours(8).UtcDateTime, CreatedBy = "other-host",
        });
        await db.SaveChangesAsync();
        await transaction.CommitAsync();

        var refused = await Problem.AssertAsync(await booking, HttpStatusCode.BadRequest);
        Assert.Equal("duty-overlap", refused.GetProperty("rules").GetProperty("startsAt")[0].GetString());
    }

    /// <summary>Until a session waits for an advisory lock (bounded: 10 s).</summary>
    private static async Task WaitForLockWaiterAsync(VartaDbContext db)
    {
        var until = System.Diagnostics.Stopwatch.GetTimestamp() + System.Diagnostics.Stopwatch.Frequency * 10;
        while (System.Diagnostics.Stopwatch.GetTimestamp() < until)
        {
            var waiting = await db.Database.SqlQuery<int>($"SELECT count(*)::int AS \"Value\" FROM pg_locks WHERE locktype = 'advisory' AND NOT granted").SingleAsync();
            if (waiting > 0)
            {
                return;
            }

            await Task.Delay(20);
        }

        Assert.Fail("The booking never waited for the officer's planning lock.");
    }

    [Fact]
    public async Task A_cancelled_shift_stays_on_the_roster_with_its_reason_no_longer_counts_and_cannot_be_cancelled_twice()
    {
        var officerId = await DemoOfficerIdAsync();
        using var unitHead = (await CreateUserAsync("unit.head.kyiv", "Керівник Тестовий", "unit-head", DemoData.KyivCourtSecurity)).Client;
        var start = Factory.Clock.GetUtcNow().AddDays(10);
        var shift = await JsonAsync(await unitHead.PostAsJsonAsync(Duty, Shift(officerId, start, start.AddHours(12))));
        var cancelUrl = $"{Duty}/{shift.GetProperty("id").GetGuid()}/cancel";

        var noReason = await Problem.AssertAsync(await unitHead.PostAsJsonAsync(cancelUrl, new { reason = " " }), HttpStatusCode.BadRequest);
        Assert.Equal("required", noReason.GetProperty("rules").GetProperty("reason")[0].GetString());
        var cancelled = await JsonAsync(await unitHead.PostAsJsonAsync(cancelUrl, new { reason = "лікарняний" }));
        Assert.Equal("лікарняний", cancelled.GetProperty("cancelReason").GetString());
        Assert.Equal("unit.head.kyiv", cancelled.GetProperty("cancelledBy").GetString());
        await Problem.AssertAsync(await unitHead.PostAsJsonAsync(cancelUrl, new { reason = "ще раз" }), HttpStatusCode.Conflict);

        // Its time is free again, and the roster still shows what was planned and why it was called off.
        await JsonAsync(await unitHead.PostAsJsonAsync(Duty, Shift(officerId, start, start.AddHours(12))));
        var week = await JsonAsync(await unitHead.GetAsync($"{Duty}?from={Q(start.AddHours(-1))}&to={Q(start.AddDays(1))}"));
        var shifts = week.GetProperty("shifts").EnumerateArray().ToList();
        Assert.Equal(2, shifts.Count);
        Assert.Single(shifts, s => s.GetProperty("cancelledAt").ValueKind == JsonValueKind.Null);

        // A shift that is over is history: it cannot be cancelled.
        var soon = Factory.Clock.GetUtcNow().AddMinutes(1);
        var past = await JsonAsync(await unitHead.PostAsJsonAsync(Duty, Shift(officerId, soon, soon.AddMinutes(5))));
        Factory.Clock.Advance(TimeSpan.FromMinutes(7));
        await Problem.AssertAsync(await unitHead.PostAsJsonAsync($"{Duty}/{past.GetProperty("id").GetGuid()}/cancel", new { reason = "запізно" }), HttpStatusCode.Conflict);

        using var admin = await Factory.ClientAsAsync("admin");
        var audit = await JsonAsync(await admin.GetAsync("/api/v1/audit/entries?limit=100&resourceType=alarm-duty-shift"));
        Assert.Contains(audit.GetProperty("items").EnumerateArray(), e => e.GetProperty("action").GetString() == "alarms.duty.cancelled" && e.GetProperty("actorName").GetString() == "unit.head.kyiv");
        Assert.Contains(audit.GetProperty("items").EnumerateArray(), e => e.GetProperty("action").GetString() == "alarms.duty.created");
    }

    [Fact]
    public async Task Each_duty_endpoint_refuses_the_wrong_role_and_answers_not_found_outside_the_callers_scope()
    {
        var officerId = await DemoOfficerIdAsync();
        using var admin = await Factory.ClientAsAsync("admin");
        var start = Factory.Clock.GetUtcNow().AddDays(40);
        var shift = await JsonAsync(await admin.PostAsJsonAsync(Duty, Shift(officerId, start, start.AddHours(8))));
        var cancelUrl = $"{Duty}/{shift.GetProperty("id").GetGuid()}/cancel";
        var body = Shift(officerId, start.AddDays(1), start.AddDays(1).AddHours(8));

        using var judge = await Factory.ClientAsAsync("judge");
        using var custody = await Factory.ClientAsAsync("custody.officer");
        using var security = await Factory.ClientAsAsync("security.officer");
        await Problem.AssertAsync(await judge.GetAsync(Duty), HttpStatusCode.Forbidden);
        await Problem.AssertAsync(await custody.GetAsync(Duty), HttpStatusCode.Forbidden);
        Assert.Equal(HttpStatusCode.OK, (await security.GetAsync(Duty)).StatusCode); // officers read their roster...
        await Problem.AssertAsync(await security.PostAsJsonAsync(Duty, body), HttpStatusCode.Forbidden); // ...but do not plan it
        await Problem.AssertAsync(await security.PostAsJsonAsync(cancelUrl, new { reason = "x" }), HttpStatusCode.Forbidden);
        await Problem.AssertAsync(await judge.PostAsJsonAsync(Duty, body), HttpStatusCode.Forbidden);
        await Problem.AssertAsync(await judge.PostAsJsonAsync(cancelUrl, new { reason = "x" }), HttpStatusCode.Forbidden);

        var (_, lviv) = await CreateUserAsync("dispatcher.lviv", "Диспетчер Львів", "dispatcher", DemoData.LvivRegion);
        using (lviv)
        {
            await Problem.AssertAsync(await lviv.GetAsync(Duty), HttpStatusCode.NotFound);
            await Problem.AssertAsync(await lviv.PostAsJsonAsync(Duty, body), HttpStatusCode.NotFound);
            await Problem.AssertAsync(await lviv.PostAsJsonAsync(cancelUrl, new { reason = "x" }), HttpStatusCode.NotFound);
        }

        // A shift is found only under its own building.
        await Problem.AssertAsync(await admin.PostAsJsonAsync($"/api/v1/alarms/sites/{DemoData.LvivFacility}/duty/{shift.GetProperty("id").GetGuid()}/cancel", new { reason = "x" }), HttpStatusCode.NotFound);
        Assert.Equal(JsonValueKind.Null, (await JsonAsync(await admin.GetAsync($"{Duty}?from={Q(start.AddHours(-1))}&to={Q(start.AddHours(1))}")))
            .GetProperty("shifts")[0].GetProperty("cancelledAt").ValueKind);
    }

    [Fact]
    public async Task The_roster_defaults_to_the_current_Kyiv_week_and_refuses_a_window_that_is_backwards_or_too_long()
    {
        using var dispatcher = await Factory.ClientAsAsync("dispatcher");
        var week = await JsonAsync(await dispatcher.GetAsync(Duty));
        var from = week.GetProperty("from").GetDateTimeOffset();
        Assert.Equal(DayOfWeek.Monday, from.DayOfWeek);
        Assert.Equal(TimeSpan.Zero, from.TimeOfDay);
        Assert.Equal(TimeSpan.FromHours(2), from.Offset); // Kyiv in winter
        Assert.True(from <= Factory.Clock.GetUtcNow() && Factory.Clock.GetUtcNow() < from.AddDays(7));
        Assert.Equal(from.AddDays(7), week.GetProperty("to").GetDateTimeOffset());

        var now = Factory.Clock.GetUtcNow();
        var backwards = await Problem.AssertAsync(await dispatcher.GetAsync($"{Duty}?from={Q(now)}&to={Q(now.AddDays(-1))}"), HttpStatusCode.BadRequest);
        Assert.Equal("duty-range", backwards.GetProperty("rules").GetProperty("to")[0].GetString());
        await Problem.AssertAsync(await dispatcher.GetAsync($"{Duty}?from={Q(now)}&to={Q(now.AddDays(32))}"), HttpStatusCode.BadRequest);
    }

    private static object Shift(Guid userId, DateTimeOffset startsAt, DateTimeOffset endsAt) => new { userId, startsAt = Iso(startsAt), endsAt = Iso(endsAt) };

    private static string Iso(DateTimeOffset instant) => instant.ToString("yyyy-MM-ddTHH:mm:sszzz", CultureInfo.InvariantCulture);

    private static string Q(DateTimeOffset instant) => Uri.EscapeDataString(Iso(instant));

    private async Task<List<(string Name, bool OnDuty, DateTimeOffset? Until)>> RespondersAsync(HttpClient client) =>
        (await JsonAsync(await client.GetAsync(Responders))).EnumerateArray()
            .Select(r => (r.GetProperty("displayName").GetString()!, r.GetProperty("onDuty").GetBoolean(),
                r.GetProperty("dutyUntil").ValueKind == JsonValueKind.Null ? (DateTimeOffset?)null : r.GetProperty("dutyUntil").GetDateTimeOffset()))
            .ToList();

    private static string[] Ours(IEnumerable<(string Name, bool OnDuty, DateTimeOffset? Until)> list) =>
        list.Select(r => r.Name).Where(n => n is "Демо Співробітник охорони" or "Яковенко Тестовий").ToArray();

    private async Task<Guid> DemoOfficerIdAsync() => await UserIdAsync("security.officer");

    private async Task<Guid> UserIdAsync(string username)
    {
        using var admin = await Factory.ClientAsAsync("admin");
        return (await JsonAsync(await admin.GetAsync("/api/v1/admin/users"))).EnumerateArray()
            .Single(u => u.GetProperty("username").GetString() == username).GetProperty("id").GetGuid();
    }
}
