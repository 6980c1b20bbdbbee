using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using Varta.Custody.Data;
using Varta.Custody.Records;
using Varta.Custody.Rules;
using Varta.Platform.Http;

using Varta.Platform.Localization;

namespace Varta.Custody.Entries;

/// <summary>A video clip as stored with an entry.</summary>
internal readonly record struct VideoClip(string CameraId, DateTimeOffset? From, DateTimeOffset? To, bool Audio = false);

/// <summary>
/// The rules an entry's common fields share across appending, correcting and closing: when it happened (not in the
/// future, not before the person was in custody), the video it points to, and the rules that tie fields together.
/// </summary>
internal sealed class EntryChecks(TimeProvider clock, IOptions<CustodyOptions> options)
{
    public DateTimeOffset Now => clock.GetUtcNow();

    /// <summary>A release or transfer closes the record: nothing recorded may have happened after it.</summary>
    public static bool NotBeforeLastEntry(DateTimeOffset closedAt, IReadOnlyList<CustodyEntry> entries, Validator v)
    {
        var last = entries.Where(e => e.CorrectsEntryId is null).Select(e => (DateTime?)e.OccurredAt).Max();
        if (last is { } l && closedAt.UtcDateTime < l)
        {
            v.Fail("occurredAt", "not-before-last-entry", KyivTime.Format(new DateTimeOffset(l, TimeSpan.Zero)));
            return false;
        }

        return true;
    }

    private static readonly TimeSpan Skew = TimeSpan.FromMinutes(2);

    /// <summary>When an entry or a correction says it happened; null when absent (and then "required" if it must be there).</summary>
    public DateTimeOffset? OccurredAt(string? text, CustodyRecord record, Validator v, bool required, DateTimeOffset? detainedAt = null)
    {
        if (text is null)
        {
            if (required)
            {
                v.Fail("occurredAt", "required");
            }

            return null;
        }

        if (!EntryData.TryInstant(text, out var at))
        {
            v.Fail("occurredAt", "instant-required");
            return null;
        }

        if (at > clock.GetUtcNow() + Skew)
        {
            v.Fail("occurredAt", "not-in-future");
        }
        else if (at < (detainedAt ?? RecordReader.Utc(record.DetainedAt)))
        {
            v.Fail("occurredAt", "not-before-detention");
        }

        return at;
    }

    /// <summary>When a release or transfer happened: it may not precede the person's arrival.</summary>
    public DateTimeOffset ClosedAt(string? text, CustodyRecord record, Validator v)
    {
        DateTimeOffset occurredAt = default;
        if (text is null)
        {
            v.Fail("occurredAt", "required");
        }
        else if (!EntryData.TryInstant(text, out occurredAt))
        {
            v.Fail("occurredAt", "instant-required");
        }
        else if (occurredAt > clock.GetUtcNow() + Skew)
        {
            v.Fail("occurredAt", "not-in-future");
        }
        else if (occurredAt < RecordReader.Utc(record.ArrivedAt))
        {
            v.Fail("occurredAt", "not-before-arrival");
        }

        return occurredAt;
    }

    public static VideoClip? Video(VideoInput? video, Validator v)
    {
        if (video is null)
        {
            return null;
        }

        if (video.NotAnObject)
        {
            v.Fail("video", "object-required");
            return null;
        }

        v.Required("video.cameraId", video.CameraId, 100);
        var from = VideoInstant(video.From, "video.from", v);
        var to = VideoInstant(video.To, "video.to", v);
        if (from is { } a && to is { } b && (b < a || b - a > TimeSpan.FromHours(24)))
        {
            v.Fail("video.to", "video-range");
        }

        return video.CameraId is null ? null : new VideoClip(video.CameraId.Trim(), from, to, video.Audio);
    }

    private static DateTimeOffset? VideoInstant(string? text, string field, Validator v)
    {
        if (text is null)
        {
            return null;
        }

        if (EntryData.TryInstant(text, out var at))
        {
            return at;
        }

        v.Fail(field, "instant-required");
        return null;
    }

    /// <summary>Whether property was handed back on leaving; when it was not, the discrepancy must be described.</summary>
    public static void PropertyReturned(JsonObject data, Validator v)
    {
        if (EntryData.Bool(data, "propertyReturned") == false && EntryData.Text(data, "propertyDiscrepancy") is null)
        {
            v.Fail("propertyDiscrepancy", "required-when-property-not-returned");
        }
    }

    /// <summary>The booking as corrected: detained no later than delivered, and the basis with what it requires.</summary>
    private void BookingRules(JsonObject data, DateTimeOffset? arrivedAt, Validator v)
    {
        if (EntryData.Instant(data, "detainedAt") is { } detainedAt)
        {
            if (detainedAt > clock.GetUtcNow() + Skew)
            {
                v.Fail("detainedAt", "not-in-future");
            }
            else if (arrivedAt is { } arrived && detainedAt > arrived)
            {
                v.Fail("detainedAt", "not-after-arrival", KyivTime.Format(arrived));
            }
        }

        var basis = EntryData.Text(data, "legalBasis");
        if (basis == LegalBases.Other && EntryData.Text(data, "legalBasisDetail") is null)
        {
            v.Fail("legalBasisDetail", "required");
        }

        var proceedings = EntryData.Text(data, "proceedingsNumber");
        if (basis == LegalBases.CourtOrder && proceedings is null)
        {
            v.Fail("proceedingsNumber", "required-for-court-order");
        }
        else if (proceedings is not null && !LegalBases.IsProceedingsNumber(proceedings))
        {
            v.Fail("proceedingsNumber", "proceedings-format");
        }

        if (basis == LegalBases.Coao262 && EntryData.Text(data, "administrativeException") is { } ex
            && options.Value.AdministrativeExceptions.All(e => e.Code != ex))
        {
            v.Fail("administrativeException", "one-of", string.Join(", ", options.Value.AdministrativeExceptions.Select(e => e.Code)));
        }
    }

    /// <summary>Rules between an entry's fields and the record, checked on the entry as it will stand (after a correction too).</summary>
    public void CrossFieldRules(string type, JsonObject data, CustodyRecord record, DateTimeOffset? occurredAt, Validator v)
    {
        switch (type)
        {
            case EntryCatalog.BookingIn:
                BookingRules(data, occurredAt, v);
                break;
            case EntryCatalog.RelativesNotified when record.IsMinor && EntryData.Text(data, "contactKind") is null:
                // A minor's parents must be told (CPC art. 213): say whether this contact is a parent or representative.
                v.Fail("contactKind", "contact-kind-required-for-minor");
                break;
            case EntryCatalog.MedicalExamination when EntryData.Bool(data, "injuriesFound") == true && EntryData.Text(data, "injuriesDescription") is null:
                v.Fail("injuriesDescription", "required-when-injuries");
                break;
            case EntryCatalog.LegalAidNotified or EntryCatalog.RelativesNotified when occurredAt is { } at
                && at - RecordReader.Utc(record.DetainedAt) > options.Value.NotificationThreshold:
                if (EntryData.Text(data, "delayReason") is null)
                {
                    v.Fail("delayReason", "delay-reason-required", (int)options.Value.NotificationThreshold.TotalMinutes);
                }

                if (EntryData.Text(data, "delayAuthorisedBy") is null)
                {
                    v.Fail("delayAuthorisedBy", "delay-reason-required", (int)options.Value.NotificationThreshold.TotalMinutes);
                }

                break;
            case EntryCatalog.WelfareCheck when record.ObservationLevel >= 2 && EntryData.Bool(data, "roused") is null:
                v.Fail("roused", "rousing-required", record.ObservationLevel);
                break;
            case EntryCatalog.UseOfForce when EntryData.Bool(data, "injuries") == true && EntryData.Bool(data, "medicalExamOffered") != true:
                v.Fail("medicalExamOffered", "medical-after-injury");
                break;
        }
    }
}
