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
using Varta.Platform.Organisation;
using Varta.Platform.Persistence;

namespace Varta.Custody.AddCell;

/// <summary>An administrator adds a cell to a detention facility in their scope; its number is unique in the facility.</summary>
internal sealed class AddCellHandler(VartaDbContext db, IAuthorizationService authorization, OrgDirectory org, IAuditLog audit, TimeProvider clock,
    IOptions<CustodyOptions> options, Loc loc)
{
    public async Task<Outcome<CellDto>> HandleAsync(ClaimsPrincipal user, Guid facilityId, CellRequest request, CancellationToken ct)
    {
        if (org.Current.Find(facilityId)?.SiteKind != SiteKinds.DetentionFacility
            || !await authorization.AllowsAsync(user, CustodyPolicies.ManageCells, facilityId))
        {
            return Outcome<CellDto>.NotFound();
        }

        var v = CellRules.Validate(request, creating: true, loc);
        if (v.IsValid)
        {
            await CellRules.AreaFitsAsync(db, options.Value, facilityId, request.Capacity!.Value, request.FloorArea!.Value, v, ct);
        }

        if (!v.IsValid)
        {
            return Outcome<CellDto>.Invalid(v);
        }

        if (await db.Set<Cell>().AnyAsync(c => c.FacilityId == facilityId && c.Number == request.Number!.Trim(), ct))
        {
            return Outcome<CellDto>.Conflict("custody.problem.cell-number-taken");
        }

        var cell = new Cell { Id = Guid.CreateVersion7(clock.GetUtcNow()), FacilityId = facilityId };
        CellRules.Apply(cell, request);
        db.Set<Cell>().Add(cell);
        audit.Record(CellRules.Audit("custody.cell.created", cell));
        await db.SaveChangesAsync(ct);
        return Outcome<CellDto>.Ok(CellRules.ToDto(cell, 0));
    }
}
