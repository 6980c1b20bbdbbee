using System.Net;
using System.Net.Sockets;
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
using Varta.Alarms.SendSignal;
using Varta.Platform.Audit;
using Varta.Platform.Persistence;

namespace Varta.Alarms.ReceiveDc09;

/// <summary>
/// Existing intrusion panels report over SIA DC-09, over TCP or UDP on the same address and port. A frame is mapped to a device by its account number and
/// handled exactly like an HTTP signal: stored first, and only then does the receiver answer ACK. A panel with a
/// DC-09 key must encrypt: its plain frames are refused with DUH (see docs/adr/0004-dc09-keys-and-plaintext-refusal.md).
/// </summary>
internal sealed class Dc09Ingest(IServiceScopeFactory scopes, TimeProvider clock, IOptions<AlarmsOptions> options, ILoggerFactory loggers, Dc09Keys keys)
    : BackgroundService
{
    private readonly TaskCompletionSource<IPEndPoint> _bound = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource<IPEndPoint> _boundUdp = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Where the TCP receiver listens, once started.</summary>
    public Task<IPEndPoint> Endpoint => _bound.Task;

    /// <summary>Where the UDP receiver listens, once started (the same address and port; with port 0, a free one of its own).</summary>
    public Task<IPEndPoint> UdpEndpoint => _boundUdp.Task;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Dc09Enabled)
        {
            return;
        }

        try
        {
            await keys.StartAsync(stoppingToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // Plain panels need no key: receive now, and load the keys on the next refresh.
            loggers.CreateLogger<Dc09Ingest>().LogError(ex, "Loading DC-09 keys failed; encrypted frames get DUH until the next refresh");
        }

        var receiverOptions = new Dc09ReceiverOptions { Address = IPAddress.Parse(options.Value.Dc09Address), Port = options.Value.Dc09Port, KeyForAccount = keys.KeyFor };
        await using var receiver = new Dc09Receiver(receiverOptions, HandleAsync, clock, loggers.CreateLogger<Dc09Receiver>());
        await using var udp = new Dc09UdpReceiver(receiverOptions, HandleAsync, clock, loggers.CreateLogger<Dc09UdpReceiver>());
        _bound.TrySetResult(receiver.Start());
        try
        {
            _boundUdp.TrySetResult(udp.Start());
        }
        catch (SocketException ex)
        {
            // Panels on TCP are still received; those on UDP retry until the port is freed and the host restarted.
            loggers.CreateLogger<Dc09Ingest>().LogError(ex, "The DC-09 UDP receiver could not bind; receiving over TCP only");
            _boundUdp.TrySetException(ex);
        }
        try
        {
            await Task.WhenAll(RefreshKeysAsync(stoppingToken), keys.ListenAsync(stoppingToken));
        }
        catch (OperationCanceledException)
        {
            await Task.WhenAll(receiver.StopAsync(), udp.StopAsync());
        }
    }

    /// <summary>Another host's key changes reach this one's receiver within one interval, should its notification be lost.</summary>
    private async Task RefreshKeysAsync(CancellationToken stoppingToken)
    {
        var logger = loggers.CreateLogger<Dc09Ingest>();
        using var timer = new PeriodicTimer(Dc09Keys.RefreshInterval, clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await keys.ReloadAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogWarning(ex, "Refreshing DC-09 keys failed; the receiver keeps the keys it has");
            }
        }
    }

    /// <summary>
    /// Stores every event of the frame (a SIA block may carry several), then answers: ACK only when each is stored, so
    /// an ACK always means "stored"; NAK otherwise, and the panel sends the frame again (the idempotency keys keep what
    /// was stored once from being stored twice). The header's account is the panel's identity.
    /// </summary>
    internal async Task<Dc09Verdict> HandleAsync(Dc09Frame frame, PanelEvent? decoded, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<VartaDbContext>();
        var events = PanelEvent.DecodeAll(frame);
        var account = frame.Account ?? (events[0].Account is { Length: > 0 } inner ? inner : null);
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

        if (await EncryptionMismatchAsync(db, device, frame, account!, ct) is { } mismatch)
        {
            await scope.ServiceProvider.GetRequiredService<IAuditLog>().AppendAsync(new AuditRecord
            {
                Action = "alarms.device.auth-failed",
                Category = AuditCategory.Device,
                ActorId = "dc09:" + account,
                ActorName = "dc09:" + account,
                OrgUnitId = device.SiteId,
                Details = JsonSerializer.Serialize(new { reason = mismatch, frame.Id, frame.Sequence }),
            }, ct);
            return Dc09Verdict.Duh;
        }

        var signals = scope.ServiceProvider.GetRequiredService<SignalHandler>();
        var now = clock.GetUtcNow();
        if (!frame.Encrypted && frame.Timestamp is { } sent && (sent - now).Duration() > options.Value.Dc09ClockSkewLimit)
        {
            // A plain frame's clock is not trusted for replay, but a panel whose clock is wrong is a trouble to fix:
            // one "clock wrong" fault per hour while it lasts, with the skew.
            var skew = (int)Math.Round((sent - now).TotalSeconds);
            var trouble = new SignalRequest(AlarmKinds.Fault, null, null, false, $"dc09-clock-{device.Id:N}-{now.UtcDateTime:yyyyMMddHH}", null);
            if (!(await signals.HandleAsync(device.Id, trouble, "dc09:clock", null, ct, panelText: $"Clock wrong: {skew:+0;-0} s")).IsOk)
            {
                return Dc09Verdict.Nak;
            }
        }

        var location = Dc09Location.TryRead(frame.ExtendedData, out var where) && where is not null
            ? new LocationInput(where.Latitude, where.Longitude, null)
            : null;
        var key = Key(frame, now);
        for (var i = 0; i < events.Count; i++)
        {
            var e = events[i];
            var stored = e.IsRestore
                ? (await signals.RestoreAsync(device.Id, PanelRef(e), e.Code, e.Zone, ct)).IsOk
                : (await signals.HandleAsync(device.Id, new SignalRequest(Kind(e), null, location, e.Kind == PanelEventKind.Silent, i == 0 ? key : $"{key}-{i}", null),
                    PanelRef(e), null, ct, PanelText(e, frame))).IsOk;
            if (!stored)
            {
                return Dc09Verdict.Nak;
            }
        }

        return Dc09Verdict.Ack;
    }

    /// <summary>What a dispatcher reads of the event: the code and its meaning, the zone, the panel's own text; the raw data when unrecognised.</summary>
    internal static string? PanelText(PanelEvent e, Dc09Frame frame)
    {
        if (e.Protocol == PanelProtocol.Null)
        {
            return null;
        }

        var text = e.Kind == PanelEventKind.Unrecognised
            ? $"{e.Description}: {frame.Data}"
            : $"{e.Code} {e.Description}{(e.Zone is null ? "" : " · " + e.Zone)}{(e.Text is null ? "" : " · " + e.Text)}";
        return text.Length <= 300 ? text : text[..300];
    }

    /// <summary>
    /// A panel with a key must encrypt, and one without must not (its key may have been removed on another host a
    /// moment ago). An encrypted frame speaks only for the account whose key opened it, whatever its data claims.
    /// </summary>
    private static async Task<string?> EncryptionMismatchAsync(VartaDbContext db, Device device, Dc09Frame frame, string account, CancellationToken ct)
    {
        var hasKey = await db.Set<Dc09Key>().AnyAsync(k => k.DeviceId == device.Id, ct);
        if (hasKey && !frame.Encrypted)
        {
            return "plaintext-for-encrypted-account";
        }

        if (frame.Encrypted && (!hasKey || frame.Account != account))
        {
            return hasKey ? "encrypted-for-another-account" : "encrypted-for-plain-account";
        }

        return null;
    }

    /// <summary>
    /// Which of the panel's conditions an event is about, so that its restore finds the alarm it ends: Contact ID
    /// repeats the event code on a restore (qualifier 3); SIA changes it (BA → BR), so its kind stands in.
    /// </summary>
    internal static string? PanelRef(PanelEvent? e)
    {
        var reference = e switch
        {
            { Protocol: PanelProtocol.ContactId } => $"cid:{e.Code}:{e.Partition}:{e.Zone}",
            { Protocol: PanelProtocol.Sia } => $"sia:{e.Kind}:{e.Partition}:{e.Zone}",
            _ => null,
        };
        return reference is { Length: <= 40 } ? reference : null;
    }

    /// <summary>
    /// What the event means to a console. Restores are handled apart; a known event that calls nobody (opening,
    /// closing, unbypass) is kept as information; a code not known, or data not read, is an unrecognised event that a
    /// dispatcher sees with its raw text.
    /// </summary>
    internal static string Kind(PanelEvent? e) => e switch
    {
        null => AlarmKinds.Unrecognised,
        { Protocol: PanelProtocol.Null } => AlarmKinds.Heartbeat,
        { IsRestore: true } => AlarmKinds.Heartbeat,
        { Kind: PanelEventKind.Medical } => AlarmKinds.Medical,
        { Kind: PanelEventKind.Environmental } => AlarmKinds.Environmental,
        { Kind: PanelEventKind.ZoneAlarm } => AlarmKinds.ZoneAlarm,
        { Kind: PanelEventKind.Bypass } => AlarmKinds.Bypass,
        { Kind: PanelEventKind.Unrecognised } => AlarmKinds.Unrecognised,
        { Kind: PanelEventKind.Heartbeat } => AlarmKinds.Heartbeat,
        { Kind: PanelEventKind.Panic } => AlarmKinds.Panic,
        { Kind: PanelEventKind.Duress or PanelEventKind.Silent } => AlarmKinds.Duress,
        { Kind: PanelEventKind.Intrusion } => AlarmKinds.Intrusion,
        { Kind: PanelEventKind.Tamper } => AlarmKinds.Tamper,
        { Kind: PanelEventKind.Fault } => AlarmKinds.Fault,
        { Kind: PanelEventKind.Test } => AlarmKinds.Test,
        { Kind: PanelEventKind.Fire } => AlarmKinds.Fire,
        _ => AlarmKinds.PanelEvent,
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
