using System.Security.Claims;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Varta.Community.Surveys;
using Varta.Platform.Audit;
using HttpResults = Microsoft.AspNetCore.Http.Results;

namespace Varta.Community.ResultsCsv;

internal static class ResultsCsvEndpoint
{
    /// <summary>The results page's table as CSV for a signed-in page user (cookie); every export is audited.</summary>
    public static void MapPages(RouteGroupBuilder pages) =>
        pages.MapGet("/surveys/{id:guid}/results.csv", async (Guid id, string? question, string? area, ClaimsPrincipal user, SurveyService s, ResultsCsvWriter writer,
                IAuditLog audit, CancellationToken ct) =>
            {
                if (await s.ResultsAsync(user, id, question, area, ct) is not { IsOk: true } outcome)
                {
                    return HttpResults.NotFound();
                }

                var r = outcome.Value!;
                await audit.AppendAsync(new AuditRecord
                {
                    Action = "community.results.exported", Category = AuditCategory.Read, ResourceType = "community-survey", ResourceId = id.ToString(),
                    Details = JsonSerializer.Serialize(new { question = r.Question, area = r.Area, format = "csv" }),
                }, ct);
                return HttpResults.File(writer.Write(r), "text/csv; charset=utf-8", $"survey-{id:N}-{r.Question}-{r.Area}.csv");
            })
            .RequireAuthorization(CommunityPolicies.ReadSurveys);
}
