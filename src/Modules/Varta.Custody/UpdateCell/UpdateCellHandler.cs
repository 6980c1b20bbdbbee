using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Varta.Custody.Cells;
using Varta.Custody.Data;
using Varta.Platform.Audit;
using Varta.Platform.Http;
using Varta.Platform.Identity;
using Varta.Platform.Localization;
using Varta.Platform.Persistence;

namespace Varta.Custody.UpdateCell;

/// <summary>An administrator changes a cell (or takes it out of service); its capacity may not fall below who is in it now.</summary>
internal sealed class UpdateCellHandler(VartaDbContext db, IAuthorizationService authorization, IAuditLog audit, IOptions<CustodyOptions> options, Loc loc)
{
    public async Task<Outcome<CellDto>> HandleAsync(ClaimsPrincipal user, Guid cellId, CellRequest request, CancellationToken ct)
    {
        var cell = await db.Set<Cell>().FirstOrDefaultAsync(c => c.Id == cellId, ct);
        if (cell is null || !await authorization.AllowsAsync(user, CustodyPolicies.ManageCells, cell.FacilityId))
        {
            return Outcome<CellDto>.NotFound();
        }

        var v = CellRules.Validate(request, creating: false, loc);
        var occupants = await db.Set<CustodyRecord>().CountAsync(r => r.CellId == cellId && r.Status == RecordStatus.InCustody, ct);
        if (request.Capacity is { } capacity && capacity < occupants)
        {
            v.Fail("capacity", "below-occupancy", occupants);
        }

        if (v.IsValid && (request.Capacity is not null || request.FloorArea is not null))
        {
            await CellRules.AreaFitsAsync(db, options.Value, cell.FacilityId, request.Capacity ?? cell.Capacity, request.FloorArea ?? cell.FloorArea, v, ct);
        }

        if (!v.IsValid)
        {
            return Outcome<CellDto>.Invalid(v);
        }

        CellRules.Apply(cell, request);
        cell.Version++;
        audit.Record(CellRules.Audit("custody.cell.updated", cell));
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            return Outcome<CellDto>.Conflict("custody.problem.concurrent-change");
        }

        return Outcome<CellDto>.Ok(CellRules.ToDto(cell, occupants));
    }
}
