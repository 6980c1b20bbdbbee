using System.Security.Claims;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Varta.Custody.Board;
using Varta.Custody.BookIn;
using Varta.Custody.Data;
using Varta.Custody.Facilities;
using Varta.Custody.RecordEntry;
using Varta.Custody.Records;
using Varta.Custody.Release;
using Varta.Custody.Rules;
using Varta.Custody.Search;
using Varta.Platform.Audit;
using Varta.Platform.Http;
using Varta.Platform.Identity;
using Varta.Platform.Organisation;
using Varta.Platform.Persistence;

namespace Varta.Custody;

internal static class CustodyEndpoints
{
    public static void Map(IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/custody").WithTags("Custody");
        api.RequireAuthorization(p => p.RequireVartaRole(CustodyRoles.FacilityViewers));

        api.MapGet("/facilities", async (ClaimsPrincipal user, FacilityHandler h, CancellationToken ct) => TypedResults.Ok(await h.ListAsync(user, ct)));
        api.MapPost("/facilities/{facilityId:guid}/cells", async (Guid facilityId, CellRequest request, ClaimsPrincipal user, FacilityHandler h, Problems p, CancellationToken ct) =>
        {
            var o = await h.CreateCellAsync(user, facilityId, request, ct);
            return o.IsOk ? TypedResults.Created($"/api/v1/custody/cells/{o.Value!.Id}", o.Value) : o.Problem(p);
        }).RequireAuthorization(p => p.RequireVartaRole(CustodyRoles.FacilityAdmins));
        api.MapPut("/cells/{cellId:guid}", async (Guid cellId, CellRequest request, ClaimsPrincipal user, FacilityHandler h, Problems p, CancellationToken ct) =>
            Answer(await h.UpdateCellAsync(user, cellId, request, ct), p)).RequireAuthorization(p => p.RequireVartaRole(CustodyRoles.FacilityAdmins));

        api.MapGet("/facilities/{facilityId:guid}/settings", async (Guid facilityId, ClaimsPrincipal user, FacilitySettingsHandler h, Problems p, CancellationToken ct) =>
            Answer(await h.GetAsync(user, facilityId, ct), p));
        api.MapPut("/facilities/{facilityId:guid}/settings", async (Guid facilityId, FacilitySettingsRequest request, ClaimsPrincipal user, FacilitySettingsHandler h, Problems p, CancellationToken ct) =>
            Answer(await h.SetAsync(user, facilityId, request, ct), p)).RequireAuthorization(p => p.RequireVartaRole(CustodyRoles.FacilityAdmins));

        api.MapGet("/entry-types", () => TypedResults.Ok(EntryCatalog.Types.Values.Where(t => t.ViaEntries)
            .Select(t => new { type = t.Code, correctable = t.Correctable, fields = t.Fields.Select(f => new
            {
                name = f.Name, kind = f.Kind.ToString().ToLowerInvariant(), required = f.Required, allowed = f.Allowed, min = f.Min, max = f.Max,
            }) })));

        var writers = api.MapGroup("").RequireAuthorization(p => p.RequireVartaRole(CustodyRoles.Writers));
        writers.MapPost("/records", async (BookInRequest request, ClaimsPrincipal user, BookInHandler h, Problems p, CancellationToken ct) =>
        {
            var o = await h.HandleAsync(user, request, ct);
            return o.IsOk ? TypedResults.Created($"/api/v1/custody/records/{o.Value!.Id}", o.Value) : o.Problem(p);
        });
        writers.MapPost("/records/{id:guid}/entries", async (Guid id, JsonElement body, ClaimsPrincipal user, AppendEntryHandler h, Problems p, CancellationToken ct) =>
        {
            var o = await h.AppendAsync(user, id, body, ct);
            return o.IsOk ? TypedResults.Created($"/api/v1/custody/records/{id}", o.Value) : o.Problem(p);
        });
        writers.MapPost("/records/{id:guid}/entries/{entryId:guid}/corrections",
            async (Guid id, Guid entryId, JsonElement body, ClaimsPrincipal user, AppendEntryHandler h, Problems p, CancellationToken ct) =>
            {
                var o = await h.CorrectAsync(user, id, entryId, body, ct);
                return o.IsOk ? TypedResults.Created($"/api/v1/custody/records/{id}", o.Value) : o.Problem(p);
            });
        writers.MapPost("/records/{id:guid}/release", async (Guid id, JsonElement body, ClaimsPrincipal user, CloseRecordHandler h, Problems p, CancellationToken ct) =>
            Answer(await h.ReleaseAsync(user, id, body, ct), p));
        writers.MapPost("/records/{id:guid}/transfer", async (Guid id, JsonElement body, ClaimsPrincipal user, CloseRecordHandler h, Problems p, CancellationToken ct) =>
            Answer(await h.TransferAsync(user, id, body, ct), p));

        var readers = api.MapGroup("").RequireAuthorization(p => p.RequireVartaRole(CustodyRoles.Readers));
        readers.MapGet("/records", SearchAsync);
        readers.MapGet("/records/{id:guid}", ReadRecordAsync);
        readers.MapGet("/board", async (Guid? facilityId, ClaimsPrincipal user, BoardQuery q, Problems p, CancellationToken ct) =>
            facilityId is { } f ? Answer(await q.ReadAsync(user, f, ct), p) : p.NotFound());
        readers.MapGet("/alerts", AlertsAsync);
        readers.MapGet("/overdue", async (ClaimsPrincipal user, OverdueQuery q, CancellationToken ct, int? limit) =>
            TypedResults.Ok(await q.ReadAsync(user, Math.Clamp(limit ?? 200, 1, 1000), ct)));
    }

    private static async Task<IResult> ReadRecordAsync(Guid id, ClaimsPrincipal user, RecordReader reader, VartaDbContext db, Access access,
        IAuditLog audit, Problems problems, CancellationToken ct)
    {
        var facility = await db.Set<CustodyRecord>().Where(r => r.Id == id).Select(r => (Guid?)r.FacilityId).FirstOrDefaultAsync(ct);
        if (facility is not { } f || !access.Allows(user, f, CustodyRoles.Readers))
        {
            return problems.NotFound();
        }

        await audit.AppendAsync(new AuditRecord
        {
            Action = "custody.record.read",
            Category = AuditCategory.Read,
            ResourceType = "custody-record",
            ResourceId = id.ToString(),
            OrgUnitId = f,
        }, ct);
        return TypedResults.Ok(await reader.ReadAsync(id, ct));
    }

    private static async Task<IResult> AlertsAsync(Guid? facilityId, ClaimsPrincipal user, VartaDbContext db, Access access, Problems problems, CancellationToken ct)
    {
        if (facilityId is not { } f || !access.Allows(user, f, CustodyRoles.Readers))
        {
            return problems.NotFound();
        }

        var alerts = await db.Set<CustodyAlert>().AsNoTracking().Where(a => a.FacilityId == f && a.ClearedAt == null).ToListAsync(ct);
        return TypedResults.Ok(alerts.OrderBy(a => a.DueAt).Select(RecordReader.ToDto).ToList());
    }

    private static async Task<IResult> SearchAsync(ClaimsPrincipal user, SearchQuery search, Problems problems, CancellationToken ct,
        string? query = null, string? dateOfBirth = null, Guid? personId = null) =>
        Answer(await search.SearchAsync(user, query, dateOfBirth, personId, ct), problems);

    private static IResult Answer<T>(Outcome<T> outcome, Problems problems) =>
        outcome.IsOk ? TypedResults.Ok(outcome.Value) : outcome.Problem(problems);
}
