using System.Globalization;
using System.Linq.Expressions;
using System.Security.Claims;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using Varta.Alarms.Contracts;
using Varta.Platform.Audit;
using Varta.Platform.Http;
using Varta.Platform.Identity;
using Varta.Platform.Localization;
using Varta.Platform.Organisation;
using Varta.Platform.Persistence;
using Varta.Threats.Cases;
using Varta.Threats.Contracts;
using Varta.Threats.Data;
using static Varta.Platform.Persistence.StoredTime;

namespace Varta.Threats.Measures;

/// <summary>
/// Protective measures: the catalogue the administrator keeps, measures taken on a case (assigned to a unit or an
/// officer, with start, end and review dates), their starting and ending, and what a protected person sees of them.
/// </summary>
internal sealed partial class MeasureService(VartaDbContext db, IAuthorizationService authorization, OrgDirectory org, PeopleDirectory people,
    IAuditLog audit, TimeProvider clock, Loc loc, IAlarmDevices devices)
{
    public const string DateFormat = "yyyy-MM-dd";

    public async Task<IReadOnlyList<MeasureTypeDto>> TypesAsync(bool activeOnly, CancellationToken ct) =>
        (await db.Set<MeasureType>().AsNoTracking().Where(t => !activeOnly || t.Active).OrderBy(t => t.Order).ThenBy(t => t.Code).ToListAsync(ct))
        .Select(t => new MeasureTypeDto(t.Code, t.NameUk, t.NameEn, t.Active, t.Order)).ToList();

    /// <summary>Adds a type to the catalogue or changes one (by code); a type in use is retired (inactive), never removed.</summary>
    public async Task<Outcome<MeasureTypeDto>> SaveTypeAsync(MeasureTypeRequest request, CancellationToken ct)
    {
        var v = new Validator(loc).Required("code", request.Code, 40).Required("nameUk", request.NameUk, 200).Required("nameEn", request.NameEn, 200);
        if (request.Code is { } code && !CodePattern().IsMatch(code))
        {
            v.Fail("code", "threats.code-format");
        }

        if (request.Order is < 0 or > 10_000)
        {
            v.Fail("order", "threats.order-range");
        }

        if (!v.IsValid)
        {
            return Outcome<MeasureTypeDto>.Invalid(v);
        }

        var type = await db.Set<MeasureType>().FirstOrDefaultAsync(t => t.Code == request.Code, ct);
        var created = type is null;
        if (type is null)
        {
            type = new MeasureType { Code = request.Code! };
            db.Add(type);
        }

        type.NameUk = request.NameUk!.Trim();
        type.NameEn = request.NameEn!.Trim();
        type.Active = request.Active ?? true;
        type.Order = request.Order ?? type.Order;
        audit.Record(new AuditRecord
        {
            Action = created ? "threats.measure-type.created" : "threats.measure-type.changed", Category = AuditCategory.Admin, ResourceType = "measure-type",
            ResourceId = type.Code, Details = JsonSerializer.Serialize(new { type.NameUk, type.NameEn, type.Active, type.Order }),
        });
        await db.SaveChangesAsync(ct);
        return Outcome<MeasureTypeDto>.Ok(new MeasureTypeDto(type.Code, type.NameUk, type.NameEn, type.Active, type.Order));
    }

    /// <summary>
    /// A measure on a case: a type in the catalogue, one assignee (a unit, or a security officer or analyst over the
    /// court), a start date, an end and review date not before it, for one of the case's protected persons or for all.
    /// </summary>
    public async Task<Outcome<MeasureDto>> AddAsync(ClaimsPrincipal user, Guid caseId, MeasureRequest request, CancellationToken ct)
    {
        var c = await db.Set<ThreatCase>().FirstOrDefaultAsync(x => x.Id == caseId, ct);
        if (c is null || !await authorization.AllowsAsync(user, ThreatsPolicies.ManageMeasures, c.CourtId))
        {
            return Outcome<MeasureDto>.NotFound();
        }

        var v = new Validator(loc).Required("typeCode", request.TypeCode, 40).MaxLength("notes", request.Notes, 2000);
        if (request.TypeCode is { } code && !await db.Set<MeasureType>().AnyAsync(t => t.Code == code && t.Active, ct))
        {
            v.Fail("typeCode", "threats.measure-type-unknown");
        }

        var starts = Date(v, "startsOn", request.StartsOn, required: true);
        var ends = Date(v, "endsOn", request.EndsOn, required: false);
        var review = Date(v, "reviewOn", request.ReviewOn, required: false);
        if (starts is { } s && ends is { } e && e < s)
        {
            v.Fail("endsOn", "threats.date-before-start");
        }

        if (starts is { } s2 && review is { } r && r < s2)
        {
            v.Fail("reviewOn", "threats.date-before-start");
        }

        string? assignee = null;
        if ((request.AssigneeUnitId is null) == (request.AssigneeUserId is null))
        {
            v.Fail("assigneeUserId", "threats.one-assignee");
        }
        else if (request.AssigneeUnitId is { } unit)
        {
            // The court or a unit above it, as the pages offer: not a unit of another region.
            assignee = AssigneeUnits(c.CourtId).FirstOrDefault(u => u.Id == unit).Name;
            if (assignee is null)
            {
                v.Fail("assigneeUnitId", "threats.unit-unknown");
            }
        }
        else if (request.AssigneeUserId is { } officer)
        {
            assignee = (await AssigneesAsync(c.CourtId, ct)).FirstOrDefault(p => p.UserId == officer)?.DisplayName;
            if (assignee is null)
            {
                v.Fail("assigneeUserId", "threats.not-an-officer");
            }
        }

        if (request.ProtectedPersonId is { } pid && !await db.Set<ProtectedPerson>().AnyAsync(p => p.Id == pid && p.CaseId == caseId, ct))
        {
            v.Fail("protectedPersonId", "threats.person-unknown");
        }
        else if (request.TypeCode == MeasureCodes.HomeDuressButton
            && (request.ProtectedPersonId is not { } owner || !await db.Set<ProtectedPerson>().AnyAsync(p => p.Id == owner && p.UserId != null, ct)))
        {
            // The button is the person's: it needs someone who is a user of Varta (a family member's button is the judge's).
            v.Fail("protectedPersonId", "threats.button-needs-person");
        }

        if (!v.IsValid)
        {
            return Outcome<MeasureDto>.Invalid(v);
        }

        if (c.Status == CaseStatus.Closed)
        {
            return Outcome<MeasureDto>.Conflict("threats.case-is-closed");
        }

        var now = clock.GetUtcNow();
        var measure = new Measure
        {
            Id = Guid.CreateVersion7(now),
            CaseId = caseId,
            ProtectedPersonId = request.ProtectedPersonId,
            TypeCode = request.TypeCode!,
            AssigneeUnitId = request.AssigneeUnitId,
            AssigneeUserId = request.AssigneeUserId,
            AssigneeName = assignee!,
            StartsOn = starts!.Value,
            EndsOn = ends,
            ReviewOn = review,
            Notes = string.IsNullOrWhiteSpace(request.Notes) ? null : request.Notes.Trim(),
        };
        db.Add(measure);
        c.Version++;
        CaseLog.Add(db, c, user, now, "measure-added", $"{measure.TypeCode} · {measure.AssigneeName} · {measure.StartsOn:dd.MM.yyyy}");
        audit.Record(new AuditRecord
        {
            Action = "threats.measure.added", ResourceType = "threat-case", ResourceId = caseId.ToString(), OrgUnitId = c.CourtId,
            Details = JsonSerializer.Serialize(new { measureId = measure.Id, measure.TypeCode, measure.AssigneeUnitId, measure.AssigneeUserId, measure.StartsOn }),
        });
        await db.SaveChangesAsync(ct);
        var persons = await db.Set<ProtectedPerson>().AsNoTracking().Where(p => p.CaseId == caseId).ToListAsync(ct);
        return Outcome<MeasureDto>.Ok((await DtosAsync(db, [c], persons, m => m.Id == measure.Id, ct))[0]);
    }

    /// <summary>
    /// Starts (planned → active), ends (active → ended) or cancels (planned or active → cancelled) a measure. The first
    /// measure started meets an imminent risk's measures deadline and puts the case's status to "measures active".
    /// </summary>
    public async Task<Outcome<MeasureDto>> SetStatusAsync(ClaimsPrincipal user, Guid id, MeasureStatusRequest request, CancellationToken ct)
    {
        var measure = await db.Set<Measure>().FirstOrDefaultAsync(m => m.Id == id, ct);
        var c = measure is null ? null : await db.Set<ThreatCase>().FirstOrDefaultAsync(x => x.Id == measure.CaseId, ct);
        if (measure is null || c is null || !await authorization.AllowsAsync(user, ThreatsPolicies.ManageMeasures, c.CourtId))
        {
            return Outcome<MeasureDto>.NotFound();
        }

        var v = new Validator(loc).OneOf("status", request.Status, [MeasureStatus.Active, MeasureStatus.Ended, MeasureStatus.Cancelled])
            .MaxLength("note", request.Note, 2000);
        if (!v.IsValid)
        {
            return Outcome<MeasureDto>.Invalid(v);
        }

        var allowed = (measure.Status, request.Status) switch
        {
            (MeasureStatus.Planned, MeasureStatus.Active or MeasureStatus.Cancelled) => true,
            (MeasureStatus.Active, MeasureStatus.Ended or MeasureStatus.Cancelled) => true,
            _ => false,
        };
        if (!allowed)
        {
            return Outcome<MeasureDto>.Conflict("threats.measure-status-order", measure.Status, request.Status);
        }

        var now = clock.GetUtcNow();
        ProvisionedButton? button = null;
        if (request.Status == MeasureStatus.Active && measure.TypeCode == MeasureCodes.HomeDuressButton && measure.DeviceId is null)
        {
            // The device joins this unit of work: the measure starts with its button, or neither is stored.
            var person = await db.Set<ProtectedPerson>().AsNoTracking().FirstOrDefaultAsync(p => p.Id == measure.ProtectedPersonId, ct);
            button = person?.UserId is { } owner
                ? await devices.ProvisionButtonAsync(c.CourtId, owner, $"{c.Number}: {person.Name}", $"threat case {c.Number}, measure {measure.Id}", ct)
                : null;
            if (button is null)
            {
                return Outcome<MeasureDto>.Conflict("threats.button-owner");
            }

            measure.DeviceId = button.DeviceId;
        }

        measure.Status = request.Status!;
        measure.Version++;
        if (measure.Status == MeasureStatus.Active)
        {
            measure.StartedAt = now.UtcDateTime;
            c.MeasuresStartedAt ??= now.UtcDateTime;
            if (c.Status is CaseStatus.New or CaseStatus.Assessing or CaseStatus.Monitoring)
            {
                c.Status = CaseStatus.MeasuresActive;
            }
        }
        else
        {
            measure.EndedAt = now.UtcDateTime;
        }

        c.Version++;
        CaseLog.Add(db, c, user, now, "measure-" + measure.Status, $"{measure.TypeCode} · {measure.AssigneeName}{(string.IsNullOrWhiteSpace(request.Note) ? "" : " · " + request.Note.Trim())}");
        audit.Record(new AuditRecord
        {
            Action = "threats.measure." + measure.Status, ResourceType = "threat-case", ResourceId = c.Id.ToString(), OrgUnitId = c.CourtId,
            Reason = string.IsNullOrWhiteSpace(request.Note) ? null : request.Note.Trim(), Details = JsonSerializer.Serialize(new { measureId = id }),
        });
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Outcome<MeasureDto>.Conflict("threats.changed");
        }

        var persons = await db.Set<ProtectedPerson>().AsNoTracking().Where(p => p.CaseId == c.Id).ToListAsync(ct);
        var dto = (await DtosAsync(db, [c], persons, m => m.Id == id, ct))[0];
        return Outcome<MeasureDto>.Ok(button is null ? dto : dto with { DeviceSecret = button.Secret });
    }

    /// <summary>
    /// The measures taken for the caller (or their family): what, who is on it, the dates and status; nothing of the case,
    /// its source or its assessment. Cancelled measures are left out.
    /// </summary>
    public async Task<IReadOnlyList<MyMeasureDto>> MineAsync(ClaimsPrincipal user, CancellationToken ct)
    {
        var me = user.UserId();
        var persons = await db.Set<ProtectedPerson>().AsNoTracking().Where(p => p.UserId == me).ToListAsync(ct);
        var caseIds = persons.Select(p => p.CaseId).Distinct().ToList();
        var personIds = persons.Select(p => p.Id).ToList();
        var measures = await db.Set<Measure>().AsNoTracking()
            .Where(m => caseIds.Contains(m.CaseId) && m.Status != MeasureStatus.Cancelled)
            .OrderBy(m => m.StartsOn).ToListAsync(ct);
        var types = await TypeNamesAsync(db, ct);
        var mine = new List<MyMeasureDto>();
        foreach (var m in measures)
        {
            // A measure for a named person is theirs; one for nobody in particular is for everyone the case protects.
            var person = m.ProtectedPersonId is { } pid ? persons.FirstOrDefault(p => p.Id == pid) : persons.FirstOrDefault(p => p.CaseId == m.CaseId);
            if (person is null || (m.ProtectedPersonId is not null && !personIds.Contains(m.ProtectedPersonId.Value)))
            {
                continue;
            }

            mine.Add(new MyMeasureDto(m.Id, types.GetValueOrDefault(m.TypeCode, m.TypeCode), person.Name, m.AssigneeName, m.StartsOn, m.EndsOn, m.Status, Utc(m.StartedAt)));
        }

        await audit.AppendAsync(new AuditRecord
        {
            Action = "threats.protection.mine.read", Category = AuditCategory.Read, ResourceType = "threat-measure",
            Details = JsonSerializer.Serialize(new { count = mine.Count }),
        }, ct);
        return mine;
    }

    /// <summary>Who a measure may be assigned to at a court: its security officers and the analysts over it.</summary>
    public Task<IReadOnlyList<PersonOptionDto>> AssigneesAsync(Guid courtId, CancellationToken ct) =>
        CaseQueries.PeopleAsync(people, courtId, [Roles.SecurityOfficer, Roles.ThreatAnalyst], ct);

    /// <summary>The units a measure may be assigned to: the court and the units above it.</summary>
    public IReadOnlyList<(Guid Id, string Name)> AssigneeUnits(Guid courtId)
    {
        var units = new List<(Guid, string)>();
        for (var node = org.Current.Find(courtId); node is not null && node.Kind != OrgUnitKind.Country; node = node.ParentId is { } p ? org.Current.Find(p) : null)
        {
            units.Add((node.Id, node.DisplayName));
        }

        return units;
    }

    public static async Task<IReadOnlyList<MeasureDto>> DtosAsync(VartaDbContext db, IReadOnlyList<ThreatCase> cases, IReadOnlyList<ProtectedPerson> persons,
        Expression<Func<Measure, bool>> filter, CancellationToken ct)
    {
        var measures = await db.Set<Measure>().AsNoTracking().Where(filter).OrderBy(m => m.StartsOn).ThenBy(m => m.RecordedAt).ToListAsync(ct);
        var types = await TypeNamesAsync(db, ct);
        return measures.Select(m => new MeasureDto(m.Id, m.CaseId, cases.FirstOrDefault(c => c.Id == m.CaseId)?.Number ?? "", m.ProtectedPersonId,
            persons.FirstOrDefault(p => p.Id == m.ProtectedPersonId)?.Name, m.TypeCode, types.GetValueOrDefault(m.TypeCode, m.TypeCode), m.AssigneeUnitId,
            m.AssigneeUserId, m.AssigneeName, m.StartsOn, m.EndsOn, m.ReviewOn, m.Status, Utc(m.StartedAt), Utc(m.EndedAt), m.Notes, m.DeviceId)).ToList();
    }

    private static async Task<Dictionary<string, string>> TypeNamesAsync(VartaDbContext db, CancellationToken ct)
    {
        var english = Loc.IsEnglish;
        return await db.Set<MeasureType>().AsNoTracking().ToDictionaryAsync(t => t.Code, t => english ? t.NameEn : t.NameUk, ct);
    }

    /// <summary>A calendar day typed as yyyy-MM-dd (2000–2099); the field's rule when it is missing (and required) or not one.</summary>
    public static DateOnly? Date(Validator v, string field, string? text, bool required)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            if (required)
            {
                v.Fail(field, "required");
            }

            return null;
        }

        if (!DateOnly.TryParseExact(text.Trim(), DateFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) || date.Year is < 2000 or > 2099)
        {
            v.Fail(field, "threats.date-format");
            return null;
        }

        return date;
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{1,39}$")]
    private static partial Regex CodePattern();
}
