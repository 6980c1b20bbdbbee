using System.Security.Claims;
using Microsoft.AspNetCore.Http;

namespace Varta.Platform.Persistence;

/// <summary>Who is acting in this scope: the signed-in user, a device, or the system itself.</summary>
public interface ICurrentActor
{
    string Id { get; }

    string Name { get; }

    /// <summary>Pages run outside an HTTP request (Blazor circuits): they name the user explicitly.</summary>
    void Use(ClaimsPrincipal principal);
}

internal sealed class CurrentActor(IHttpContextAccessor accessor) : ICurrentActor
{
    private ClaimsPrincipal? _principal;

    private ClaimsPrincipal? Principal => _principal ?? accessor.HttpContext?.User;

    public string Id => Principal?.FindFirstValue(ClaimTypes.NameIdentifier) ?? "system";

    public string Name => Principal?.Identity?.IsAuthenticated == true ? Principal.Identity.Name ?? Id : "system";

    public void Use(ClaimsPrincipal principal) => _principal = principal;
}

/// <summary>The actor of a context made outside dependency injection (design-time tools).</summary>
internal sealed class SystemActor : ICurrentActor
{
    public static readonly SystemActor Instance = new();

    public string Id => "system";

    public string Name => "system";

    public void Use(ClaimsPrincipal principal)
    {
    }
}
