using System.Security.Claims;
using System.Text.Json;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using Varta.Custody.Data;
using Varta.Custody.Documents;
using Varta.Custody.Records;
using Varta.Platform.Audit;
using Varta.Platform.Http;
using Varta.Platform.Identity;
using Varta.Platform.Organisation;
using Varta.Platform.Persistence;

namespace Varta.Custody.Board;

internal sealed record BoardRowDto(
    Guid RecordId,
    string Number,
    string PersonName,
    DateOnly DateOfBirth,
    string Sex,
    CellRefDto? Cell,
    int MinutesSinceDetention,
    ClocksDto Clocks,
    int ObservationLevel,
    string? RiskLevel,
    IReadOnlyList<string> Flags,
    IReadOnlyList<string> Alerts,
    bool LastCheckLate = false);

/// <summary>A record closed lately (released or transferred), with its flags: "closed-after-deadline" among them.</summary>
internal sealed record ClosedRowDto(Guid RecordId, string Number, string PersonName, string Status, DateTimeOffset ClosedAt, string? Grounds,
    IReadOnlyList<string> Flags);

internal sealed record BoardDto(Guid FacilityId, string FacilityName, DateTimeOffset AsOf, int InCustody, int Capacity, IReadOnlyList<BoardRowDto> Rows,
    IReadOnlyList<ClosedRowDto> RecentlyClosed);

/// <summary>
/// Everyone in custody at a facility, most urgent first: the custody officer's live overview; and the records closed in
/// the last <see cref="ClosedWindow"/>, newest first, so a release after the maximum stays in sight for the shift.
/// </summary>
internal sealed class BoardQuery(VartaDbContext db, IAuthorizationService authorization, OrgDirectory org, IAuditLog audit, TimeProvider clock,
    Microsoft.Extensions.Options.IOptions<CustodyOptions> options)
{
    public static readonly TimeSpan ClosedWindow = TimeSpan.FromHours(24);

    public async Task<Outcome<BoardDto>> ReadAsync(ClaimsPrincipal user, Guid facilityId, CancellationToken ct, bool auditRead = true)
    {
        var facility = org.Current.Find(facilityId);
        if (facility?.SiteKind != SiteKinds.DetentionFacility || !await authorization.AllowsAsync(user, CustodyPolicies.ReadBoard, facilityId))
        {
            return Outcome<BoardDto>.NotFound();
        }

        // Medical details and risk assessments only for the roles that need them (the record's read does the same).
        var access = await FieldProtection.ForAsync(authorization, user, facilityId);
        IReadOnlyList<string> Flags(CustodyRecord r, Person p) => FieldProtection.Flags(RecordReader.Flags(r, p, options.Value), r.MedicalFlag, access);
        var now = clock.GetUtcNow();
        var rows = await (from r in db.Set<CustodyRecord>().AsNoTracking()
                          join p in db.Set<Person>().AsNoTracking() on r.PersonId equals p.Id
                          where r.FacilityId == facilityId && r.Status == RecordStatus.InCustody
                          select new { r, p }).ToListAsync(ct);
        var cells = await db.Set<Cell>().AsNoTracking().Where(c => c.FacilityId == facilityId).ToListAsync(ct);
        var cellById = cells.ToDictionary(c => c.Id);
        var alerts = (await db.Set<CustodyAlert>().AsNoTracking().Where(a => a.FacilityId == facilityId && a.ClearedAt == null)
            .Select(a => new { a.RecordId, a.Kind }).ToListAsync(ct)).ToLookup(a => a.RecordId, a => a.Kind);

        var result = rows.Select(x => new BoardRowDto(
                x.r.Id, x.r.Number, RecordReader.ToDto(x.p).FullName, x.p.DateOfBirth, x.p.Sex,
                x.r.CellId is { } c && cellById.TryGetValue(c, out var cell) ? new CellRefDto(cell.Id, cell.Number) : null,
                (int)(now - RecordReader.Utc(x.r.DetainedAt)).TotalMinutes,
                RecordReader.Clocks(x.r, now), x.r.ObservationLevel, access.RiskAssessment ? x.r.RiskLevel : null,
                Flags(x.r, x.p), FieldProtection.Alerts(alerts[x.r.Id].Order(StringComparer.Ordinal), access),
                x.r.LastCheckLate))
            .OrderBy(r => Urgency(r))
            .ToList();
        var closed = await RecentlyClosedAsync(facilityId, now, Flags, ct);
        if (auditRead)
        {
            await audit.AppendAsync(new AuditRecord
            {
                Action = "custody.board.read",
                Category = AuditCategory.Read,
                ResourceType = "custody-facility",
                ResourceId = facilityId.ToString(),
                OrgUnitId = facilityId,
                Details = JsonSerializer.Serialize(new { rows = result.Count, closed = closed.Count }),
            }, ct);
        }

        return Outcome<BoardDto>.Ok(new BoardDto(facilityId, facility.DisplayName, now, result.Count,
            cells.Where(c => c.InService).Sum(c => c.Capacity), result, closed));
    }

    private async Task<List<ClosedRowDto>> RecentlyClosedAsync(Guid facilityId, DateTimeOffset now, Func<CustodyRecord, Person, IReadOnlyList<string>> flags,
        CancellationToken ct)
    {
        var since = (now - ClosedWindow).UtcDateTime;
        var closed = await (from r in db.Set<CustodyRecord>().AsNoTracking()
                            join p in db.Set<Person>().AsNoTracking() on r.PersonId equals p.Id
                            where r.FacilityId == facilityId && r.Status != RecordStatus.InCustody && r.ClosedAt != null && r.ClosedAt >= since
                            select new { r, p }).ToListAsync(ct);
        return closed
            .OrderByDescending(x => x.r.ClosedAt)
            .Select(x => new ClosedRowDto(x.r.Id, x.r.Number, RecordReader.ToDto(x.p).FullName, x.r.Status, RecordReader.Utc(x.r.ClosedAt!.Value),
                x.r.ClosedGrounds, flags(x.r, x.p)))
            .ToList();
    }

    /// <summary>Minutes until the nearest thing that must happen: a check, the court deadline, the maximum.</summary>
    private static int Urgency(BoardRowDto row) =>
        new[] { row.Clocks.CheckMinutesLeft, row.Clocks.CourtMinutesLeft, row.Clocks.MaxMinutesLeft }.Where(m => m is not null).Min() ?? int.MaxValue;
}
