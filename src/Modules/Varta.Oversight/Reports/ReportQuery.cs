using System.Globalization;
using System.Security.Claims;
using System.Text.Json;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Varta.Custody.Contracts;
using Varta.Oversight.Contracts;
using Varta.Oversight.Data;
using Varta.Platform.Audit;
using Varta.Platform.Http;
using Varta.Platform.Identity;
using Varta.Platform.Localization;
using Varta.Platform.Organisation;
using Varta.Platform.Persistence;

namespace Varta.Oversight.Reports;

/// <summary>
/// The reports over a facility or a region and a period of Kyiv days: custody's figures (counted by custody) beside the
/// inspectors' own (review items and findings), per facility the caller may read, with a total.
/// </summary>
internal sealed class ReportQuery(VartaDbContext db, IAuthorizationService authorization, OrgDirectory org, ICustodyStatistics custody,
    IOptions<OversightOptions> options, IAuditLog audit, Loc loc)
{
    public const string DateFormat = "yyyy-MM-dd";

    /// <summary>
    /// The report; 400 for a period that is not one (each field with the rule it breaks), 404 for a unit that is unknown
    /// or outside the caller's scope (not told apart).
    /// </summary>
    public async Task<Outcome<ReportDto>> ReadAsync(ClaimsPrincipal user, string? unit, string? from, string? to, CancellationToken ct)
    {
        var v = new Validator(loc);
        if (string.IsNullOrWhiteSpace(unit))
        {
            v.Fail("unit", "required");
        }

        var period = Period(v, from, to, options.Value.ReportMaxDays);
        if (!v.IsValid)
        {
            return Outcome<ReportDto>.Invalid(v);
        }

        var node = Guid.TryParse(unit, out var unitId) ? org.Current.Find(unitId) : null;
        if (node is null || (node.Kind == OrgUnitKind.Site && node.SiteKind != SiteKinds.DetentionFacility)
            || !await authorization.AllowsAsync(user, OversightPolicies.ReadReports, unitId))
        {
            return Outcome<ReportDto>.NotFound();
        }

        var facilities = (await authorization.SitesAsync(user, OversightPolicies.ReadReports, org.Current, SiteKinds.DetentionFacility))
            .Where(s => org.Current.IsWithin(s.Id, unitId)).ToList();
        var ids = facilities.Select(f => f.Id).ToList();
        var (start, end) = period!.Value;
        var figures = await custody.ReadAsync(ids, start, end, ct);
        var review = await ReviewFiguresAsync(ids, start.UtcDateTime, end.UtcDateTime, ct);

        var rows = figures.Facilities.Select(f => Row(f.FacilityId, org.Current.Find(f.FacilityId)?.DisplayName ?? "", f.Figures,
                review.GetValueOrDefault(f.FacilityId) ?? ReviewFigures.None))
            .OrderBy(r => r.Name, StringComparer.CurrentCulture).ToList();
        var total = Row(null, loc["oversight.report.total"], figures.Total, new ReviewFigures(
            rows.Sum(r => r.ItemsOpened), rows.Sum(r => r.ItemsClosed), rows.Sum(r => r.FindingsRecorded), rows.Sum(r => r.FindingsActedOn)));
        var fromText = from!.Trim();
        var toText = to!.Trim();
        await audit.AppendAsync(new AuditRecord
        {
            Action = "oversight.report.read",
            Category = AuditCategory.Read,
            ResourceType = "oversight-report",
            OrgUnitId = unitId,
            Details = JsonSerializer.Serialize(new { from = fromText, to = toText, facilities = ids.Count }),
        }, ct);
        return Outcome<ReportDto>.Ok(new ReportDto(unitId, node.DisplayName, fromText, toText, figures.LegalAidThresholdMinutes, rows, total));
    }

    /// <summary>The units the caller may ask a report for: the detention facilities they may read and the units above them in their scope.</summary>
    public async Task<IReadOnlyList<ReportUnitDto>> UnitsAsync(ClaimsPrincipal user)
    {
        var facilities = await authorization.SitesAsync(user, OversightPolicies.ReadReports, org.Current, SiteKinds.DetentionFacility);
        var above = new List<OrgNode>();
        foreach (var parentId in facilities.SelectMany(f => Ancestors(f.Id)).Distinct())
        {
            if (org.Current.Find(parentId) is { } parent && await authorization.AllowsAsync(user, OversightPolicies.ReadReports, parentId))
            {
                above.Add(parent);
            }
        }

        return above.OrderBy(u => org.Current.PathOf(u.Id), StringComparer.CurrentCulture).Select(u => new ReportUnitDto(u.Id, org.Current.PathOf(u.Id), false))
            .Concat(facilities.OrderBy(f => f.DisplayName, StringComparer.CurrentCulture).Select(f => new ReportUnitDto(f.Id, f.DisplayName, true)))
            .ToList();
    }

    /// <summary>
    /// The period as instants: from the start of the first Kyiv day to the start of the day after the last. Both dates
    /// are required (yyyy-MM-dd), the first not after the last, and at most <paramref name="maxDays"/> days in all.
    /// </summary>
    public static (DateTimeOffset From, DateTimeOffset To)? Period(Validator v, string? from, string? to, int maxDays)
    {
        var first = Date(v, "from", from);
        var last = Date(v, "to", to);
        if (first is not { } f || last is not { } l)
        {
            return null;
        }

        if (l < f)
        {
            v.Fail("to", "oversight.period-order");
            return null;
        }

        if (l.DayNumber - f.DayNumber + 1 > maxDays)
        {
            v.Fail("to", "oversight.period-too-long", maxDays);
            return null;
        }

        return (KyivTime.StartOf(f), KyivTime.StartOf(l.AddDays(1)));
    }

    private static DateOnly? Date(Validator v, string field, string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            v.Fail(field, "required");
            return null;
        }

        // Years 2000–2099: a report on custody records, and no overflow at the day after the last.
        if (!DateOnly.TryParseExact(text.Trim(), DateFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) || date.Year is < 2000 or > 2099)
        {
            v.Fail(field, "oversight.report-date");
            return null;
        }

        return date;
    }

    private IEnumerable<Guid> Ancestors(Guid id)
    {
        for (var n = org.Current.Find(id)?.ParentId is { } p ? org.Current.Find(p) : null; n is not null; n = n.ParentId is { } q ? org.Current.Find(q) : null)
        {
            yield return n.Id;
        }
    }

    /// <summary>The inspectors' figures per facility, counted in the database.</summary>
    private async Task<Dictionary<Guid, ReviewFigures>> ReviewFiguresAsync(List<Guid> ids, DateTime start, DateTime end, CancellationToken ct)
    {
        var items = db.Set<ReviewItem>().AsNoTracking();
        var opened = await items.Where(i => ids.Contains(i.FacilityId) && i.QueuedAt >= start && i.QueuedAt < end)
            .GroupBy(i => i.FacilityId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, ct);
        var closed = await items.Where(i => ids.Contains(i.FacilityId) && i.ClosedAt >= start && i.ClosedAt < end)
            .GroupBy(i => i.FacilityId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, ct);
        var recorded = await (from f in db.Set<Finding>().AsNoTracking()
                              join i in items on f.ItemId equals i.Id
                              where f.RecordedAt >= start && f.RecordedAt < end && ids.Contains(i.FacilityId)
                              group f by i.FacilityId into g
                              select new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, ct);
        var acted = await (from f in db.Set<Finding>().AsNoTracking()
                           join i in items on f.ItemId equals i.Id
                           where f.ActedAt >= start && f.ActedAt < end && ids.Contains(i.FacilityId)
                           group f by i.FacilityId into g
                           select new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, ct);
        return ids.ToDictionary(id => id, id => new ReviewFigures(opened.GetValueOrDefault(id), closed.GetValueOrDefault(id), recorded.GetValueOrDefault(id),
            acted.GetValueOrDefault(id)));
    }

    private static ReportRowDto Row(Guid? facilityId, string name, CustodyFigures c, ReviewFigures r) => new(
        facilityId, name, c.Detentions, c.Closed, c.MedianMinutesInCustody, c.MaxMinutesInCustody, c.LegalAidWithinThreshold, c.LegalAidNotifiedOrDue,
        c.LegalAidNotifiedOrDue == 0 ? null : Math.Round((double)c.LegalAidWithinThreshold / c.LegalAidNotifiedOrDue, 3),
        c.ChecksMissed, c.InjuriesOnArrival, c.Complaints, c.UseOfForce, c.Corrections, r.Opened, r.Closed, r.Recorded, r.ActedOn);

    private sealed record ReviewFigures(int Opened, int Closed, int Recorded, int ActedOn)
    {
        public static readonly ReviewFigures None = new(0, 0, 0, 0);
    }
}
