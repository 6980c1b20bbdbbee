using System.Security.Claims;
using System.Text.Json;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using Varta.Platform.Audit;
using Varta.Platform.Http;
using Varta.Platform.Identity;
using Varta.Platform.Localization;
using Varta.Platform.Organisation;
using Varta.Platform.Persistence;
using Varta.Training.Attempts;
using Varta.Training.Data;
using static Varta.Platform.Persistence.StoredTime;

namespace Varta.Training.Sessions;

internal sealed record SessionDto(Guid Id, Guid UnitId, string Unit, string? CourseKey, string Title, DateTimeOffset StartsAt, int DurationMinutes, string Place,
    string Trainer, bool FirstAidPractice, string? Notes, IReadOnlyList<AttendanceDto> Attendance, int Version);

internal sealed record AttendanceDto(Guid UserId, string Name, bool Attended, bool? PracticePassed, string? Note);

internal sealed record SessionRequest(Guid? UnitId, string? CourseKey, string? Title, string? StartsAt, int? DurationMinutes, string? Place, bool? FirstAidPractice,
    string? Notes);

internal sealed record AttendanceRequest(IReadOnlyList<AttendanceLine>? Lines, int? Version);

internal sealed record AttendanceLine(Guid? UserId, bool? Attended, bool? PracticePassed, string? Note);

/// <summary>Face-to-face trainings (date, place, trainer, attendance, pre-medical aid practice), recorded beside the online courses.</summary>
internal sealed class SessionService(VartaDbContext db, IAuthorizationService authorization, OrgDirectory org, PeopleDirectory people, IAuditLog audit,
    TimeProvider clock, Loc loc)
{
    /// <summary>The sessions of the units the caller trains in, newest first; for anyone else, the sessions they are on the list of.</summary>
    public async Task<IReadOnlyList<SessionDto>> ListAsync(ClaimsPrincipal user, CancellationToken ct)
    {
        var scopes = user.ScopesOf(Roles.Trainer).Concat(user.ScopesOf(Roles.UnitHead)).Distinct().ToList();
        var me = user.UserId();
        var recent = await db.Set<Session>().AsNoTracking().OrderByDescending(s => s.StartsAt).Take(1000).ToListAsync(ct);
        var listed = (await db.Set<Attendance>().AsNoTracking().Where(a => a.UserId == me).Select(a => a.SessionId).ToListAsync(ct)).ToHashSet();
        var visible = recent.Where(s => listed.Contains(s.Id) || scopes.Any(scope => org.Current.IsWithin(s.UnitId, scope))).Take(200).ToList();
        return await DtosAsync(visible, user, ct);
    }

    private async Task<IReadOnlyList<SessionDto>> DtosAsync(List<Session> sessions, ClaimsPrincipal user, CancellationToken ct)
    {
        var ids = sessions.Select(s => s.Id).ToList();
        var attendance = (await db.Set<Attendance>().AsNoTracking().Where(a => ids.Contains(a.SessionId)).OrderBy(a => a.Name).ToListAsync(ct)).ToLookup(a => a.SessionId);
        var courseIds = sessions.Where(s => s.CourseId != null).Select(s => s.CourseId!.Value).ToList();
        var courses = await db.Set<Course>().AsNoTracking().Where(c => courseIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, c => c.Key, ct);
        var me = user.UserId();
        var result = new List<SessionDto>();
        foreach (var s in sessions)
        {
            // A participant sees only their own line; the unit's trainers and head see the whole list.
            var all = await authorization.AllowsAsync(user, TrainingPolicies.ReadPeople, s.UnitId);
            result.Add(new SessionDto(s.Id, s.UnitId, org.Current.Find(s.UnitId)?.DisplayName ?? "", s.CourseId is { } c ? courses.GetValueOrDefault(c) : null, s.Title,
                Utc(s.StartsAt), s.DurationMinutes, s.Place, s.TrainerName, s.FirstAidPractice, all ? s.Notes : null,
                [.. attendance[s.Id].Where(a => all || a.UserId == me).Select(a => new AttendanceDto(a.UserId, a.Name, a.Attended, a.PracticePassed, a.Note))], s.Version));
        }

        return result;
    }

    /// <summary>Records a session in a unit the caller trains in: 400 naming the fields, 404 for a unit outside their scope.</summary>
    public async Task<Outcome<SessionDto>> CreateAsync(ClaimsPrincipal user, SessionRequest request, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var v = new Validator(loc).Required("title", request.Title, 200).Required("place", request.Place, 300).MaxLength("notes", request.Notes, 4000)
            .Required("unitId", request.UnitId);
        var starts = v.Instant("startsAt", request.StartsAt, now);
        if (request.DurationMinutes is not (>= 15 and <= 960))
        {
            v.Fail("durationMinutes", "training.duration");
        }

        Course? course = null;
        if (!string.IsNullOrWhiteSpace(request.CourseKey))
        {
            course = await db.Set<Course>().AsNoTracking().FirstOrDefaultAsync(c => c.Key == request.CourseKey, ct);
            // A draft the caller may not edit is as unknown as a key that does not exist.
            if (course is null || (!course.Published && !await authorization.AllowsAsync(user, TrainingPolicies.EditCourses, course.UnitId)))
            {
                v.Fail("courseKey", "training.unknown-course");
            }
        }

        if (!v.IsValid)
        {
            return Outcome<SessionDto>.Invalid(v);
        }

        if (org.Current.Find(request.UnitId!.Value) is null || !await authorization.AllowsAsync(user, TrainingPolicies.Teach, request.UnitId.Value))
        {
            return Outcome<SessionDto>.NotFound();
        }

        var session = new Session
        {
            Id = Guid.CreateVersion7(now), UnitId = request.UnitId.Value, CourseId = course?.Id, Title = request.Title!.Trim(), StartsAt = starts!.Value.UtcDateTime,
            DurationMinutes = request.DurationMinutes!.Value, Place = request.Place!.Trim(), TrainerUserId = user.UserId(), TrainerName = AttemptService.NameOf(user),
            FirstAidPractice = request.FirstAidPractice ?? false, Notes = string.IsNullOrWhiteSpace(request.Notes) ? null : request.Notes.Trim(), Version = 1,
        };
        db.Add(session);
        audit.Record(new AuditRecord
        {
            Action = "training.session.recorded", ResourceType = "training-session", ResourceId = session.Id.ToString(), OrgUnitId = session.UnitId,
            Details = JsonSerializer.Serialize(new { session.Title, session.FirstAidPractice }),
        });
        await db.SaveChangesAsync(ct);
        return Outcome<SessionDto>.Ok((await DtosAsync([session], user, ct))[0]);
    }

    /// <summary>
    /// Replaces a session's attendance list: everyone named must work within the session's unit (400 naming the line).
    /// 404 for a session outside the caller's units; 409 when the list changed since the caller read it.
    /// </summary>
    public async Task<Outcome<SessionDto>> AttendanceAsync(ClaimsPrincipal user, Guid id, AttendanceRequest request, CancellationToken ct)
    {
        var session = await db.Set<Session>().FirstOrDefaultAsync(s => s.Id == id, ct);
        if (session is null || !await authorization.AllowsAsync(user, TrainingPolicies.Teach, session.UnitId))
        {
            return Outcome<SessionDto>.NotFound();
        }

        var v = new Validator(loc);
        if (request.Lines is null || request.Lines.Count > 500)
        {
            v.Fail("lines", "training.attendance-lines");
            return Outcome<SessionDto>.Invalid(v);
        }

        var within = (await people.WithinAsync(session.UnitId, ct)).ToDictionary(p => p.UserId);
        for (var i = 0; i < request.Lines.Count; i++)
        {
            var line = request.Lines[i];
            if (line.UserId is not { } uid || !within.ContainsKey(uid))
            {
                v.Fail($"lines[{i}].userId", "training.not-in-unit");
            }

            if (line.Attended is null)
            {
                v.Fail($"lines[{i}].attended", "required");
            }

            v.MaxLength($"lines[{i}].note", line.Note, 500);
        }

        if (request.Lines.Select(l => l.UserId).Distinct().Count() != request.Lines.Count)
        {
            v.Fail("lines", "training.attendance-twice");
        }

        if (!v.IsValid)
        {
            return Outcome<SessionDto>.Invalid(v);
        }

        if (request.Version is { } expected && expected != session.Version)
        {
            return Outcome<SessionDto>.Conflict("training.session-changed");
        }

        db.RemoveRange(await db.Set<Attendance>().Where(a => a.SessionId == id).ToListAsync(ct));
        foreach (var line in request.Lines)
        {
            db.Add(new Attendance
            {
                SessionId = id, UserId = line.UserId!.Value, Name = within[line.UserId.Value].DisplayName, Attended = line.Attended!.Value,
                PracticePassed = session.FirstAidPractice ? line.PracticePassed : null, Note = string.IsNullOrWhiteSpace(line.Note) ? null : line.Note.Trim(),
            });
        }

        session.Version++;
        audit.Record(new AuditRecord
        {
            Action = "training.session.attendance", ResourceType = "training-session", ResourceId = id.ToString(), OrgUnitId = session.UnitId,
            Details = JsonSerializer.Serialize(new { listed = request.Lines.Count, attended = request.Lines.Count(l => l.Attended == true) }),
        });
        await db.SaveChangesAsync(ct);
        return Outcome<SessionDto>.Ok((await DtosAsync([session], user, ct))[0]);
    }

    /// <summary>Who may be put on a session's list: the people within its unit.</summary>
    public async Task<Outcome<IReadOnlyList<PersonRef>>> CandidatesAsync(ClaimsPrincipal user, Guid id, CancellationToken ct)
    {
        var session = await db.Set<Session>().AsNoTracking().FirstOrDefaultAsync(s => s.Id == id, ct);
        if (session is null || !await authorization.AllowsAsync(user, TrainingPolicies.Teach, session.UnitId))
        {
            return Outcome<IReadOnlyList<PersonRef>>.NotFound();
        }

        return Outcome<IReadOnlyList<PersonRef>>.Ok([.. (await people.WithinAsync(session.UnitId, ct)).Select(p => new PersonRef(p.UserId, p.Username, p.DisplayName))]);
    }
}
