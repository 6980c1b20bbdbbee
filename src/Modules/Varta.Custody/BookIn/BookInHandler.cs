using System.Globalization;
using System.Security.Claims;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Varta.Custody.Alerts;
using Varta.Custody.Data;
using Varta.Custody.Records;
using Varta.Custody.Rules;
using Varta.Platform.Audit;
using Varta.Platform.Http;
using Varta.Platform.Identity;
using Varta.Platform.Localization;
using Varta.Platform.Organisation;
using Varta.Platform.Persistence;

namespace Varta.Custody.BookIn;

/// <summary>
/// Opens a custody record: the person (new or found again), the legal basis and the actual moment of
/// detention, from which the clocks run. Answers the record with its number and clocks.
/// </summary>
internal sealed partial class BookInHandler(
    VartaDbContext db,
    IAuthorizationService authorization,
    OrgDirectory org,
    IAuditLog audit,
    TimeProvider clock,
    IOptions<CustodyOptions> options,
    RecordReader reader,
    CustodyChanges changes,
    Loc loc)
{
    private static readonly TimeSpan Skew = TimeSpan.FromMinutes(2);

    /// <summary>Each lost race means another booking was stored, so this many is far more than officers booking at one moment.</summary>
    private const int MaxAttempts = 100;

    private enum Race
    {
        PersonInCustody,
        CounterMoved,
        NumberTaken,
        Busy,
    }

    public async Task<Outcome<RecordDto>> HandleAsync(ClaimsPrincipal user, BookInRequest request, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var v = new Validator(loc);
        if (request.FacilityId is not { } facilityId)
        {
            v.Fail("facilityId", "required");
            return Outcome<RecordDto>.Invalid(Validate(request, v, now, out _, out _, out _));
        }

        var facility = org.Current.Find(facilityId);
        if (facility?.SiteKind != SiteKinds.DetentionFacility || !await authorization.AllowsAsync(user, CustodyPolicies.BookIn, facilityId))
        {
            return Outcome<RecordDto>.NotFound();
        }

        Validate(request, v, now, out var detainedAt, out var arrivedAt, out var dateOfBirth);
        Person? existing = null;
        if (request.PersonId is { } personId)
        {
            existing = await db.Set<Person>().FirstOrDefaultAsync(p => p.Id == personId, ct);
            if (existing is null || Retention.Scrubber.IsAnonymised(existing))
            {
                v.Fail("personId", "unknown-person");
            }
        }

        if (!v.IsValid)
        {
            return Outcome<RecordDto>.Invalid(v);
        }

        if (existing is not null && await db.Set<CustodyRecord>().AnyAsync(r => r.PersonId == existing.Id && r.Status == RecordStatus.InCustody, ct))
        {
            return Outcome<RecordDto>.Conflict("custody.problem.already-in-custody");
        }

        var p = request.Person!;
        var person = existing ?? new Person
        {
            Id = Guid.CreateVersion7(now),
            Surname = p.Surname!.Trim(),
            GivenName = p.GivenName!.Trim(),
            Patronymic = string.IsNullOrWhiteSpace(p.Patronymic) ? null : p.Patronymic.Trim(),
            DateOfBirth = dateOfBirth,
            Sex = p.Sex!,
            Citizenship = p.Citizenship!.Trim(),
            IdentityDocument = p.IdentityDocument?.Trim(),
            PreferredLanguage = p.PreferredLanguage?.Trim(),
            InterpreterNeeded = p.InterpreterNeeded ?? false,
            SearchKey = SearchKey(p.Surname!, p.GivenName!),
        };

        var duplicates = existing is null ? await DuplicatesAsync(user, facilityId, person, ct) : [];
        if (existing is null)
        {
            db.Set<Person>().Add(person);
        }

        var clocks = LegalClock.Compute(options.Value, request.LegalBasis!, detainedAt, arrivedAt, request.AdministrativeException);
        var year = KyivTime.ToKyiv(arrivedAt).Year;
        var record = new CustodyRecord
        {
            Id = Guid.CreateVersion7(now),
            FacilityId = facilityId,
            Year = year,
            PersonId = person.Id,
            LegalBasis = request.LegalBasis!,
            LegalBasisDetail = request.LegalBasisDetail?.Trim(),
            AdministrativeException = request.LegalBasis == LegalBases.Coao262 ? request.AdministrativeException : null,
            LegalRegime = clocks.Regime,
            DetainedAt = detainedAt.UtcDateTime,
            DetentionPlace = request.DetentionPlace!.Trim(),
            ArrivedAt = arrivedAt.UtcDateTime,
            DetainingOfficer = request.DetainingOfficer!.Trim(),
            ProceedingsNumber = string.IsNullOrWhiteSpace(request.ProceedingsNumber) ? null : request.ProceedingsNumber.Trim(),
            CourtDeadline = clocks.CourtDeadline?.UtcDateTime,
            MaxDeadline = clocks.MaxDeadline.UtcDateTime,
            IsMinor = AgeAt(person.DateOfBirth, KyivTime.ToKyiv(detainedAt)) < 18,
        };
        var settings = await db.Set<FacilitySettings>().AsNoTracking().FirstOrDefaultAsync(s => s.FacilityId == facilityId, ct);
        var booking = new CustodyEntry
        {
            Id = Guid.CreateVersion7(now),
            RecordId = record.Id,
            Seq = 1,
            Type = EntryCatalog.BookingIn,
            OccurredAt = arrivedAt.UtcDateTime,
            AuthorId = user.UserId().ToString(),
            Data = JsonSerializer.Serialize(new
            {
                detainedAt,
                arrivedAt,
                detentionPlace = record.DetentionPlace,
                detainingOfficer = record.DetainingOfficer,
                legalBasis = record.LegalBasis,
                legalRegime = record.LegalRegime,
            }),
        };
        RecordState.Apply(record, RecordState.Effective([booking]), options.Value, settings);
        db.Set<CustodyRecord>().Add(record);
        db.Set<CustodyEntry>().Add(booking);

        // What already stands at booking (a detention past its limit, a late delivery) is raised now, with the record,
        // not at the next scan; the scan sees these and does not raise them twice.
        var standing = AlertRules.Active(record, now.UtcDateTime, options.Value).ToList();
        foreach (var (kind, due) in standing)
        {
            db.Set<CustodyAlert>().Add(new CustodyAlert
            {
                Id = Guid.CreateVersion7(now), RecordId = record.Id, FacilityId = facilityId, Kind = kind, DueAt = due, RaisedAt = now.UtcDateTime,
            });
        }

        // The number is the facility's counter for the year, raised in the same transaction as the record: a booking that
        // read the counter before another stored its record finds the counter moved on and takes the next number (no gaps,
        // no collisions, however many book at once). One open record per person is the database's rule, not only the check above.
        var resync = false;
        for (var attempt = 1; ; attempt++)
        {
            var counter = await CounterAsync(facilityId, year, resync, ct);
            counter.Last++;
            record.Sequence = counter.Last;
            record.Number = $"{facility.Code}/{year}/{record.Sequence:D5}";
            var queued = audit.Record(new AuditRecord
            {
                Action = "custody.record.created",
                ResourceType = "custody-record",
                ResourceId = record.Id.ToString(),
                OrgUnitId = facilityId,
                OccurredAt = arrivedAt,
                Details = JsonSerializer.Serialize(new { number = record.Number, personId = person.Id, legalBasis = record.LegalBasis }),
            });
            try
            {
                await db.SaveChangesAsync(ct);
                break;
            }
            catch (Exception e) when (Lost(e) is { } lost)
            {
                // Nothing of this attempt was stored; the counter is read again, as it now stands.
                audit.Withdraw(queued);
                db.Entry(counter).State = EntityState.Detached;
                if (lost == Race.PersonInCustody)
                {
                    return Outcome<RecordDto>.Conflict("custody.problem.already-in-custody");
                }

                if (lost == Race.Busy || attempt >= MaxAttempts)
                {
                    // Busy: the database already made us wait its full timeout; the officer tries again rather than wait more.
                    return Outcome<RecordDto>.Conflict("custody.problem.concurrent-change");
                }

                resync = lost == Race.NumberTaken;
            }
        }

        changes.Notify(facilityId);
        var warnings = new List<string>();
        if (duplicates.Count > 0)
        {
            warnings.Add("possible-duplicate");
        }

        if (standing.Any(a => a.Kind is AlertKinds.MaxDeadlinePassed or AlertKinds.CourtDeadlinePassed))
        {
            warnings.Add("past-limit"); // e.g. an administrative detention booked after its 3 h: release or bring to court now
        }

        if (RecordReader.IsLateDelivery(record, options.Value))
        {
            warnings.Add("late-delivery"); // CPC art. 210: delivered long after the detention — said now, flagged for good
        }

        return Outcome<RecordDto>.Ok((await reader.ReadAsync(user, record.Id, ct, warnings, duplicates))!);
    }

    /// <summary>The facility's counter for the year, tracked. A new one (or one behind the stored records) starts after the highest number stored.</summary>
    private async Task<RecordCounter> CounterAsync(Guid facilityId, int year, bool resync, CancellationToken ct)
    {
        var counter = await db.Set<RecordCounter>().FirstOrDefaultAsync(c => c.FacilityId == facilityId && c.Year == year, ct);
        if (counter is not null && !resync)
        {
            return counter;
        }

        var highest = await db.Set<CustodyRecord>().Where(r => r.FacilityId == facilityId && r.Year == year).MaxAsync(r => (int?)r.Sequence, ct) ?? 0;
        if (counter is null)
        {
            counter = new RecordCounter { FacilityId = facilityId, Year = year, Last = highest };
            db.Set<RecordCounter>().Add(counter);
        }
        else
        {
            counter.Last = Math.Max(counter.Last, highest);
        }

        return counter;
    }

    /// <summary>Why a booking's save lost to another at the same moment, or null when the error is not a race.</summary>
    private static Race? Lost(Exception e)
    {
        if (DbErrors.IsUniqueViolation(e, CustodyModel.OpenRecordOfPersonIndex, "custody_records.PersonId"))
        {
            return Race.PersonInCustody;
        }

        if (e is DbUpdateConcurrencyException c && c.Entries.All(x => x.Entity is RecordCounter))
        {
            return Race.CounterMoved;
        }

        if (DbErrors.IsUniqueViolation(e, "custody_record_counters"))
        {
            return Race.CounterMoved; // two first bookings of the year in a facility
        }

        if (DbErrors.IsUniqueViolation(e, "IX_custody_records_FacilityId_Year_Sequence", "custody_records.FacilityId, custody_records.Year, custody_records.Sequence"))
        {
            return Race.NumberTaken; // a record stored without the counter (imported, generated): catch the counter up
        }

        return DbErrors.IsBusy(e) ? Race.Busy : null;
    }

    /// <summary>
    /// People with the same name and date of birth. Those whose records the officer may read are shown (to link the
    /// new record to them); of the others only that such a person has records elsewhere — enough to avoid a duplicate
    /// person, nothing about them — and that lookup is audited.
    /// </summary>
    private async Task<List<DuplicateCandidateDto>> DuplicatesAsync(ClaimsPrincipal user, Guid facilityId, Person person, CancellationToken ct)
    {
        var matches = await db.Set<Person>().AsNoTracking()
            .Where(x => x.SearchKey == person.SearchKey && x.DateOfBirth == person.DateOfBirth).Take(5).ToListAsync(ct);
        var result = new List<DuplicateCandidateDto>();
        foreach (var m in matches)
        {
            var records = await db.Set<CustodyRecord>().AsNoTracking().Where(r => r.PersonId == m.Id)
                .OrderByDescending(r => r.DetainedAt).Select(r => new { r.Number, r.FacilityId }).ToListAsync(ct);
            string? last = null;
            foreach (var r in records)
            {
                if (await authorization.AllowsAsync(user, CustodyPolicies.ReadRecord, r.FacilityId))
                {
                    last = r.Number;
                    break;
                }
            }

            if (last is not null || records.Count == 0)
            {
                result.Add(new DuplicateCandidateDto(m.Id, RecordReader.ToDto(m).FullName, m.DateOfBirth, last));
                continue;
            }

            result.Add(new DuplicateCandidateDto(null, null, m.DateOfBirth, null, Elsewhere: true));
            audit.Record(new AuditRecord
            {
                Action = "custody.person.matched-elsewhere",
                Category = AuditCategory.Read,
                ResourceType = "custody-person",
                ResourceId = m.Id.ToString(),
                OrgUnitId = facilityId,
                Details = JsonSerializer.Serialize(new { records = records.Count }),
            });
        }

        return result;
    }

    private Validator Validate(BookInRequest r, Validator v, DateTimeOffset now, out DateTimeOffset detainedAt, out DateTimeOffset arrivedAt, out DateOnly dateOfBirth)
    {
        detainedAt = default;
        arrivedAt = default;
        dateOfBirth = default;
        if (r.PersonId is null)
        {
            if (r.Person is not { } p)
            {
                v.Fail("person", "required");
            }
            else
            {
                v.Required("person.surname", p.Surname, 100).Required("person.givenName", p.GivenName, 100)
                    .MaxLength("person.patronymic", p.Patronymic, 100).Required("person.citizenship", p.Citizenship, 60)
                    .MaxLength("person.identityDocument", p.IdentityDocument, 100).MaxLength("person.preferredLanguage", p.PreferredLanguage, 40)
                    .OneOf("person.sex", p.Sex, ["male", "female"]);
                if (string.IsNullOrWhiteSpace(p.DateOfBirth))
                {
                    v.Fail("person.dateOfBirth", "required");
                }
                else if (!DateOnly.TryParseExact(p.DateOfBirth, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out dateOfBirth))
                {
                    v.Fail("person.dateOfBirth", "date-required");
                }
                else if (dateOfBirth > DateOnly.FromDateTime(KyivTime.ToKyiv(now).DateTime) || AgeAt(dateOfBirth, now) > 120)
                {
                    v.Fail("person.dateOfBirth", "plausible-date");
                }
                else if (AgeAt(dateOfBirth, now) < 14)
                {
                    // Criminal and administrative liability in Ukraine start at 14 (CPC, КУпАП) at the earliest.
                    v.Fail("person.dateOfBirth", "too-young");
                }
            }
        }

        v.OneOf("legalBasis", r.LegalBasis, LegalBases.All);
        if (r.LegalBasis == LegalBases.Other)
        {
            v.Required("legalBasisDetail", r.LegalBasisDetail, 500);
        }
        else
        {
            v.MaxLength("legalBasisDetail", r.LegalBasisDetail, 500);
        }

        if (r.LegalBasis == LegalBases.CourtOrder && string.IsNullOrWhiteSpace(r.ProceedingsNumber))
        {
            v.Fail("proceedingsNumber", "required-for-court-order");
        }

        if (r.LegalBasis == LegalBases.Coao262 && r.AdministrativeException is { Length: > 0 } ex
            && options.Value.AdministrativeExceptions.All(e => e.Code != ex))
        {
            v.Fail("administrativeException", "one-of", string.Join(", ", options.Value.AdministrativeExceptions.Select(e => e.Code)));
        }

        if (!string.IsNullOrWhiteSpace(r.ProceedingsNumber) && !ProceedingsFormat().IsMatch(r.ProceedingsNumber.Trim()))
        {
            v.Fail("proceedingsNumber", "proceedings-format");
        }

        v.Required("detentionPlace", r.DetentionPlace, 300).Required("detainingOfficer", r.DetainingOfficer, 200);
        var hasDetained = Instant(v, "detainedAt", r.DetainedAt, out detainedAt);
        var hasArrived = Instant(v, "arrivedAt", r.ArrivedAt, out arrivedAt);
        if (hasDetained && detainedAt > now + Skew)
        {
            v.Fail("detainedAt", "not-in-future");
        }
        else if (hasDetained && detainedAt < now.AddDays(-30))
        {
            v.Fail("detainedAt", "too-far-in-past", 30);
        }

        if (hasArrived && arrivedAt > now + Skew)
        {
            v.Fail("arrivedAt", "not-in-future");
        }

        if (hasDetained && hasArrived && arrivedAt < detainedAt)
        {
            v.Fail("arrivedAt", "not-before-detention");
        }

        return v;
    }

    private static bool Instant(Validator v, string field, string? text, out DateTimeOffset value)
    {
        value = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            v.Fail(field, "required");
            return false;
        }

        if (!EntryData.TryInstant(text, out value))
        {
            v.Fail(field, "instant-required");
            return false;
        }

        return true;
    }

    internal static int AgeAt(DateOnly born, DateTimeOffset at)
    {
        var day = DateOnly.FromDateTime(at.DateTime);
        var age = day.Year - born.Year;
        return born.AddYears(age) > day ? age - 1 : age;
    }

    internal static string SearchKey(string surname, string givenName) =>
        $"{surname.Trim().ToUpperInvariant()} {givenName.Trim().ToUpperInvariant()}";

    /// <summary>ЄРДР (Unified Register of Pre-trial Investigations) numbers are 17 digits.</summary>
    [GeneratedRegex("^[0-9]{17}$")]
    private static partial Regex ProceedingsFormat();
}
