using System.Security.Claims;
using System.Text.Json;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using Varta.Platform.Audit;
using Varta.Platform.Http;
using Varta.Platform.Identity;
using Varta.Platform.Localization;
using Varta.Platform.Persistence;
using Varta.Training.Attempts;
using Varta.Training.Data;
using static Varta.Platform.Persistence.StoredTime;

namespace Varta.Training.Journal;

internal sealed record JournalEntryDto(Guid Id, Guid? ReflectionId, string? Reflection, string? Lesson, string Text, DateTimeOffset WrittenAt, DateTimeOffset UpdatedAt,
    bool Shared, IReadOnlyList<JournalCommentDto> Comments, int Version, string? Author);

internal sealed record JournalCommentDto(Guid Id, string Author, string Text, DateTimeOffset At);

internal sealed record JournalRequest(Guid? ReflectionId, string? Text, int? Version);

internal sealed record ShareRequest(bool? Shared);

internal sealed record CommentRequest(string? Text);

/// <summary>
/// The reflective journal: private to its author. A trainer of the author's unit sees an entry only once the author
/// shares it, and may comment on it; unsharing hides it again. Nothing of it enters progress or reports.
/// </summary>
internal sealed class JournalService(VartaDbContext db, IAuthorizationService authorization, PeopleDirectory people, IAuditLog audit, TimeProvider clock, Loc loc)
{
    public async Task<IReadOnlyList<JournalEntryDto>> MineAsync(ClaimsPrincipal user, CancellationToken ct)
    {
        var me = user.UserId();
        var entries = await db.Set<JournalEntry>().AsNoTracking().Where(j => j.UserId == me).OrderByDescending(j => j.WrittenAt).Take(500).ToListAsync(ct);
        return await DtosAsync(entries, withAuthor: false, ct);
    }

    private async Task<IReadOnlyList<JournalEntryDto>> DtosAsync(List<JournalEntry> entries, bool withAuthor, CancellationToken ct)
    {
        var ids = entries.Select(e => e.Id).ToList();
        var reflectionIds = entries.Where(e => e.ReflectionId != null).Select(e => e.ReflectionId!.Value).Distinct().ToList();
        var lessonIds = entries.Where(e => e.LessonId != null).Select(e => e.LessonId!.Value).Distinct().ToList();
        var reflections = await db.Set<Reflection>().AsNoTracking().Where(r => reflectionIds.Contains(r.Id)).ToDictionaryAsync(r => r.Id, ct);
        var lessons = await db.Set<Lesson>().AsNoTracking().Where(l => lessonIds.Contains(l.Id)).ToDictionaryAsync(l => l.Id, ct);
        var comments = (await db.Set<JournalComment>().AsNoTracking().Where(c => ids.Contains(c.EntryId)).OrderBy(c => c.RecordedAt).ToListAsync(ct)).ToLookup(c => c.EntryId);
        return entries.Select(e => new JournalEntryDto(e.Id, e.ReflectionId,
            e.ReflectionId is { } r && reflections.TryGetValue(r, out var rf) ? (Loc.IsEnglish ? rf.TextEn : rf.TextUk) : null,
            e.LessonId is { } l && lessons.TryGetValue(l, out var ls) ? (Loc.IsEnglish ? ls.TitleEn : ls.TitleUk) : null,
            e.Text, Utc(e.WrittenAt), Utc(e.UpdatedAt), e.SharedAt is not null,
            [.. comments[e.Id].Select(c => new JournalCommentDto(c.Id, c.RecordedBy, c.Text, Utc(c.RecordedAt)))], e.Version, withAuthor ? e.UserName : null)).ToList();
    }

    /// <summary>
    /// Writes an entry: an answer to a reflective question (400 for an unknown one, or one of a draft the caller may not
    /// see) or a free note. Private until shared.
    /// </summary>
    public async Task<Outcome<JournalEntryDto>> WriteAsync(ClaimsPrincipal user, JournalRequest request, CancellationToken ct)
    {
        var v = new Validator(loc).Required("text", request.Text, 8000);
        if (!v.IsValid)
        {
            return Outcome<JournalEntryDto>.Invalid(v);
        }

        Reflection? reflection = null;
        if (request.ReflectionId is { } rid)
        {
            reflection = await db.Set<Reflection>().AsNoTracking().FirstOrDefaultAsync(r => r.Id == rid, ct);
            var course = reflection is null ? null : await (from l in db.Set<Lesson>().AsNoTracking()
                                                            join c in db.Set<Course>().AsNoTracking() on l.CourseId equals c.Id
                                                            where l.Id == reflection.LessonId
                                                            select c).FirstOrDefaultAsync(ct);
            // A question of a draft the caller may not edit is as unknown as one that does not exist: the answer would show its text.
            if (reflection is null || course is null || (!course.Published && !await authorization.AllowsAsync(user, TrainingPolicies.EditCourses, course.UnitId)))
            {
                return Outcome<JournalEntryDto>.Invalid(new Validator(loc).Fail("reflectionId", "training.unknown-reflection"));
            }
        }

        var now = clock.GetUtcNow();
        var entry = new JournalEntry
        {
            Id = Guid.CreateVersion7(now), UserId = user.UserId(), UserName = AttemptService.NameOf(user), ReflectionId = reflection?.Id, LessonId = reflection?.LessonId,
            Text = request.Text!.Trim(), WrittenAt = now.UtcDateTime, Version = 1,
        };
        db.Add(entry);
        audit.Record(new AuditRecord { Action = "training.journal.written", ResourceType = "training-journal", ResourceId = entry.Id.ToString() });
        await db.SaveChangesAsync(ct);
        return Outcome<JournalEntryDto>.Ok((await DtosAsync([entry], false, ct))[0]);
    }

    /// <summary>Edits the caller's own entry (404 for anyone else's; 409 when it changed since the caller read it).</summary>
    public async Task<Outcome<JournalEntryDto>> UpdateAsync(ClaimsPrincipal user, Guid id, JournalRequest request, CancellationToken ct)
    {
        var me = user.UserId();
        var entry = await db.Set<JournalEntry>().FirstOrDefaultAsync(j => j.Id == id && j.UserId == me, ct);
        if (entry is null)
        {
            return Outcome<JournalEntryDto>.NotFound();
        }

        var v = new Validator(loc).Required("text", request.Text, 8000);
        if (!v.IsValid)
        {
            return Outcome<JournalEntryDto>.Invalid(v);
        }

        if (request.Version is { } expected && expected != entry.Version)
        {
            return Outcome<JournalEntryDto>.Conflict("training.entry-changed");
        }

        entry.Text = request.Text!.Trim();
        entry.Version++;
        audit.Record(new AuditRecord { Action = "training.journal.edited", ResourceType = "training-journal", ResourceId = entry.Id.ToString() });
        await db.SaveChangesAsync(ct);
        return Outcome<JournalEntryDto>.Ok((await DtosAsync([entry], false, ct))[0]);
    }

    /// <summary>Shares an own entry with the trainers of the caller's unit, or takes it back.</summary>
    public async Task<Outcome<JournalEntryDto>> ShareAsync(ClaimsPrincipal user, Guid id, ShareRequest request, CancellationToken ct)
    {
        var me = user.UserId();
        var entry = await db.Set<JournalEntry>().FirstOrDefaultAsync(j => j.Id == id && j.UserId == me, ct);
        if (entry is null)
        {
            return Outcome<JournalEntryDto>.NotFound();
        }

        if (request.Shared is null)
        {
            return Outcome<JournalEntryDto>.Invalid(new Validator(loc).Fail("shared", "required"));
        }

        entry.SharedAt = request.Shared.Value ? entry.SharedAt ?? clock.GetUtcNow().UtcDateTime : null;
        entry.Version++;
        audit.Record(new AuditRecord
        {
            Action = request.Shared.Value ? "training.journal.shared" : "training.journal.unshared", ResourceType = "training-journal", ResourceId = entry.Id.ToString(),
        });
        await db.SaveChangesAsync(ct);
        return Outcome<JournalEntryDto>.Ok((await DtosAsync([entry], false, ct))[0]);
    }

    /// <summary>The user ids a trainer teaches: people working within the units the caller is a trainer of.</summary>
    private async Task<HashSet<Guid>> PupilsAsync(ClaimsPrincipal user, CancellationToken ct)
    {
        var ids = new HashSet<Guid>();
        foreach (var scope in user.ScopesOf(Roles.Trainer).Distinct())
        {
            foreach (var p in await people.WithinAsync(scope, ct))
            {
                ids.Add(p.UserId);
            }
        }

        return ids;
    }

    /// <summary>The entries shared with the caller (a trainer) by people of their units, newest first.</summary>
    public async Task<IReadOnlyList<JournalEntryDto>> SharedAsync(ClaimsPrincipal user, CancellationToken ct)
    {
        var pupils = (await PupilsAsync(user, ct)).ToList();
        var entries = await db.Set<JournalEntry>().AsNoTracking().Where(j => j.SharedAt != null && pupils.Contains(j.UserId)).OrderByDescending(j => j.SharedAt)
            .Take(200).ToListAsync(ct);
        await audit.AppendAsync(new AuditRecord
        {
            Action = "training.journal.shared.read", Category = AuditCategory.Read, ResourceType = "training-journal", Details = JsonSerializer.Serialize(new { count = entries.Count }),
        }, ct);
        return await DtosAsync(entries, withAuthor: true, ct);
    }

    /// <summary>A trainer comments on an entry shared with them; 404 for an entry not shared, or of someone outside their units.</summary>
    public async Task<Outcome<JournalEntryDto>> CommentAsync(ClaimsPrincipal user, Guid id, CommentRequest request, CancellationToken ct)
    {
        var entry = await db.Set<JournalEntry>().AsNoTracking().FirstOrDefaultAsync(j => j.Id == id && j.SharedAt != null, ct);
        if (entry is null || !(await PupilsAsync(user, ct)).Contains(entry.UserId))
        {
            return Outcome<JournalEntryDto>.NotFound();
        }

        var v = new Validator(loc).Required("text", request.Text, 4000);
        if (!v.IsValid)
        {
            return Outcome<JournalEntryDto>.Invalid(v);
        }

        var now = clock.GetUtcNow();
        var comment = new JournalComment { Id = Guid.CreateVersion7(now), EntryId = id, TrainerUserId = user.UserId(), Text = request.Text!.Trim() };
        db.Add(comment);
        audit.Record(new AuditRecord { Action = "training.journal.commented", ResourceType = "training-journal", ResourceId = id.ToString() });
        await db.SaveChangesAsync(ct);
        return Outcome<JournalEntryDto>.Ok((await DtosAsync([entry], true, ct))[0]);
    }
}
