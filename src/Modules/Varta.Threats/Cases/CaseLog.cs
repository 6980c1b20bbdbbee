using System.Security.Claims;
using Varta.Platform.Identity;
using Varta.Platform.Persistence;
using Varta.Threats.Data;

namespace Varta.Threats.Cases;

/// <summary>The case timeline: every change to a case adds a line, in the same transaction as the change.</summary>
internal static class CaseLog
{
    public static void Add(VartaDbContext db, ThreatCase c, ClaimsPrincipal user, DateTimeOffset now, string kind, string? text = null)
    {
        db.Add(new CaseEvent
        {
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
}
