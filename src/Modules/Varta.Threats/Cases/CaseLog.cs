using System.Buffers.Binary;
using System.Security.Claims;
using Varta.Platform.Identity;
using Varta.Platform.Persistence;
using Varta.Threats.Data;

namespace Varta.Threats.Cases;

/// <summary>The case timeline: every change to a case adds a line, in the same transaction as the change.</summary>
internal static class CaseLog
{
    private static long _counter;

    public static void Add(VartaDbContext db, ThreatCase c, ClaimsPrincipal user, DateTimeOffset now, string kind, string? text = null)
    {
        db.Add(new CaseEvent
        {
            Id = NextId(now),
            CaseId = c.Id,
            At = now.UtcDateTime,
            ActorUserId = user.UserId(),
            ActorName = NameOf(user),
            Kind = kind,
            Text = text is { Length: > 4000 } ? text[..4000] : text,
        });
        c.LastActivityAt = now.UtcDateTime;
    }

    public static string NameOf(ClaimsPrincipal user) => user.FindFirstValue(VartaClaims.DisplayName) ?? user.Identity?.Name ?? "";

    /// <summary>
    /// A version 7 id (RFC 9562) that sorts after every earlier one of this process with the same millisecond: the
    /// timeline is ordered by time, then by id, and the lines of one change share their instant, which
    /// Guid.CreateVersion7's random bits would put in any order. A process-wide counter fills rand_a and the top of
    /// rand_b (RFC 9562, 6.2, method 1); the last 12 bits stay random.
    /// </summary>
    private static Guid NextId(DateTimeOffset now)
    {
        var counter = (ulong)Interlocked.Increment(ref _counter) & ((1UL << 62) - 1);
        var value = ((UInt128)(ulong)now.ToUnixTimeMilliseconds() << 80) | ((UInt128)0x7 << 76) | ((UInt128)(counter >> 50) << 64) | ((UInt128)0b10 << 62)
            | ((UInt128)(counter & ((1UL << 50) - 1)) << 12) | (uint)Random.Shared.Next(1 << 12);
        Span<byte> bytes = stackalloc byte[16];
        BinaryPrimitives.WriteUInt128BigEndian(bytes, value);
        return new Guid(bytes, bigEndian: true);
    }
}
