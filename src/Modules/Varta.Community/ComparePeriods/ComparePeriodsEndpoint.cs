using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Varta.Community.Surveys;
using Varta.Platform.Http;

namespace Varta.Community.ComparePeriods;

internal static class ComparePeriodsEndpoint
{
    /// <summary>One choice question in this survey and another of the same territory (two periods), side by side with the difference and its test.</summary>
    public static void Map(RouteGroupBuilder group) =>
        group.MapGet("/surveys/{id:guid}/compare", async (Guid id, [FromQuery(Name = "with")] Guid? other, string? question, string? area, ClaimsPrincipal user,
                PeriodComparison s, Problems p, CancellationToken ct) =>
                (await s.CompareAsync(user, id, other, question, area, ct)).OkOrProblem(p))
            .RequireAuthorization(CommunityPolicies.ReadSurveys);
}
