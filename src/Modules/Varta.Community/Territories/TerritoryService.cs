using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Varta.Community.Data;
using Varta.Platform.Audit;
using Varta.Platform.Http;
using Varta.Platform.Localization;
using Varta.Platform.Persistence;

namespace Varta.Community.Territories;

internal sealed record TerritoryDto(string Code, string Category, string Level, string Name, string? ParentCode, string OblastCode, string? HromadaCode, bool Retired);

internal sealed record CodifierImportDto(Guid Id, int Rows, int Added, int Changed, int Retired, IReadOnlyList<string> AddedCodes, IReadOnlyList<string> ChangedCodes,
    IReadOnlyList<string> RetiredCodes);

internal sealed record PopulationImportDto(int Cells, int Hromadas, IReadOnlyList<int> Years);

internal sealed record PopulationDto(string HromadaCode, int Year, IReadOnlyList<PopulationCellDto> Cells, int Total);

internal sealed record PopulationCellDto(string Sex, string AgeGroup, int Count);

/// <summary>
/// The territories Community works over: the KATOTTH codifier, imported whole from its published CSV or XLSX (what was added,
/// changed and retired is answered and kept), and the population of each hromada by sex and age group.
/// </summary>
internal sealed class TerritoryService(VartaDbContext db, IAuditLog audit, TimeProvider clock, Loc loc)
{
    public const int MaxFileBytes = 20 * 1024 * 1024;

    private static readonly ImportError NotAWorkbook = new(null, 1, "", "the file looks like an XLSX workbook but does not read as one.",
        "файл схожий на книгу XLSX, але не читається як вона.");

    private Outcome<T> Refused<T>(IEnumerable<ImportError> errors)
    {
        var v = new Validator(loc);
        foreach (var e in errors.Take(100))
        {
            v.Fail("file", "community.import-error", e.Message(Loc.IsEnglish));
        }

        return Outcome<T>.Invalid(v);
    }

    /// <summary>
    /// Imports the whole codifier (CSV, or an XLSX workbook: the first sheet with the codifier's header): any malformed
    /// row → 400 naming each sheet, row and column, nothing changed. Units not in
    /// the file are retired (kept for what refers to them), changed names, categories or parents are updated.
    /// </summary>
    public async Task<Outcome<CodifierImportDto>> ImportCodifierAsync(string fileName, Stream file, CancellationToken ct)
    {
        if (TableFile.Read(file) is not { } tables)
        {
            return Refused<CodifierImportDto>([NotAWorkbook]);
        }

        if (tables.Count == 0)
        {
            return Refused<CodifierImportDto>([new ImportError(null, 1, "", "the workbook has no sheet.", "у книзі немає аркуша.")]);
        }

        // A workbook may hold notes or a legend beside the codifier: the first sheet with the codifier's header is read.
        var table = tables.FirstOrDefault(t => Codifier.HasCodifierHeader(t.Rows)) ?? tables[0];
        var (units, errors) = Codifier.Read(table.Rows, table.Sheet, table.Numbers);
        if (errors.Count > 0)
        {
            return Refused<CodifierImportDto>(errors);
        }

        if (units.Count == 0)
        {
            return Refused<CodifierImportDto>([new ImportError(table.Sheet, 2, "", "the file lists no unit.", "у файлі немає жодної одиниці.")]);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var stored = await db.Set<Territory>().ToDictionaryAsync(t => t.Code, StringComparer.Ordinal, ct);
        List<string> added = [], changed = [], retired = [];
        foreach (var u in units)
        {
            if (!stored.TryGetValue(u.Code, out var t))
            {
                db.Add(new Territory
                {
                    Code = u.Code, Category = u.Category, Level = u.Level, Name = u.Name, ParentCode = u.ParentCode, OblastCode = u.OblastCode, HromadaCode = u.HromadaCode,
                    ChangedAt = now,
                });
                added.Add(u.Code);
            }
            else if (t.Name != u.Name || t.Category != u.Category || t.ParentCode != u.ParentCode || t.RetiredAt is not null || t.HromadaCode != u.HromadaCode)
            {
                (t.Name, t.Category, t.Level, t.ParentCode, t.OblastCode, t.HromadaCode, t.RetiredAt, t.ChangedAt) =
                    (u.Name, u.Category, u.Level, u.ParentCode, u.OblastCode, u.HromadaCode, null, now);
                changed.Add(u.Code);
            }
        }

        var inFile = units.Select(u => u.Code).ToHashSet(StringComparer.Ordinal);
        foreach (var t in stored.Values.Where(t => t.RetiredAt is null && !inFile.Contains(t.Code)))
        {
            t.RetiredAt = now;
            t.ChangedAt = now;
            retired.Add(t.Code);
        }

        var import = new TerritoryImport
        {
            Id = Guid.CreateVersion7(clock.GetUtcNow()), FileName = Path.GetFileName(fileName).Length > 200 ? Path.GetFileName(fileName)[..200] : Path.GetFileName(fileName),
            Rows = units.Count, Added = added.Count, Changed = changed.Count, Retired = retired.Count,
            Details = JsonSerializer.Serialize(new { added = added.Take(500), changed = changed.Take(500), retired = retired.Take(500) }),
        };
        db.Add(import);
        audit.Record(new AuditRecord
        {
            Action = "community.codifier.imported", ResourceType = "community-codifier", ResourceId = import.Id.ToString(),
            Details = JsonSerializer.Serialize(new { import.FileName, import.Rows, import.Added, import.Changed, import.Retired }),
        });
        await db.SaveChangesAsync(ct);
        return Outcome<CodifierImportDto>.Ok(new CodifierImportDto(import.Id, units.Count, added.Count, changed.Count, retired.Count, [.. added.Take(500)], [.. changed.Take(500)],
            [.. retired.Take(500)]));
    }

    /// <summary>Imports population cells; a row naming a code that is not a hromada → 400 naming it; cells given replace those stored.</summary>
    public async Task<Outcome<PopulationImportDto>> ImportPopulationAsync(Stream file, CancellationToken ct)
    {
        var hromadas = (await db.Set<Territory>().AsNoTracking().Where(t => t.RetiredAt == null && t.HromadaCode == t.Code).Select(t => t.Code).ToListAsync(ct))
            .ToHashSet(StringComparer.Ordinal);
        if (TableFile.Read(file) is not { } tables)
        {
            return Refused<PopulationImportDto>([NotAWorkbook]);
        }

        if (tables.Count == 0)
        {
            return Refused<PopulationImportDto>([new ImportError(null, 1, "", "the workbook has no sheet.", "у книзі немає аркуша.")]);
        }

        var table = tables.FirstOrDefault(t => t.Rows.Count > 0) ?? tables[0];
        var (cells, errors) = Codifier.ReadPopulation(table.Rows, hromadas, table.Sheet, table.Numbers);
        if (errors.Count > 0)
        {
            return Refused<PopulationImportDto>(errors);
        }

        if (cells.Count == 0)
        {
            return Refused<PopulationImportDto>([new ImportError(table.Sheet, 2, "", "the file holds no population.", "у файлі немає даних про населення.")]);
        }

        var keys = cells.Select(c => (c.Hromada, c.Year)).Distinct().ToList();
        foreach (var group in keys.GroupBy(k => k.Year))
        {
            var codes = group.Select(g => g.Hromada).ToList();
            db.RemoveRange(await db.Set<PopulationCell>().Where(p => p.Year == group.Key && codes.Contains(p.HromadaCode)).ToListAsync(ct));
        }

        await db.SaveChangesAsync(ct);
        db.AddRange(cells.Select(c => new PopulationCell { HromadaCode = c.Hromada, Year = c.Year, Sex = c.Sex, AgeGroup = c.AgeGroup, Count = c.Count }));
        audit.Record(new AuditRecord
        {
            Action = "community.population.imported", ResourceType = "community-population",
            Details = JsonSerializer.Serialize(new { cells = cells.Count, hromadas = keys.Select(k => k.Hromada).Distinct().Count() }),
        });
        await db.SaveChangesAsync(ct);
        return Outcome<PopulationImportDto>.Ok(new PopulationImportDto(cells.Count, keys.Select(k => k.Hromada).Distinct().Count(), [.. keys.Select(k => k.Year).Distinct().Order()]));
    }

    /// <summary>Territories below a parent (the oblasts when none), or matching a name; retired ones only when asked.</summary>
    public async Task<IReadOnlyList<TerritoryDto>> ListAsync(string? parent, string? level, string? q, bool retired, CancellationToken ct)
    {
        var query = db.Set<Territory>().AsNoTracking();
        if (!retired)
        {
            query = query.Where(t => t.RetiredAt == null);
        }

        if (!string.IsNullOrWhiteSpace(q))
        {
            var text = q.Trim();
            query = query.Where(t => t.Name.Contains(text) || t.Code == text.ToUpper());
        }
        else if (!string.IsNullOrWhiteSpace(parent))
        {
            query = query.Where(t => t.ParentCode == parent);
        }
        else if (string.IsNullOrWhiteSpace(level))
        {
            query = query.Where(t => t.Level == "oblast");
        }

        if (!string.IsNullOrWhiteSpace(level))
        {
            query = query.Where(t => t.Level == level);
        }

        return (await query.OrderBy(t => t.Name).Take(500).ToListAsync(ct)).Select(ToDto).ToList();
    }

    public static TerritoryDto ToDto(Territory t) => new(t.Code, t.Category, t.Level, t.Name, t.ParentCode, t.OblastCode, t.HromadaCode, t.RetiredAt is not null);

    /// <summary>One territory by code: 400 for a malformed code, 404 for an unknown one.</summary>
    public async Task<Outcome<TerritoryDto>> GetAsync(string code, CancellationToken ct)
    {
        if (!Codifier.IsCode(code))
        {
            return Outcome<TerritoryDto>.Invalid(new Validator(loc).Fail("code", "community.katotth"));
        }

        var t = await db.Set<Territory>().AsNoTracking().FirstOrDefaultAsync(x => x.Code == code, ct);
        return t is null ? Outcome<TerritoryDto>.NotFound() : Outcome<TerritoryDto>.Ok(ToDto(t));
    }

    /// <summary>A hromada's population by sex and age group in a year (the latest when none is asked).</summary>
    public async Task<Outcome<PopulationDto>> PopulationAsync(string code, int? year, CancellationToken ct)
    {
        var territory = await GetAsync(code, ct);
        if (!territory.IsOk)
        {
            return territory.Failure<PopulationDto>();
        }

        var y = year ?? await db.Set<PopulationCell>().Where(p => p.HromadaCode == code).MaxAsync(p => (int?)p.Year, ct);
        var cells = y is null ? [] : await db.Set<PopulationCell>().AsNoTracking().Where(p => p.HromadaCode == code && p.Year == y).OrderBy(p => p.Sex).ThenBy(p => p.AgeGroup).ToListAsync(ct);
        return Outcome<PopulationDto>.Ok(new PopulationDto(code, y ?? 0, [.. cells.Select(c => new PopulationCellDto(c.Sex, c.AgeGroup, c.Count))], cells.Sum(c => c.Count)));
    }
}
