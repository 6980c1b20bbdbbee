using System.Globalization;
using System.Security.Claims;
using System.Text.Json;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using Varta.Custody.Data;
using Varta.Custody.Records;
using Varta.Platform.Audit;
using Varta.Platform.Http;
using Varta.Platform.Identity;
using Varta.Platform.Localization;
using Varta.Platform.Organisation;
using Varta.Platform.Persistence;

namespace Varta.Custody.SearchRecords;

internal sealed record SearchHitDto(Guid RecordId, string Number, Guid PersonId, string PersonName, DateOnly DateOfBirth, string FacilityName,
    string Status, DateTimeOffset DetainedAt, string? ProceedingsNumber);

/// <summary>Finds records by name, date of birth, record number or proceedings number, within the caller's scope.</summary>
internal sealed class SearchQuery(VartaDbContext db, IAuthorizationService authorization, OrgDirectory org, IAuditLog audit, Loc loc)
{
    public async Task<Outcome<IReadOnlyList<SearchHitDto>>> SearchAsync(ClaimsPrincipal user, string? q, string? dateOfBirth, Guid? personId, CancellationToken ct)
    {
        var v = new Validator(loc).MaxLength("q", q, 100);
        DateOnly? born = null;
        if (!string.IsNullOrWhiteSpace(dateOfBirth))
        {
            if (DateOnly.TryParseExact(dateOfBirth, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
            {
                born = d;
            }
            else
            {
                v.Fail("dateOfBirth", "date-required");
            }
        }

        var text = q?.Trim() ?? "";
        if (text.Length is > 0 and < 2)
        {
            v.Fail("q", "min-length", 2);
        }

        if (text.Length == 0 && born is null && personId is null)
        {
            v.Fail("q", "required");
        }

        if (!v.IsValid)
        {
            return Outcome<IReadOnlyList<SearchHitDto>>.Invalid(v);
        }

        var facilities = (await authorization.SitesAsync(user, CustodyPolicies.Search, org.Current, SiteKinds.DetentionFacility)).Select(s => s.Id).ToList();
        var query = from r in db.Set<CustodyRecord>().AsNoTracking()
                    join p in db.Set<Person>().AsNoTracking() on r.PersonId equals p.Id
                    where facilities.Contains(r.FacilityId)
                    select new { r, p };
        if (personId is { } pid)
        {
            query = query.Where(x => x.p.Id == pid);
        }

        if (born is { } b)
        {
            query = query.Where(x => x.p.DateOfBirth == b);
        }

        if (text.Length > 0)
        {
            var upper = text.ToUpperInvariant();
            query = query.Where(x => x.p.SearchKey.StartsWith(upper) || x.p.Surname.ToUpper().StartsWith(upper)
                || x.r.Number == text || x.r.ProceedingsNumber == text);
        }

        var rows = await query.OrderByDescending(x => x.r.DetainedAt).Take(50).ToListAsync(ct);
        await audit.AppendAsync(new AuditRecord
        {
            Action = "custody.search",
            Category = AuditCategory.Read,
            ResourceType = "custody-record",
            Details = JsonSerializer.Serialize(new { q = text, dateOfBirth, personId, hits = rows.Count }),
        }, ct);
        return Outcome<IReadOnlyList<SearchHitDto>>.Ok(rows.Select(x => new SearchHitDto(x.r.Id, x.r.Number, x.p.Id, RecordReader.ToDto(x.p).FullName,
            x.p.DateOfBirth, org.Current.Find(x.r.FacilityId)?.DisplayName ?? "", x.r.Status, RecordReader.Utc(x.r.DetainedAt), x.r.ProceedingsNumber)).ToList());
    }
}
