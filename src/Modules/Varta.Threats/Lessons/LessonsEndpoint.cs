using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Varta.Platform.Http;
using Varta.Threats.Incidents;

namespace Varta.Threats.Lessons;

/// <summary>Lessons of debriefed incidents at every court: <c>q</c> (words, all of which must appear), <c>kind</c>.</summary>
internal static class LessonsEndpoint
{
    public static void Map(RouteGroupBuilder group) =>
        group.MapGet("/lessons", async (string? q, string? kind, IncidentService s, Problems p, CancellationToken ct) =>
                (await s.LessonsAsync(q, kind, ct)).OkOrProblem(p))
            .RequireAuthorization(ThreatsPolicies.ReadLessons);
}
