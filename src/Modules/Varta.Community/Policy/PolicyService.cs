using System.Globalization;
using System.Security.Claims;
using System.Text.Json;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using Varta.Community.Data;
using Varta.Community.Territories;
using Varta.Platform.Audit;
using Varta.Platform.Http;
using Varta.Platform.Identity;
using Varta.Platform.Localization;
using Varta.Platform.Organisation;
using Varta.Platform.Persistence;

namespace Varta.Community.Policy;

internal sealed record IndicatorImportDto(int Values, int Territories, IReadOnlyList<int> Years);

/// <param name="Label">The indicator's name in the caller's language where Varta knows the code, else the code as imported.</param>
internal sealed record IndicatorLineDto(string Indicator, int Year, double Value, double? Per10k, double? ChangePercent, string Source, string Label);

internal sealed record IndicatorsDto(string Territory, string Name, int? Population, IReadOnlyList<IndicatorLineDto> Values);

internal sealed record RecommendationRequest(Guid? UnitId, string? TerritoryCode, Guid? SurveyId, string? Title, string? Description, string? TargetGroup, string? Owner,
    string? Deadline, string? Indicator, double? Baseline, double? Target);

internal sealed record UpdateRequest(string? On, string? Status, double? Value, string? Note, int? Version);

internal sealed record RecommendationDto(Guid Id, Guid UnitId, string TerritoryCode, string Territory, string Title, string Description, string TargetGroup, string Owner,
    string Deadline, string Indicator, double Baseline, double Target, string Status, double? LatestValue, string? LatestOn, string State, double? ProgressPercent,
    IReadOnlyList<UpdateDto> Updates, int Version);

internal sealed record UpdateDto(string On, string Status, double? Value, string Note, string By);

internal sealed record OverviewLineDto(string TerritoryCode, string Name, int OnTrack, int Late, int Achieved, int Dropped, int Total);

/// <summary>
/// The security situation of a territory (indicators per 10,000 residents, with the change from the year before) and
/// its local security policy: SMART recommendations tracked to their outcome, and an overview of which are on track,
/// late or achieved per hromada and oblast.
/// </summary>
internal sealed class PolicyService(VartaDbContext db, IAuthorizationService authorization, OrgDirectory org, IAuditLog audit, TimeProvider clock, Loc loc)
{
    public static readonly string[] TargetGroups = ["all", "women", "men", "children", "youth", "elderly", "vulnerable"];
    public static readonly string[] Statuses = ["planned", "in-progress", "achieved", "dropped"];

    /// <summary>Indicator values from CSV (katotth, year, indicator, value[, source]): any bad cell → 400 naming its row and column, nothing stored.</summary>
    public async Task<Outcome<IndicatorImportDto>> ImportIndicatorsAsync(Stream file, CancellationToken ct)
    {
        var rows = TableFile.ReadCsv(file);
        var errors = new List<ImportError>();
        var values = new List<IndicatorValue>();
        if (rows.Count == 0)
        {
            errors.Add(new ImportError(null, 1, "", "the file is empty.", "файл порожній."));
        }
        else
        {
            var header = rows[0].Select(h => h.Trim().ToLowerInvariant()).ToList();
            var (code, year, indicator, value, source) = (header.IndexOf("katotth"), header.IndexOf("year"), header.IndexOf("indicator"), header.IndexOf("value"), header.IndexOf("source"));
            if (code < 0 || year < 0 || indicator < 0 || value < 0)
            {
                errors.Add(new ImportError(null, 1, "", "the header must name the columns katotth, year, indicator and value.", "заголовок має містити стовпці katotth, year, indicator і value."));
            }
            else
            {
                var known = (await db.Set<Territory>().AsNoTracking().Where(t => t.RetiredAt == null).Select(t => t.Code).ToListAsync(ct)).ToHashSet(StringComparer.Ordinal);
                var seen = new HashSet<(string, int, string)>();
                for (var r = 1; r < rows.Count; r++)
                {
                    var row = rows[r];
                    string Cell(int i) => i >= 0 && i < row.Count ? row[i].Trim() : "";
                    if (row.All(string.IsNullOrWhiteSpace))
                    {
                        continue;
                    }

                    var before = errors.Count;
                    var c = Cell(code).ToUpperInvariant();
                    if (!known.Contains(c))
                    {
                        errors.Add(new ImportError(null, r + 1, rows[0][code], $"\"{c}\" is not a territory of the codifier.", $"«{c}» немає в кодифікаторі."));
                    }

                    if (!int.TryParse(Cell(year), NumberStyles.None, CultureInfo.InvariantCulture, out var y) || y is < 1990 or > 2100)
                    {
                        errors.Add(new ImportError(null, r + 1, rows[0][year], "the year must be a whole number between 1990 and 2100.", "рік — ціле число від 1990 до 2100."));
                    }

                    var name = Cell(indicator);
                    if (name.Length is 0 or > 60)
                    {
                        errors.Add(new ImportError(null, r + 1, rows[0][indicator], "the indicator is missing or longer than 60 characters.", "показник відсутній або довший за 60 символів."));
                    }

                    if (!double.TryParse(Cell(value).Replace(',', '.'), NumberStyles.Float, CultureInfo.InvariantCulture, out var v) || v < 0 || double.IsInfinity(v))
                    {
                        errors.Add(new ImportError(null, r + 1, rows[0][value], "the value must be a number of 0 or more.", "значення — число, не менше 0."));
                    }

                    if (errors.Count == before && !seen.Add((c, y, name)))
                    {
                        errors.Add(new ImportError(null, r + 1, rows[0][indicator], "this territory, year and indicator are already given above.", "цю територію, рік і показник уже наведено вище."));
                    }

                    if (errors.Count == before)
                    {
                        values.Add(new IndicatorValue { TerritoryCode = c, Year = y, Indicator = name, Value = v, Source = Cell(source) is { Length: <= 200 } s ? s : "" });
                    }
                }
            }
        }

        if (errors.Count > 0 || values.Count == 0)
        {
            var v = new Validator(loc);
            foreach (var e in errors.DefaultIfEmpty(new ImportError(null, 2, "", "the file holds no value.", "у файлі немає жодного значення.")).Take(100))
            {
                v.Fail("file", "community.import-error", e.Message(Loc.IsEnglish));
            }

            return Outcome<IndicatorImportDto>.Invalid(v);
        }

        var keys = values.Select(x => (x.TerritoryCode, x.Year, x.Indicator)).ToHashSet();
        var territories = values.Select(x => x.TerritoryCode).Distinct().ToList();
        var stored = await db.Set<IndicatorValue>().Where(i => territories.Contains(i.TerritoryCode)).ToListAsync(ct);
        db.RemoveRange(stored.Where(s => keys.Contains((s.TerritoryCode, s.Year, s.Indicator))));
        await db.SaveChangesAsync(ct);
        db.AddRange(values);
        audit.Record(new AuditRecord
        {
            Action = "community.indicators.imported", ResourceType = "community-indicators",
            Details = JsonSerializer.Serialize(new { values = values.Count, territories = territories.Count }),
        });
        await db.SaveChangesAsync(ct);
        return Outcome<IndicatorImportDto>.Ok(new IndicatorImportDto(values.Count, territories.Count, [.. values.Select(x => x.Year).Distinct().Order()]));
    }

    /// <summary>Residents of a territory: its own population cells (a hromada) or the sum over the hromadas within it, latest year up to <paramref name="year"/>.</summary>
    private async Task<int?> PopulationAsync(Territory t, int year, CancellationToken ct)
    {
        var hromadas = t.Level switch
        {
            "oblast" => db.Set<Territory>().Where(x => x.OblastCode == t.Code && x.HromadaCode == x.Code).Select(x => x.Code),
            "raion" => db.Set<Territory>().Where(x => x.ParentCode == t.Code && x.HromadaCode == x.Code).Select(x => x.Code),
            _ => db.Set<Territory>().Where(x => x.Code == (t.HromadaCode ?? t.Code)).Select(x => x.Code),
        };
        var cells = await db.Set<PopulationCell>().AsNoTracking().Where(p => hromadas.Contains(p.HromadaCode) && p.Year <= year).ToListAsync(ct);
        if (cells.Count == 0)
        {
            return null;
        }

        return cells.GroupBy(c => c.HromadaCode).Sum(g => g.Where(c => c.Year == g.Max(x => x.Year)).Sum(c => c.Count));
    }

    /// <summary>A territory's indicators by year, per 10,000 residents and as a change from the year before: 400 for a malformed code, 404 for an unknown one.</summary>
    public async Task<Outcome<IndicatorsDto>> IndicatorsAsync(string code, CancellationToken ct)
    {
        if (!Codifier.IsCode(code))
        {
            return Outcome<IndicatorsDto>.Invalid(new Validator(loc).Fail("code", "community.katotth"));
        }

        var t = await db.Set<Territory>().AsNoTracking().FirstOrDefaultAsync(x => x.Code == code, ct);
        if (t is null)
        {
            return Outcome<IndicatorsDto>.NotFound();
        }

        var values = await db.Set<IndicatorValue>().AsNoTracking().Where(i => i.TerritoryCode == code).OrderBy(i => i.Indicator).ThenBy(i => i.Year).ToListAsync(ct);
        var populations = new Dictionary<int, int?>();
        foreach (var y in values.Select(v => v.Year).Distinct())
        {
            populations[y] = await PopulationAsync(t, y, ct);
        }

        var lines = values.Select(v =>
        {
            var previous = values.FirstOrDefault(p => p.Indicator == v.Indicator && p.Year == v.Year - 1);
            var population = populations[v.Year];
            return new IndicatorLineDto(v.Indicator, v.Year, v.Value, population is > 0 ? Math.Round(v.Value / population.Value * 10_000, 2) : null,
                previous is { Value: > 0 } ? Math.Round((v.Value - previous.Value) / previous.Value * 100, 1) : null, v.Source,
                loc.Has("community.indicator." + v.Indicator) ? loc["community.indicator." + v.Indicator] : v.Indicator);
        }).ToList();
        var latest = values.Count == 0 ? clock.GetUtcNow().Year : values.Max(v => v.Year);
        return Outcome<IndicatorsDto>.Ok(new IndicatorsDto(t.Code, t.Name, populations.GetValueOrDefault(latest) ?? await PopulationAsync(t, latest, ct), lines));
    }

    private static DateOnly? Day(Validator v, string field, string? text, bool required = true)
    {
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            return day;
        }

        if (required || !string.IsNullOrWhiteSpace(text))
        {
            v.Fail(field, "community.date");
        }

        return null;
    }

    /// <summary>
    /// Writes a recommendation (SMART: owner, deadline, indicator, baseline, target, target group): 400 naming the fields,
    /// 400 for a territory not in the codifier, 404 for a unit outside the coordinator's scope.
    /// </summary>
    public async Task<Outcome<RecommendationDto>> CreateAsync(ClaimsPrincipal user, RecommendationRequest r, CancellationToken ct)
    {
        var v = new Validator(loc).Required("unitId", r.UnitId).Required("title", r.Title, 300).MaxLength("description", r.Description, 4000)
            .Required("owner", r.Owner, 200).Required("indicator", r.Indicator, 200).OneOf("targetGroup", r.TargetGroup, TargetGroups);
        var deadline = Day(v, "deadline", r.Deadline);
        if (r.Baseline is null || !double.IsFinite(r.Baseline.Value))
        {
            v.Fail("baseline", "community.number");
        }

        if (r.Target is null || !double.IsFinite(r.Target.Value))
        {
            v.Fail("target", "community.number");
        }
        else if (r.Baseline == r.Target)
        {
            v.Fail("target", "community.target-equals-baseline");
        }

        var territory = Codifier.IsCode(r.TerritoryCode) ? await db.Set<Territory>().AsNoTracking().FirstOrDefaultAsync(t => t.Code == r.TerritoryCode && t.RetiredAt == null, ct) : null;
        if (territory is null)
        {
            v.Fail("territoryCode", "community.unknown-territory");
        }

        if (!v.IsValid)
        {
            return Outcome<RecommendationDto>.Invalid(v);
        }

        if (org.Current.Find(r.UnitId!.Value) is null || !await authorization.AllowsAsync(user, CommunityPolicies.ManageSurveys, r.UnitId.Value))
        {
            return Outcome<RecommendationDto>.NotFound();
        }

        var now = clock.GetUtcNow();
        var rec = new Recommendation
        {
            Id = Guid.CreateVersion7(now), UnitId = r.UnitId.Value, TerritoryCode = territory!.Code, OblastCode = territory.OblastCode, SurveyId = r.SurveyId,
            Title = r.Title!.Trim(), Description = r.Description?.Trim() ?? "", TargetGroup = r.TargetGroup!, Owner = r.Owner!.Trim(), Deadline = deadline!.Value,
            Indicator = r.Indicator!.Trim(), Baseline = r.Baseline!.Value, Target = r.Target!.Value, Status = "planned", Version = 1,
        };
        db.Add(rec);
        audit.Record(new AuditRecord
        {
            Action = "community.recommendation.created", ResourceType = "community-recommendation", ResourceId = rec.Id.ToString(), OrgUnitId = rec.UnitId,
            Details = JsonSerializer.Serialize(new { rec.TerritoryCode, rec.Deadline, rec.TargetGroup }),
        });
        await db.SaveChangesAsync(ct);
        return Outcome<RecommendationDto>.Ok(Dto(rec, territory.Name, [], KyivTime.DayOf(now)));
    }

    /// <summary>A dated status update with the indicator's latest value: 400 naming the fields, 404 outside scope, 409 when changed since read or already closed.</summary>
    public async Task<Outcome<RecommendationDto>> UpdateAsync(ClaimsPrincipal user, Guid id, UpdateRequest r, CancellationToken ct)
    {
        var rec = await db.Set<Recommendation>().FirstOrDefaultAsync(x => x.Id == id, ct);
        if (rec is null || !await authorization.AllowsAsync(user, CommunityPolicies.ManageSurveys, rec.UnitId))
        {
            return Outcome<RecommendationDto>.NotFound();
        }

        var v = new Validator(loc).OneOf("status", r.Status, Statuses).MaxLength("note", r.Note, 2000);
        var today = KyivTime.DayOf(clock.GetUtcNow());
        var on = Day(v, "on", r.On);
        if (on > today)
        {
            v.Fail("on", "community.future-date");
        }

        if (r.Value is { } value && !double.IsFinite(value))
        {
            v.Fail("value", "community.number");
        }

        if (!v.IsValid)
        {
            return Outcome<RecommendationDto>.Invalid(v);
        }

        if (r.Version is { } expected && expected != rec.Version)
        {
            return Outcome<RecommendationDto>.Conflict("community.recommendation-changed");
        }

        if (rec.Status is "achieved" or "dropped")
        {
            return Outcome<RecommendationDto>.Conflict("community.recommendation-closed");
        }

        db.Add(new RecommendationUpdate { Id = Guid.CreateVersion7(clock.GetUtcNow()), RecommendationId = id, On = on!.Value, Status = r.Status!, Value = r.Value, Note = r.Note?.Trim() ?? "" });
        rec.Status = r.Status!;
        if (r.Value is not null)
        {
            (rec.LatestValue, rec.LatestOn) = (r.Value, on);
        }

        rec.Version++;
        audit.Record(new AuditRecord
        {
            Action = "community.recommendation.updated", ResourceType = "community-recommendation", ResourceId = id.ToString(), OrgUnitId = rec.UnitId,
            Details = JsonSerializer.Serialize(new { rec.Status, r.Value }),
        });
        await db.SaveChangesAsync(ct);
        return await GetAsync(user, id, ct);
    }

    public async Task<Outcome<RecommendationDto>> GetAsync(ClaimsPrincipal user, Guid id, CancellationToken ct)
    {
        var rec = await db.Set<Recommendation>().AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct);
        if (rec is null || !await authorization.AllowsAsync(user, CommunityPolicies.ReadSurveys, rec.UnitId))
        {
            return Outcome<RecommendationDto>.NotFound();
        }

        var updates = await db.Set<RecommendationUpdate>().AsNoTracking().Where(u => u.RecommendationId == id).OrderBy(u => u.On).ThenBy(u => u.RecordedAt).ToListAsync(ct);
        var name = await db.Set<Territory>().AsNoTracking().Where(t => t.Code == rec.TerritoryCode).Select(t => t.Name).FirstOrDefaultAsync(ct) ?? "";
        return Outcome<RecommendationDto>.Ok(Dto(rec, name, updates, KyivTime.DayOf(clock.GetUtcNow())));
    }

    /// <summary>
    /// Where a recommendation stands: achieved or dropped as recorded; late once its deadline has passed without it
    /// being achieved; otherwise on track. Progress is the share of the way from baseline to target the latest value covers.
    /// </summary>
    public static string StateOf(Recommendation r, DateOnly today) => r.Status switch
    {
        "achieved" => "achieved",
        "dropped" => "dropped",
        _ => r.Deadline < today ? "late" : "on-track",
    };

    private static RecommendationDto Dto(Recommendation r, string territory, IReadOnlyList<RecommendationUpdate> updates, DateOnly today) =>
        new(r.Id, r.UnitId, r.TerritoryCode, territory, r.Title, r.Description, r.TargetGroup, r.Owner, r.Deadline.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            r.Indicator, r.Baseline, r.Target, r.Status, r.LatestValue, r.LatestOn?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), StateOf(r, today),
            r.LatestValue is { } latest && r.Target != r.Baseline ? Math.Round((latest - r.Baseline) / (r.Target - r.Baseline) * 100, 1) : null,
            [.. updates.Select(u => new UpdateDto(u.On.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), u.Status, u.Value, u.Note, u.RecordedBy))], r.Version);

    /// <summary>The recommendations of the caller's units, optionally of one territory (and below it), latest deadline last.</summary>
    public async Task<IReadOnlyList<RecommendationDto>> ListAsync(ClaimsPrincipal user, string? territory, CancellationToken ct)
    {
        var query = db.Set<Recommendation>().AsNoTracking();
        if (!string.IsNullOrWhiteSpace(territory))
        {
            query = query.Where(r => r.TerritoryCode == territory || r.OblastCode == territory);
        }

        var all = await query.OrderBy(r => r.Deadline).Take(1000).ToListAsync(ct);
        var mine = new List<Recommendation>();
        foreach (var r in all)
        {
            if (await authorization.AllowsAsync(user, CommunityPolicies.ReadSurveys, r.UnitId))
            {
                mine.Add(r);
            }
        }

        var codes = mine.Select(r => r.TerritoryCode).Distinct().ToList();
        var names = await db.Set<Territory>().AsNoTracking().Where(t => codes.Contains(t.Code)).ToDictionaryAsync(t => t.Code, t => t.Name, ct);
        var today = KyivTime.DayOf(clock.GetUtcNow());
        return [.. mine.Select(r => Dto(r, names.GetValueOrDefault(r.TerritoryCode, ""), [], today))];
    }

    /// <summary>How the caller's recommendations stand per territory (hromada or oblast): on track, late, achieved, dropped.</summary>
    public async Task<IReadOnlyList<OverviewLineDto>> OverviewAsync(ClaimsPrincipal user, string by, CancellationToken ct)
    {
        var list = await ListAsync(user, null, ct);
        var oblasts = (await db.Set<Recommendation>().AsNoTracking().Select(r => new { r.Id, r.OblastCode }).ToListAsync(ct)).ToDictionary(x => x.Id, x => x.OblastCode);
        var groups = list.GroupBy(r => by == "oblast" ? oblasts[r.Id] : r.TerritoryCode).ToList();
        var codes = groups.Select(g => g.Key).ToList();
        var names = await db.Set<Territory>().AsNoTracking().Where(t => codes.Contains(t.Code)).ToDictionaryAsync(t => t.Code, t => t.Name, ct);
        return [.. groups.Select(g => new OverviewLineDto(g.Key, names.GetValueOrDefault(g.Key, ""), g.Count(r => r.State == "on-track"), g.Count(r => r.State == "late"),
            g.Count(r => r.State == "achieved"), g.Count(r => r.State == "dropped"), g.Count())).OrderBy(l => l.Name, StringComparer.CurrentCulture)];
    }
}
