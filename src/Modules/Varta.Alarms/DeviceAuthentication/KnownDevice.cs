using Microsoft.EntityFrameworkCore;
using Varta.Alarms.Data;
using Varta.Platform.Persistence;

namespace Varta.Alarms.DeviceAuthentication;

/// <summary>A device as read for one request, with its own zone (what a pushed alarm shows of where it is).</summary>
internal sealed record KnownDevice(Device Device, Zone? Zone)
{
    // Every signal reads its device once, so these are compiled once: building and looking up the LINQ tree of a
    // join on each request cost more CPU than running it (the alarm benchmark's profile, BENCHMARKS.md).
    private static readonly Func<VartaDbContext, string, CancellationToken, Task<KnownDevice?>> BySecret =
        EF.CompileAsyncQuery((VartaDbContext db, string hash, CancellationToken ct) =>
            (from d in db.Set<Device>().AsNoTracking()
             where d.SecretHash == hash && d.Enabled
             join z in db.Set<Zone>().AsNoTracking() on d.ZoneId equals z.Id into zones
             from z in zones.DefaultIfEmpty()
             select new KnownDevice(d, z)).FirstOrDefault());

    private static readonly Func<VartaDbContext, Guid, CancellationToken, Task<KnownDevice?>> ById =
        EF.CompileAsyncQuery((VartaDbContext db, Guid id, CancellationToken ct) =>
            (from d in db.Set<Device>().AsNoTracking()
             where d.Id == id && d.Enabled
             join z in db.Set<Zone>().AsNoTracking() on d.ZoneId equals z.Id into zones
             from z in zones.DefaultIfEmpty()
             select new KnownDevice(d, z)).FirstOrDefault());

    /// <summary>The enabled device whose secret has this SHA-256 (hex), with its zone; untracked.</summary>
    public static Task<KnownDevice?> FindBySecretAsync(VartaDbContext db, string secretHash, CancellationToken ct) => BySecret(db, secretHash, ct);

    /// <summary>The enabled device with this id, with its zone; untracked.</summary>
    public static Task<KnownDevice?> FindAsync(VartaDbContext db, Guid deviceId, CancellationToken ct) => ById(db, deviceId, ct);
}
