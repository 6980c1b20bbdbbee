using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Varta.Platform.Http;

namespace Varta.Custody.ReadRecord;

internal static class ReadRecordEndpoint
{
    public static void Map(RouteGroupBuilder group) =>
        group.MapGet("/records/{id:guid}", async (Guid id, ClaimsPrincipal user, ReadRecordHandler handler, Problems problems, CancellationToken ct) =>
            await handler.ReadAsync(user, id, auditRead: true, ct) is { } record ? TypedResults.Ok(record) : (IResult)problems.NotFound())
            .RequireAuthorization(CustodyPolicies.ReadRecord);
}
