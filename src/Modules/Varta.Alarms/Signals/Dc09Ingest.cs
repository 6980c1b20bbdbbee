using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Varta.Alarms.Data;
using Varta.Alarms.Dc09;
using Varta.Alarms.Processing;
using Varta.Platform.Audit;
using Varta.Platform.Persistence;

namespace Varta.Alarms.Signals;

/// <summary>
/// Existing intrusion panels report over SIA DC-09. A frame is mapped to a device by its account number and
/// handled exactly like an HTTP signal: stored first, and only then does the receiver answer ACK.
/// </summary>
internal sealed class Dc09Ingest(IServiceScopeFactory scopes, TimeProvider clock, IOptions<AlarmsOptions> options, ILoggerFactory loggers) : BackgroundService
{
    private readonly TaskCompletionSource<IPEndPoint> _bound = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Where the receiver listens, once started.</summary>
    public Task<IPEndPoint> Endpoint => _bound.Task;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Dc09Enabled)
        {
            return;
        }

        await using var receiver = new Dc09Receiver(
            new Dc09ReceiverOptions { Address = IPAddress.Parse(options.Value.Dc09Address), Port = options.Value.Dc09Port },
            HandleAsync, clock, loggers.CreateLogger<Dc09Receiver>());
        _bound.TrySetResult(receiver.Start());
        try
        {
            await Task.Delay(Timeout.Infinite, stoppingToken);
        }
        catch (OperationCanceledException)
        {
            await receiver.StopAsync();
        }
    }

    internal async Task<Dc09Verdict> HandleAsync(Dc09Frame frame, PanelEvent? panelEvent, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<VartaDbContext>();
        var account = panelEvent?.Account ?? frame.Account;
        var device = account is null ? null : await db.Set<Device>().AsNoTracking().FirstOrDefaultAsync(d => d.AccountNumber == account && d.Enabled, ct);
        if (device is null)
        {
            await scope.ServiceProvider.GetRequiredService<IAuditLog>().AppendAsync(new AuditRecord
            {
                Action = "alarms.device.auth-failed",
                Category = AuditCategory.Device,
                ActorId = "dc09:" + (account ?? "?"),
                ActorName = "dc09:" + (account ?? "?"),
                Details = JsonSerializer.Serialize(new { reason = "unknown-account", frame.Id, frame.Sequence }),
            }, ct);
            return Dc09Verdict.Duh;
        }

        var location = Dc09Location.TryRead(frame.ExtendedData, out var where) && where is not null
            ? new LocationInput(where.Latitude, where.Longitude, null)
            : null;
        var request = new SignalRequest(Kind(panelEvent), null, location, panelEvent?.Kind == PanelEventKind.Silent, Key(frame, clock.GetUtcNow()),
            null);
        var outcome = await scope.ServiceProvider.GetRequiredService<SignalHandler>().HandleAsync(device.Id, request, ct);
        return outcome.IsOk ? Dc09Verdict.Ack : Dc09Verdict.Nak;
    }

    /// <summary>What the event means to a console; restores and unknown conditions keep the link alive without calling anyone.</summary>
    internal static string Kind(PanelEvent? e) => e switch
    {
        null => AlarmKinds.Heartbeat,
        { IsRestore: true } => AlarmKinds.Heartbeat,
        { Kind: PanelEventKind.Panic } => AlarmKinds.Panic,
        { Kind: PanelEventKind.Duress or PanelEventKind.Silent } => AlarmKinds.Duress,
        { Kind: PanelEventKind.Intrusion } => AlarmKinds.Intrusion,
        { Kind: PanelEventKind.Tamper } => AlarmKinds.Tamper,
        { Kind: PanelEventKind.Fault } => AlarmKinds.Fault,
        { Kind: PanelEventKind.Test } => AlarmKinds.Test,
        { Kind: PanelEventKind.Fire } => AlarmKinds.Fire,
        _ => AlarmKinds.Heartbeat,
    };

    /// <summary>
    /// A panel retransmits the same frame (same sequence and data) when our ACK is lost: that must be one alarm.
    /// The hour of receipt keeps the 4-digit sequence from colliding with the same event days later.
    /// </summary>
    internal static string Key(Dc09Frame f, DateTimeOffset now)
    {
        var text = $"{f.Account}|{f.Id}|{f.Sequence}|{f.Data}|{string.Join(",", f.ExtendedData)}|{now.UtcDateTime:yyyyMMddHH}";
        return "dc09-" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..40];
    }
}
