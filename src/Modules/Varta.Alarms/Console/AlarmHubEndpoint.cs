using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;

namespace Varta.Alarms.Console;

internal static class AlarmHubEndpoint
{
    public static void Map(IEndpointRouteBuilder app) =>
        app.MapHub<AlarmHub>("/hubs/alarms").RequireAuthorization(AlarmsPolicies.Console);
}
