using Microsoft.EntityFrameworkCore;
using Varta.Alarms.Data;
using Varta.Platform.Persistence;

namespace Varta.Alarms.DeviceAuthentication;

/// <summary>A device as read for one request, with its own zone (what a pushed alarm shows of where it is).</summary>
internal sealed record KnownDevice(Device Device, Zone? Zone)
{
    /// <summary>One read, untracked: the device and its zone.</summary>
    public static IQueryable<KnownDevice> Query(VartaDbContext db, System.Linq.Expressions.Expression<Func<Device, bool>> which) =>
        from d in db.Set<Device>().AsNoTracking().Where(which)
        join z in db.Set<Zone>().AsNoTracking() on d.ZoneId equals z.Id into zones
        from z in zones.DefaultIfEmpty()
        select new KnownDevice(d, z);
}
