using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Varta.Custody.Data;
using Varta.Custody.Rules;
using Varta.Platform.Audit;
using Varta.Platform.Http;
using Varta.Platform.Localization;
using Varta.Platform.Persistence;

namespace Varta.Custody.Cells;

internal sealed record CellDto(Guid Id, string Number, int Capacity, decimal FloorArea, bool HasWindow, bool HasVentilation, bool HasToilet,
    bool HasCallButton, IReadOnlyList<string> CameraIds, bool InService, int Occupants);

/// <summary>A cell as an administrator adds it (all that is required) or changes it (only what is sent).</summary>
internal sealed record CellRequest(string? Number, int? Capacity, decimal? FloorArea, bool? HasWindow, bool? HasVentilation, bool? HasToilet,
    bool? HasCallButton, IReadOnlyList<string>? CameraIds, bool? InService);

/// <summary>What adding and changing a cell share: its rules, how a request applies to it, its audit record, its answer.</summary>
internal static class CellRules
{
    public static Validator Validate(CellRequest r, bool creating, Loc loc)
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

    /// <summary>
    /// The declared capacity may not exceed the floor area divided by the area per person (the facility's, or the
    /// configured default of 4 m²).
    /// </summary>
    public static async Task AreaFitsAsync(VartaDbContext db, CustodyOptions options, Guid facilityId, int capacity, decimal floorArea, Validator v,
        CancellationToken ct)
    {
        var settings = await db.Set<FacilitySettings>().AsNoTracking().FirstOrDefaultAsync(s => s.FacilityId == facilityId, ct);
        var perPerson = settings?.MinFloorAreaPerPerson ?? options.MinFloorAreaPerPerson;
        var max = PlacementRules.MaxCapacity(floorArea, perPerson);
        if (capacity > max)
        {
            v.Fail("capacity", "capacity-exceeds-area", max, floorArea, perPerson);
        }
    }

    public static void Apply(Cell cell, CellRequest r)
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

    public static AuditRecord Audit(string action, Cell cell) => new()
    {
        Action = action,
        Category = AuditCategory.Admin,
        ResourceType = "custody-cell",
        ResourceId = cell.Id.ToString(),
        OrgUnitId = cell.FacilityId,
        Details = JsonSerializer.Serialize(new { cell.Number, cell.Capacity, cell.FloorArea, cell.InService }),
    };

    public static CellDto ToDto(Cell c, int occupants) => new(c.Id, c.Number, c.Capacity, c.FloorArea, c.HasWindow, c.HasVentilation, c.HasToilet,
        c.HasCallButton, c.CameraIds.Split(',', StringSplitOptions.RemoveEmptyEntries), c.InService, occupants);
}
