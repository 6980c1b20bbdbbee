using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using Varta.Custody.Contracts;
using Varta.Custody.Data;
using Varta.Custody.Entries;
using Varta.Platform.Audit;
using Varta.Platform.Http;
using Varta.Platform.Identity;
using Varta.Platform.Localization;
using Varta.Platform.Organisation;
using Varta.Platform.Persistence;

namespace Varta.Custody.Cameras;

/// <summary>A camera to register: its code as entries name it, the room, the room's type, whether it records sound.</summary>
internal sealed record CameraRequest(string? Code, string? Room, string? RoomType, bool? HasAudio);

/// <summary>
/// The camera registry of each facility (video surveillance in temporary detention facilities): what entries may
/// reference, and where sound is never referenced (rooms for confidential lawyer consultations).
/// </summary>
internal sealed class CameraRegistry(VartaDbContext db, IAuthorizationService authorization, OrgDirectory org, IAuditLog audit, Loc loc)
{
    public async Task<Outcome<IReadOnlyList<CustodyCameraLine>>> ListAsync(ClaimsPrincipal user, Guid facilityId, CancellationToken ct)
    {
        if (org.Current.Find(facilityId)?.SiteKind != SiteKinds.DetentionFacility || !await authorization.AllowsAsync(user, CustodyPolicies.ReadFacilities, facilityId))
        {
            return Outcome<IReadOnlyList<CustodyCameraLine>>.NotFound();
        }

        return Outcome<IReadOnlyList<CustodyCameraLine>>.Ok(await LinesAsync(facilityId, ct));
    }

    public async Task<IReadOnlyList<CustodyCameraLine>> LinesAsync(Guid facilityId, CancellationToken ct) =>
        (await db.Set<Camera>().AsNoTracking().Where(c => c.FacilityId == facilityId).ToListAsync(ct))
            .OrderBy(c => c.Code, StringComparer.Ordinal).Select(ToLine).ToList();

    public async Task<Outcome<CustodyCameraLine>> AddAsync(ClaimsPrincipal user, Guid facilityId, CameraRequest request, CancellationToken ct)
    {
        if (org.Current.Find(facilityId)?.SiteKind != SiteKinds.DetentionFacility || !await authorization.AllowsAsync(user, CustodyPolicies.ManageCells, facilityId))
        {
            return Outcome<CustodyCameraLine>.NotFound();
        }

        var v = new Validator(loc).Required("code", request.Code, 100).Required("room", request.Room, 200).OneOf("roomType", request.RoomType, RoomTypes.All);
        if (request.RoomType == RoomTypes.LawyerConsultation && request.HasAudio == true)
        {
            v.Fail("hasAudio", "custody.no-audio-in-consultation-room");
        }

        var code = request.Code?.Trim();
        if (v.IsValid && await db.Set<Camera>().AnyAsync(c => c.FacilityId == facilityId && c.Code == code, ct))
        {
            v.Fail("code", "custody.camera-exists");
        }

        if (!v.IsValid)
        {
            return Outcome<CustodyCameraLine>.Invalid(v);
        }

        var camera = new Camera
        {
            Id = Guid.NewGuid(), FacilityId = facilityId, Code = code!, Room = request.Room!.Trim(), RoomType = request.RoomType!, HasAudio = request.HasAudio ?? false,
        };
        db.Add(camera);
        await audit.AppendAsync(new AuditRecord
        {
            Action = "custody.camera.added",
            Category = AuditCategory.Admin,
            ResourceType = "camera",
            ResourceId = camera.Id.ToString(),
            OrgUnitId = facilityId,
            Details = System.Text.Json.JsonSerializer.Serialize(new { camera.Code, camera.RoomType, camera.HasAudio }),
        }, ct);
        await db.SaveChangesAsync(ct);
        return Outcome<CustodyCameraLine>.Ok(ToLine(camera));
    }

    /// <summary>
    /// An entry's clip checked against the registry: the camera must be the facility's, and sound is never referenced from
    /// a room for confidential lawyer consultations (nor from a camera that records none).
    /// </summary>
    public async Task CheckAsync(Guid facilityId, VideoClip clip, Validator v, CancellationToken ct)
    {
        var camera = await db.Set<Camera>().AsNoTracking().FirstOrDefaultAsync(c => c.FacilityId == facilityId && c.Code == clip.CameraId, ct);
        if (camera is null)
        {
            v.Fail("video.cameraId", "custody.unknown-camera");
        }
        else if (clip.Audio && camera.RoomType == RoomTypes.LawyerConsultation)
        {
            v.Fail("video.audio", "custody.no-audio-in-consultation-room");
        }
        else if (clip.Audio && !camera.HasAudio)
        {
            v.Fail("video.audio", "custody.camera-without-audio");
        }
    }

    private static CustodyCameraLine ToLine(Camera c) => new(c.Id, c.FacilityId, c.Code, c.Room, c.RoomType, c.HasAudio, c.InService);
}
