using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Varta.Custody.Data;
using Varta.Custody.Records;
using Varta.Platform.Persistence;

namespace Varta.Custody.Alerts;

internal static class AlertKinds
{
    public const string CourtDeadlineSoon = "court-deadline-soon";
    public const string CourtDeadlinePassed = "court-deadline-passed";
    public const string MaxDeadlineSoon = "max-deadline-soon";
    public const string MaxDeadlinePassed = "max-deadline-passed";
    public const string CheckOverdue = "check-overdue";
    public const string LegalAidNotNotified = "legal-aid-not-notified";
    public const string RelativesNotNotified = "relatives-not-notified";
    public const string MealOverdue = "meal-overdue";
    public const string InjuriesOnArrival = "injuries-on-arrival";
    public const string LateDelivery = "late-delivery";
    public const string ParentsNotNotified = "parents-not-notified";
    public const string GuardianshipNotNotified = "guardianship-not-notified";
    public const string MedicalExamMissing = "medical-exam-missing";
    public const string DetentionCorrected = "detention-corrected";
}

/// <summary>
/// Which alerts stand for a record at a moment: deadlines near or past, a check overdue, a notification
/// not made, no meal for too long, injuries found on arrival. Pure, so it is tested by moving a clock.
/// </summary>
internal static class AlertRules
{
    public static IEnumerable<(string Kind, DateTime DueAt)> Active(CustodyRecord r, DateTime now, CustodyOptions o)
    {
        if (r.Status != RecordStatus.InCustody)
        {
            yield break;
        }

        if (r.CourtDeadline is { } court)
        {
            if (now >= court)
            {
                yield return (AlertKinds.CourtDeadlinePassed, court);
            }
            else if (now >= court - o.DueSoonFor(court - r.DetainedAt))
            {
                yield return (AlertKinds.CourtDeadlineSoon, court);
            }
        }

        if (now >= r.MaxDeadline)
        {
            yield return (AlertKinds.MaxDeadlinePassed, r.MaxDeadline);
        }
        else if (now >= r.MaxDeadline - o.DueSoonFor(r.MaxDeadline - r.DetainedAt))
        {
            yield return (AlertKinds.MaxDeadlineSoon, r.MaxDeadline);
        }

        if (r.NextCheckDue is { } due && now > due)
        {
            yield return (AlertKinds.CheckOverdue, due);
        }

        var notifyBy = r.DetainedAt + o.NotificationThreshold;
        if (r.LegalAidNotifiedAt is null && now > notifyBy)
        {
            yield return (AlertKinds.LegalAidNotNotified, notifyBy);
        }

        if (r.IsMinor)
        {
            // CPC art. 213: a minor's parents (or other legal representatives) and the guardianship body are told at
            // once; the alerts stand from booking until both are recorded, and another relative does not count.
            if (r.ParentsNotifiedAt is null)
            {
                yield return (AlertKinds.ParentsNotNotified, r.DetainedAt);
            }

            if (r.GuardianshipNotifiedAt is null)
            {
                yield return (AlertKinds.GuardianshipNotNotified, r.DetainedAt);
            }
        }
        else if (r.RelativesNotifiedAt is null && now > notifyBy)
        {
            yield return (AlertKinds.RelativesNotNotified, notifyBy);
        }

        var examBy = r.ArrivedAt + o.MedicalExamWithin;
        if (r.FirstMedicalAt is null && now > examBy)
        {
            yield return (AlertKinds.MedicalExamMissing, examBy);
        }

        var mealBy = (r.LastMealAt ?? r.ArrivedAt) + o.MealInterval;
        if (now > mealBy)
        {
            yield return (AlertKinds.MealOverdue, mealBy);
        }

        if (r.MedicalFlag is { } medical)
        {
            // Injuries (on arrival or later), unfit for detention, a hospital referral: one flag for the inspector,
            // standing even when a correction withdrew the finding.
            yield return (medical, r.ArrivedAt);
        }

        if (r.DetentionCorrectionId is not null)
        {
            // The moment, place or basis of detention was corrected: until the Oversight module queues it, an alert.
            yield return (AlertKinds.DetentionCorrected, r.ArrivedAt);
        }

        if (RecordReader.IsLateDelivery(r, o))
        {
            yield return (AlertKinds.LateDelivery, r.ArrivedAt);
        }
    }
}

/// <summary>Raises new alerts and clears those no longer standing, for every open record.</summary>
internal sealed class AlertScanner(VartaDbContext db, TimeProvider clock, IOptions<CustodyOptions> options, CustodyChanges changes)
{
    public async Task<int> ScanAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var open = await db.Set<CustodyAlert>().Where(a => a.ClearedAt == null).ToListAsync(ct);
        var openByRecord = open.ToLookup(a => a.RecordId);
        var records = await db.Set<CustodyRecord>().AsNoTracking().Where(r => r.Status == RecordStatus.InCustody).ToListAsync(ct);
        var touched = new HashSet<Guid>();
        var changed = 0;
        foreach (var record in records)
        {
            var active = AlertRules.Active(record, now, options.Value).ToList();
            var existing = openByRecord[record.Id].ToList();
            foreach (var (kind, due) in active.Where(a => existing.All(e => e.Kind != a.Kind)))
            {
                db.Set<CustodyAlert>().Add(new CustodyAlert
                {
                    Id = Guid.CreateVersion7(clock.GetUtcNow()),
                    RecordId = record.Id,
                    FacilityId = record.FacilityId,
                    Kind = kind,
                    DueAt = due,
                    RaisedAt = now,
                });
                touched.Add(record.FacilityId);
                changed++;
            }

            foreach (var stale in existing.Where(e => active.All(a => a.Kind != e.Kind)))
            {
                stale.ClearedAt = now;
                touched.Add(record.FacilityId);
                changed++;
            }
        }

        var openIds = records.Select(r => r.Id).ToHashSet();
        foreach (var orphan in open.Where(a => !openIds.Contains(a.RecordId)))
        {
            orphan.ClearedAt = now;
            changed++;
        }

        if (changed > 0)
        {
            await db.SaveChangesAsync(ct);
            foreach (var facility in touched)
            {
                changes.Notify(facility);
            }
        }

        return changed;
    }
}
