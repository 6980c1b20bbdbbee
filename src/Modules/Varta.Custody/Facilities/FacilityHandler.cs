using System.Security.Claims;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Varta.Custody.Data;
using Varta.Custody.Records;
using Varta.Platform.Audit;
using Varta.Platform.Http;
using Varta.Platform.Identity;
using Varta.Platform.Localization;
using Varta.Platform.Organisation;
using Varta.Platform.Persistence;

namespace Varta.Custody.Facilities;

internal sealed record CellDto(Guid Id, string Number, int Capacity, decimal FloorArea, bool HasWindow, bool HasVentilation, bool HasToilet,
    bool HasCallButton, IReadOnlyList<string> CameraIds, bool InService, int Occupants);

internal sealed record FacilityDto(Guid Id, string Name, string Code, IReadOnlyList<CellDto> Cells);

internal sealed record CellRequest(string? Number, int? Capacity, decimal? FloorArea, bool? HasWindow, bool? HasVentilation, bool? HasToilet,
    bool? HasCallButton, IReadOnlyList<string>? CameraIds, bool? InService);

/// <summary>Detention facilities and their cells: administrators manage cells, the custody roles see them.</summary>
internal sealed class FacilityHandler(VartaDbContext db, Access access, OrgDirectory org, IAuditLog audit, TimeProvider clock, Loc loc)
{
    public async Task<IReadOnlyList<FacilityDto>> ListAsync(ClaimsPrincipal user, CancellationToken ct)
    {
        var sites = access.SitesFor(user, SiteKinds.DetentionFacility, CustodyRoles.FacilityViewers);
        var ids = sites.Select(s => s.Id).ToList();
        var cells = (await db.Set<Cell>().AsNoTracking().Where(c => ids.Contains(c.FacilityId)).ToListAsync(ct)).ToLookup(c => c.FacilityId);
        var occupancy = (await db.Set<CustodyRecord>().AsNoTracking()
                .Where(r => ids.Contains(r.FacilityId) && r.Status == RecordStatus.InCustody && r.CellId != null)
                .GroupBy(r => r.CellId).Select(g => new { Cell = g.Key, Count = g.Count() }).ToListAsync(ct))
            .ToDictionary(x => x.Cell!.Value, x => x.Count);
        return sites.Select(s => new FacilityDto(s.Id, s.DisplayName, s.Code,
            cells[s.Id].OrderBy(c => c.Number.Length).ThenBy(c => c.Number, StringComparer.Ordinal)
                .Select(c => ToDto(c, occupancy.GetValueOrDefault(c.Id))).ToList())).ToList();
    }

    public async Task<Outcome<CellDto>> CreateCellAsync(ClaimsPrincipal user, Guid facilityId, CellRequest request, CancellationToken ct)
    {
        if (org.Current.Find(facilityId)?.SiteKind != SiteKinds.DetentionFacility || !access.Allows(user, facilityId, CustodyRoles.FacilityAdmins))
        {
            return Outcome<CellDto>.NotFound();
        }

        var v = Validate(request, creating: true);
        if (!v.IsValid)
        {
            return Outcome<CellDto>.Invalid(v);
        }

        if (await db.Set<Cell>().AnyAsync(c => c.FacilityId == facilityId && c.Number == request.Number!.Trim(), ct))
        {
            return Outcome<CellDto>.Conflict("custody.problem.cell-number-taken");
        }

        var cell = new Cell { Id = Guid.CreateVersion7(clock.GetUtcNow()), FacilityId = facilityId };
        Apply(cell, request);
        db.Set<Cell>().Add(cell);
        Audit("custody.cell.created", cell);
        await db.SaveChangesAsync(ct);
        return Outcome<CellDto>.Ok(ToDto(cell, 0));
    }

    public async Task<Outcome<CellDto>> UpdateCellAsync(ClaimsPrincipal user, Guid cellId, CellRequest request, CancellationToken ct)
    {
        var cell = await db.Set<Cell>().FirstOrDefaultAsync(c => c.Id == cellId, ct);
        if (cell is null || !access.Allows(user, cell.FacilityId, CustodyRoles.FacilityAdmins))
        {
            return Outcome<CellDto>.NotFound();
        }

        var v = Validate(request, creating: false);
        var occupants = await db.Set<CustodyRecord>().CountAsync(r => r.CellId == cellId && r.Status == RecordStatus.InCustody, ct);
        if (request.Capacity is { } capacity && capacity < occupants)
        {
            v.Fail("capacity", "below-occupancy", occupants);
        }

        if (!v.IsValid)
        {
            return Outcome<CellDto>.Invalid(v);
        }

        Apply(cell, request);
        cell.Version++;
        Audit("custody.cell.updated", cell);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            return Outcome<CellDto>.Conflict("custody.problem.concurrent-change");
        }

        return Outcome<CellDto>.Ok(ToDto(cell, occupants));
    }

    private Validator Validate(CellRequest r, bool creating)
    {
        var v = new Validator(loc);
        if (creating || r.Number is not null)
        {
            v.Required("number", r.Number, 20);
        }

        if (creating && r.Capacity is null)
        {
            v.Fail("capacity", "required");
        }
        else if (r.Capacity is < 1 or > 50)
        {
            v.Fail("capacity", "range", 1, 50);
        }

        if (creating && r.FloorArea is null)
        {
            v.Fail("floorArea", "required");
        }
        else if (r.FloorArea is <= 0 or > 500)
        {
            v.Fail("floorArea", "range", 1, 500);
        }

        if (r.CameraIds is { } cams && (cams.Count > 10 || cams.Any(c => string.IsNullOrWhiteSpace(c) || c.Length > 40)))
        {
            v.Fail("cameraIds", "list-required", 10);
        }

        return v;
    }

    private static void Apply(Cell cell, CellRequest r)
    {
        cell.Number = r.Number?.Trim() ?? cell.Number;
        cell.Capacity = r.Capacity ?? cell.Capacity;
        cell.FloorArea = r.FloorArea ?? cell.FloorArea;
        cell.HasWindow = r.HasWindow ?? cell.HasWindow;
        cell.HasVentilation = r.HasVentilation ?? cell.HasVentilation;
        cell.HasToilet = r.HasToilet ?? cell.HasToilet;
        cell.HasCallButton = r.HasCallButton ?? cell.HasCallButton;
        cell.CameraIds = r.CameraIds is { } cams ? string.Join(',', cams.Select(c => c.Trim())) : cell.CameraIds;
        cell.InService = r.InService ?? cell.InService;
    }

    private void Audit(string action, Cell cell) => audit.Record(new AuditRecord
    {
        Action = action,
        Category = AuditCategory.Admin,
        ResourceType = "custody-cell",
        ResourceId = cell.Id.ToString(),
        OrgUnitId = cell.FacilityId,
        Details = JsonSerializer.Serialize(new { cell.Number, cell.Capacity, cell.FloorArea, cell.InService }),
    });

    internal static CellDto ToDto(Cell c, int occupants) => new(c.Id, c.Number, c.Capacity, c.FloorArea, c.HasWindow, c.HasVentilation, c.HasToilet,
        c.HasCallButton, c.CameraIds.Split(',', StringSplitOptions.RemoveEmptyEntries), c.InService, occupants);
}
