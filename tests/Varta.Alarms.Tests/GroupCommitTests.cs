using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Varta.Alarms.Data;
using Varta.Alarms.SendSignal;
using Varta.Platform.Persistence;
using Varta.Testing;

namespace Varta.Alarms.Tests;

/// <summary>Device signals are stored in groups: one transaction for all that are waiting, each answered with its own result.</summary>
public sealed class GroupCommitTests(VartaFactory factory) : AlarmsTestBase(factory), IClassFixture<VartaFactory>
{
    [Fact]
    public async Task One_batch_stores_every_kind_of_signal_in_one_transaction_and_answers_each_with_its_own_result()
    {
        var (a, _) = await CreateDeviceAsync("Група А");
        var (b, _) = await CreateDeviceAsync("Група Б");
        var commits = Factory.Services.GetRequiredService<SignalGroupCommit>();
        var site = await SiteOfAsync(a);
        var now = Factory.Clock.GetUtcNow();

        var first = Pending(a, site, "g-1", now);
        var other = Pending(b, site, "g-2", now);
        var again = Pending(a, site, "g-1", now); // a retry close behind the original, in the same batch
        var heartbeat = new PendingSignal(b, now, SignalWork.Seen);
        var disarmed = new PendingSignal(a, now, SignalWork.Disarmed) { Key = "g-3" };
        var before = commits.Written;

        await commits.WriteAsync([first, other, again, heartbeat, disarmed], CancellationToken.None);

        Assert.Equal((before.Batches + 1, before.Signals + 5), commits.Written);
        var answers = (await Task.WhenAll(new[] { first, other, again, heartbeat, disarmed }.Select(s => s.Done.Task))).Select(o => o.Value!).ToArray();
        Assert.Equal(first.Alarm!.Id, answers[0].AlarmId);
        Assert.Equal(other.Alarm!.Id, answers[1].AlarmId);
        Assert.Equal((first.Alarm.Id, answers[0].Sequence, true), (answers[2].AlarmId, answers[2].Sequence, answers[2].Duplicate));
        Assert.Equal((null, null), (answers[3].AlarmId, answers[3].Sequence));
        Assert.Null(answers[4].AlarmId);

        // Numbered in the order they were queued, with nothing else in between: one commit.
        Assert.Equal(answers[0].Sequence + 1, answers[1].Sequence);
        Assert.Equal(answers[1].Sequence + 1, answers[4].Sequence);

        await using var scope = Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<VartaDbContext>();
        Assert.Equal(1, await db.Set<Alarm>().CountAsync(x => x.DeviceId == a && x.IdempotencyKey == "g-1"));
        Assert.False(await db.Set<Alarm>().AnyAsync(x => x.Id == again.Alarm!.Id));
        var events = await db.Set<AlarmEvent>().Where(e => e.Seq >= answers[0].Sequence && e.Seq <= answers[4].Sequence).OrderBy(e => e.Seq).ToListAsync();
        Assert.Equal(["raised", "raised", "intrusion-while-disarmed"], events.Select(e => e.Kind));
        var devices = await db.Set<Device>().Where(d => d.Id == a || d.Id == b).ToListAsync();
        Assert.All(devices, d => Assert.NotNull(d.LastSeenAt));
    }

    [Fact]
    public async Task A_signal_that_lost_a_race_to_its_own_copy_gets_the_stored_alarm_and_the_rest_of_its_batch_is_stored()
    {
        var (a, secret) = await CreateDeviceAsync("Група В");
        var (b, _) = await CreateDeviceAsync("Група Г");
        using var device = DeviceClient(secret);
        var stored = await JsonAsync(await device.PostAsJsonAsync("/api/v1/alarms/signals", new { kind = "panic", idempotencyKey = "c-1" }));
        var site = await SiteOfAsync(a);
        var commits = Factory.Services.GetRequiredService<SignalGroupCommit>();

        // As if the copy had been checked before the original committed: it reaches the store with the same key.
        var copy = Pending(a, site, "c-1", Factory.Clock.GetUtcNow());
        var innocent = Pending(b, site, "c-2", Factory.Clock.GetUtcNow());
        await commits.WriteAsync([copy, innocent], CancellationToken.None);

        var lost = (await copy.Done.Task).Value!;
        Assert.Equal(stored.GetProperty("alarmId").GetGuid(), lost.AlarmId);
        Assert.Equal(stored.GetProperty("sequence").GetInt64(), lost.Sequence);
        Assert.True(lost.Duplicate);
        Assert.Equal(innocent.Alarm!.Id, (await innocent.Done.Task).Value!.AlarmId);

        await using var scope = Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<VartaDbContext>();
        Assert.Equal(1, await db.Set<Alarm>().CountAsync(x => x.DeviceId == a && x.IdempotencyKey == "c-1"));
        Assert.Equal(1, await db.Set<Alarm>().CountAsync(x => x.DeviceId == b && x.IdempotencyKey == "c-2"));
    }

    [Fact]
    public async Task Many_signals_at_once_are_each_stored_once_with_their_own_alarm_and_sequence()
    {
        var devices = new List<HttpClient>();
        for (var d = 0; d < 4; d++)
        {
            devices.Add(DeviceClient((await CreateDeviceAsync($"Група навантаження {d}")).Secret));
        }

        var commits = Factory.Services.GetRequiredService<SignalGroupCommit>();
        var before = commits.Written;
        var responses = await Task.WhenAll(Enumerable.Range(0, 40).Select(i =>
            devices[i % devices.Count].PostAsJsonAsync("/api/v1/alarms/signals", new { kind = i % 2 == 0 ? "panic" : "duress", idempotencyKey = $"many-{i}" })));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Accepted, r.StatusCode));
        var bodies = await Task.WhenAll(responses.Select(JsonAsync));
        Assert.Equal(40, bodies.Select(x => x.GetProperty("alarmId").GetGuid()).Distinct().Count());
        Assert.Equal(40, bodies.Select(x => x.GetProperty("sequence").GetInt64()).Distinct().Count());
        Assert.True(commits.Written.Signals - before.Signals >= 40);
        foreach (var d in devices)
        {
            d.Dispose();
        }
    }

    private async Task<Guid> SiteOfAsync(Guid device)
    {
        await using var scope = Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<VartaDbContext>();
        return await db.Set<Device>().Where(d => d.Id == device).Select(d => d.SiteId).SingleAsync();
    }

    private static PendingSignal Pending(Guid device, Guid site, string key, DateTimeOffset now) => new(device, now, SignalWork.Alarm)
    {
        Alarm = new Alarm
        {
            Id = Guid.CreateVersion7(now),
            SiteId = site,
            DeviceId = device,
            Kind = "panic",
            Priority = 1,
            IdempotencyKey = key,
            RaisedAt = now.UtcDateTime,
            ReceivedAt = now.UtcDateTime,
        },
    };
}
