using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;
using Varta.Alarms.Data;
using Varta.Platform.Http;
using Varta.Platform.Persistence;

namespace Varta.Alarms.ReceiveDc09;

/// <summary>
/// The DC-09 receiver's keys: account number → AES key, in memory, because the receiver asks synchronously for
/// every encrypted frame. Loaded when the receiver starts, and reloaded as soon as an administrator changes a key:
/// on this host directly, and on PostgreSQL on every host through a notification on <see cref="Channel"/> sent once
/// the change has committed. Every <see cref="RefreshInterval"/> as well, in case a notification was missed.
/// </summary>
internal sealed class Dc09Keys(IServiceScopeFactory scopes, IDataProtectionProvider protection, IOptions<DatabaseOptions> database,
    TimeProvider clock, ILogger<Dc09Keys> logger) : IDisposable
{
    public const string Purpose = "Varta.Alarms.Dc09Key";

    /// <summary>The PostgreSQL notification channel hosts are told of key changes on.</summary>
    public const string Channel = "varta_dc09_keys";

    /// <summary>How long a host waits before listening again after losing its listening connection.</summary>
    public static readonly TimeSpan RelistenAfter = TimeSpan.FromSeconds(5);

    /// <summary>The encryption names of the API and the key sizes they stand for.</summary>
    public static readonly IReadOnlyDictionary<string, int> Encryptions = new Dictionary<string, int>(StringComparer.Ordinal)
    {
        ["aes-128"] = 128,
        ["aes-192"] = 192,
        ["aes-256"] = 256,
    };

    public static readonly TimeSpan RefreshInterval = TimeSpan.FromSeconds(30);

    private readonly IDataProtector _protector = protection.CreateProtector(Purpose);
    private readonly SemaphoreSlim _reload = new(1, 1);
    private volatile IReadOnlyDictionary<string, byte[]> _keys = new Dictionary<string, byte[]>();
    private TaskCompletionSource _nextReload = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private Dictionary<string, byte[]> _unprotected = new(StringComparer.Ordinal);
    private bool _active;

    /// <summary>Completes when the next reload has finished (tests wait on it instead of sleeping).</summary>
    public Task NextReload => Volatile.Read(ref _nextReload).Task;

    public static string EncryptionName(int bits) => $"aes-{bits}";

    /// <summary>
    /// The key an installer entered (see <see cref="ParseEntered"/>), or null when none was; a key that cannot be
    /// read, or is not of the size <paramref name="encryption"/> names, fails <c>dc09Key</c>.
    /// </summary>
    public static byte[]? Entered(Validator v, string? encryption, string? entered)
    {
        ArgumentNullException.ThrowIfNull(v);
        if (entered is null)
        {
            return null;
        }

        var key = ParseEntered(entered, encryption is not null && Encryptions.TryGetValue(encryption, out var bits) ? bits : null);
        if (key is null)
        {
            v.Fail("dc09Key", "dc09-key-format");
        }

        return key;
    }

    /// <summary>For the receiver: the key of an account, or null when it has none.</summary>
    public byte[]? KeyFor(string account) => _keys.GetValueOrDefault(account);

    public (byte[] Key, string Protected) Issue(int bits)
    {
        var key = RandomNumberGenerator.GetBytes(bits / 8);
        return (key, Protect(key));
    }

    /// <summary>A key entered by an installer (the panel's existing one), protected for storage.</summary>
    public string Protect(byte[] key) => Convert.ToBase64String(_protector.Protect(key));

    /// <summary>
    /// A panel's existing key as an installer reads it off the panel: hex (32, 48 or 64 digits, spaces allowed) or the
    /// 16-, 24- or 32-character text form many panels show. A 32-character text that is all hex digits is read as hex
    /// (AES-128) unless <paramref name="bits"/> says 256. Null when it is neither, or not of <paramref name="bits"/>.
    /// </summary>
    public static byte[]? ParseEntered(string text, int? bits)
    {
        ArgumentNullException.ThrowIfNull(text);
        var digits = string.Concat(text.Where(c => !char.IsWhiteSpace(c)));
        byte[]? hex = digits.Length is 32 or 48 or 64 && digits.All(char.IsAsciiHexDigit) ? Convert.FromHexString(digits) : null;
        byte[]? ascii = text.Length is 16 or 24 or 32 && text.All(c => c is >= ' ' and <= '~') ? System.Text.Encoding.ASCII.GetBytes(text) : null;
        return bits is { } size
            ? hex?.Length * 8 == size ? hex : ascii?.Length * 8 == size ? ascii : null
            : hex ?? ascii;
    }

    /// <summary>Starts keeping the map (the receiver is running on this host) and loads it.</summary>
    public async Task StartAsync(CancellationToken ct)
    {
        _active = true;
        await ReloadAsync(ct);
    }

    private TaskCompletionSource _listening = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes once this host listens for other hosts' key changes (PostgreSQL only; tests wait on it).</summary>
    public Task Listening => Volatile.Read(ref _listening).Task;

    /// <summary>
    /// A key was issued or removed on this host and has committed: tell the other hosts (PostgreSQL), and reload
    /// now if this host receives DC-09 at all.
    /// </summary>
    public async Task ChangedAsync(CancellationToken ct)
    {
        try
        {
            if (database.Value.IsPostgres)
            {
                await using var scope = scopes.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<VartaDbContext>().Database.ExecuteSqlAsync($"SELECT pg_notify({Channel}, '')", ct);
            }

            if (_active)
            {
                await ReloadAsync(ct);
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The change is committed; the periodic refresh picks it up.
            logger.LogWarning(ex, "Passing on a DC-09 key change failed; the next refresh will");
        }
    }

    /// <summary>
    /// On PostgreSQL, while this host receives DC-09: reloads whenever any host says a key changed. After losing its
    /// connection it listens again and reloads, since notifications sent meanwhile are lost.
    /// </summary>
    public async Task ListenAsync(CancellationToken ct)
    {
        if (!database.Value.IsPostgres)
        {
            return;
        }

        while (!ct.IsCancellationRequested)
        {
            try
            {
                await using var connection = new NpgsqlConnection(database.Value.ConnectionString);
                await connection.OpenAsync(ct);
                await using (var listen = new NpgsqlCommand($"LISTEN {Channel}", connection))
                {
                    await listen.ExecuteNonQueryAsync(ct);
                }

                await ReloadAsync(ct);
                Volatile.Read(ref _listening).TrySetResult();
                while (true)
                {
                    await connection.WaitAsync(ct);
                    await ReloadAsync(ct);
                }
            }
            catch (Exception ex) when (!ct.IsCancellationRequested)
            {
                logger.LogWarning(ex, "Listening for DC-09 key changes failed; listening again in {Delay}", RelistenAfter);
                Interlocked.Exchange(ref _listening, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
                await Task.Delay(RelistenAfter, clock, ct);
            }
        }
    }

    public async Task ReloadAsync(CancellationToken ct)
    {
        // One reload at a time: one that begins after a change has committed reads it, and nothing older can finish after it.
        await _reload.WaitAsync(ct);
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<VartaDbContext>();
            var rows = await (from k in db.Set<Dc09Key>().AsNoTracking()
                              join d in db.Set<Device>().AsNoTracking() on k.DeviceId equals d.Id
                              where d.Enabled && d.AccountNumber != null
                              select new { d.AccountNumber, k.Protected }).ToListAsync(ct);
            var keys = new Dictionary<string, byte[]>(StringComparer.Ordinal);
            var unprotected = new Dictionary<string, byte[]>(StringComparer.Ordinal);
            foreach (var row in rows)
            {
                if (Unprotect(row.Protected, row.AccountNumber!) is { } key)
                {
                    keys[row.AccountNumber!] = key;
                    unprotected[row.Protected] = key;
                }
            }

            _unprotected = unprotected;
            _keys = keys;
        }
        finally
        {
            _reload.Release();
            Interlocked.Exchange(ref _nextReload, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();
        }
    }

    private byte[]? Unprotect(string protectedKey, string account)
    {
        if (_unprotected.TryGetValue(protectedKey, out var known))
        {
            return known;
        }

        try
        {
            return _protector.Unprotect(Convert.FromBase64String(protectedKey));
        }
        catch (Exception ex) when (ex is CryptographicException or FormatException)
        {
            // The key ring that protected it is not this host's (or was lost): the panel's frames get DUH until the key is reissued.
            logger.LogError("The DC-09 key of account {Account} cannot be unprotected with this host's Data Protection key ring", account);
            return null;
        }
    }

    public void Dispose() => _reload.Dispose();
}
