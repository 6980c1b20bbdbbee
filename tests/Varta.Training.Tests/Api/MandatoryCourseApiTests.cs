using System.Net;
using Varta.Platform.Demo;
using Varta.Platform.Identity;
using Varta.Testing;
using static Varta.Training.Tests.Api.TrainingApi;

namespace Varta.Training.Tests.Api;

/// <summary>
/// The host with its periodic timers ticking every 45 days, so that the clock can move months in one step (the fake clock
/// fires a periodic timer once for each period it is moved past; one-second timers would fire millions of times).
/// </summary>
public sealed class MonthsFactory : VartaFactory
{
    public MonthsFactory()
    {
        Settings["Custody:Retention:Enabled"] = "false";
        foreach (var timer in new[] { "Alarms:WatchInterval", "Custody:AlertScanInterval", "Oversight:QueueScanInterval", "Audit:CheckpointInterval" })
        {
            Settings[timer] = "45.00:00:00";
        }
    }
}

/// <summary>
/// Mandatory courses: court security basics is due 90 days after a judge's account is made (or after the course became
/// mandatory, whichever is later); past that without a certificate the judge is overdue for the head of their unit.
/// </summary>
public sealed class MandatoryCourseApiTests(MonthsFactory factory) : IClassFixture<MonthsFactory>
{
    [Fact]
    public async Task A_judge_without_the_certificate_is_overdue_ninety_days_after_their_account_was_made()
    {
        using var judge = await PersonAsync(factory, Roles.Judge, DemoData.ShevchenkivskyiCourt, Name("Суддя Зайнятий"));
        using var head = await PersonAsync(factory, Roles.UnitHead, DemoData.KyivCourtSecurity, Name("Голова Уважний"));
        using var lvivHead = await PersonAsync(factory, Roles.UnitHead, DemoData.LvivRegion, Name("Голова Далекий"));
        var made = factory.Clock.GetUtcNow();

        // Mandatory for the judge, not for a learner; due in 90 days; not overdue yet.
        var mine = (await GetOkAsync(judge.Client, "/courses")).EnumerateArray().ToDictionary(c => Str(c, "key"));
        Assert.True(mine["court-security-basics"].GetProperty("mandatory").GetBoolean());
        Assert.False(mine["court-security-basics"].GetProperty("overdue").GetBoolean());
        Assert.False(mine["dynamic-security"].GetProperty("mandatory").GetBoolean());
        var due = mine["court-security-basics"].GetProperty("dueAt").GetDateTimeOffset();
        Assert.InRange(due - made, TimeSpan.FromDays(90) - TimeSpan.FromMinutes(1), TimeSpan.FromDays(90));

        var progress = await GetOkAsync(head.Client, $"/people?unitId={DemoData.ShevchenkivskyiCourt}");
        var row = progress.GetProperty("people").EnumerateArray().Single(p => p.GetProperty("userId").GetGuid() == judge.Id);
        Assert.Equal(judge.Name, Str(row, "name"));
        var cell = row.GetProperty("courses").EnumerateArray().Single(c => Str(c, "key") == "court-security-basics");
        Assert.True(cell.GetProperty("mandatory").GetBoolean());
        Assert.False(cell.GetProperty("overdue").GetBoolean());
        Assert.Equal(due, cell.GetProperty("dueAt").GetDateTimeOffset());
        Assert.DoesNotContain((await GetOkAsync(head.Client, "/people?overdue=true")).GetProperty("people").EnumerateArray(),
            p => p.GetProperty("userId").GetGuid() == judge.Id);
        var summary = progress.GetProperty("courses").EnumerateArray().Single(c => Str(c, "key") == "court-security-basics");
        Assert.True(summary.GetProperty("obliged").GetInt32() >= 1);

        // A unit outside the head's scope is not theirs to read; a learner reads no one's progress.
        await Problem.AssertAsync(await head.Client.GetAsync($"{Base}/people?unitId={DemoData.LvivRegion}"), HttpStatusCode.NotFound);
        Assert.Equal(HttpStatusCode.Forbidden, (await judge.Client.GetAsync($"{Base}/people")).StatusCode);
        Assert.DoesNotContain((await GetOkAsync(lvivHead.Client, "/people")).GetProperty("people").EnumerateArray(), p => p.GetProperty("userId").GetGuid() == judge.Id);

        // A day before the due date: still in time.
        factory.Clock.Advance(TimeSpan.FromDays(89));
        var client = await head.RefreshAsync(factory);
        Assert.DoesNotContain((await GetOkAsync(client, "/people?overdue=true")).GetProperty("people").EnumerateArray(),
            p => p.GetProperty("userId").GetGuid() == judge.Id);

        // 91 days on: overdue, for the head of the unit and for the judge themself.
        factory.Clock.Advance(TimeSpan.FromDays(2));
        client = await head.RefreshAsync(factory);
        var overdue = await GetOkAsync(client, "/people?overdue=true");
        var late = overdue.GetProperty("people").EnumerateArray().Single(p => p.GetProperty("userId").GetGuid() == judge.Id);
        Assert.Equal(1, late.GetProperty("overdue").GetInt32());
        Assert.True(late.GetProperty("courses").EnumerateArray().Single(c => Str(c, "key") == "court-security-basics").GetProperty("overdue").GetBoolean());
        Assert.All(overdue.GetProperty("people").EnumerateArray(), p => Assert.True(p.GetProperty("overdue").GetInt32() > 0));
        Assert.DoesNotContain(overdue.GetProperty("people").EnumerateArray(), p => p.GetProperty("userId").GetGuid() == head.Id); // no course is mandatory for a head
        Assert.True(overdue.GetProperty("courses").EnumerateArray().Single(c => Str(c, "key") == "court-security-basics").GetProperty("overdue").GetInt32() >= 1);
        var judgeClient = await judge.RefreshAsync(factory);
        Assert.True((await GetOkAsync(judgeClient, "/courses")).EnumerateArray().Single(c => Str(c, "key") == "court-security-basics").GetProperty("overdue").GetBoolean());

        // A judge whose account is made now has their own 90 days.
        using var newcomer = await PersonAsync(factory, Roles.Judge, DemoData.ShevchenkivskyiCourt, Name("Суддя Новенький"));
        Assert.DoesNotContain((await GetOkAsync(client, "/people?overdue=true")).GetProperty("people").EnumerateArray(),
            p => p.GetProperty("userId").GetGuid() == newcomer.Id);
        Assert.Contains((await GetOkAsync(client, "/people")).GetProperty("people").EnumerateArray(), p => p.GetProperty("userId").GetGuid() == newcomer.Id);
    }
}
