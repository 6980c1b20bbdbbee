using System.Globalization;
using System.Text.RegularExpressions;

namespace Varta.Community.Territories;

/// <summary>A unit as a codifier row describes it.</summary>
internal sealed record CodifierUnit(string Code, string Category, string Level, string Name, string? ParentCode, string OblastCode, string? HromadaCode, int Row);

/// <summary>A problem with one cell of an imported file: its row as a spreadsheet numbers it (header = 1) and its column's header.</summary>
internal sealed record ImportError(string? Sheet, int Row, string Column, string MessageEn, string MessageUk)
{
    public string Message(bool english) =>
        english
            ? $"{(Sheet is null ? "" : $"Sheet \"{Sheet}\", ")}row {Row}, column \"{Column}\": {MessageEn}"
            : $"{(Sheet is null ? "" : $"Аркуш «{Sheet}», ")}рядок {Row}, стовпець «{Column}»: {MessageUk}";
}

/// <summary>
/// Reads the codifier of administrative-territorial units (KATOTTH) as published: one row per unit, its code in the
/// column of its level ("Перший рівень" … "Четвертий рівень", "Додатковий рівень" for city districts), the codes of
/// the units above it in the columns before, the category letter ("Категорія об’єкта") and the name ("Назва об’єкта").
/// English headers (Level 1 … Level 4, Additional level, Category, Name) are read too.
/// </summary>
internal static partial class Codifier
{
    [GeneratedRegex("^UA[0-9]{17}$")]
    private static partial Regex CodePattern();

    private static readonly string[][] LevelHeaders =
    [
        ["перший рівень", "level 1", "level1", "first level"],
        ["другий рівень", "level 2", "level2", "second level"],
        ["третій рівень", "level 3", "level3", "third level"],
        ["четвертий рівень", "level 4", "level4", "fourth level"],
        ["додатковий рівень", "additional level", "level 5", "level5"],
    ];

    private static readonly string[] CategoryHeaders = ["категорія об'єкта", "категорія", "category"];
    private static readonly string[] NameHeaders = ["назва об'єкта", "назва", "name"];

    /// <summary>Category letters as published (Cyrillic in the Ukrainian file), read as Latin.</summary>
    private static readonly Dictionary<char, char> Latin = new()
    {
        ['О'] = 'O', ['К'] = 'K', ['Р'] = 'P', ['Н'] = 'H', ['М'] = 'M', ['Х'] = 'X', ['С'] = 'C', ['В'] = 'B', ['Т'] = 'T',
    };

    /// <summary>oblast (and the cities with a special status), raion, hromada, settlement (city, town, village), city district.</summary>
    public static string? LevelOf(string category) => category switch
    {
        "O" or "K" => "oblast",
        "P" => "raion",
        "H" => "hromada",
        "M" or "X" or "C" or "T" => "settlement",
        "B" => "district",
        _ => null,
    };

    public static bool IsCode(string? code) => code is not null && CodePattern().IsMatch(code);

    private static string Header(string h) => h.Trim().Replace('’', '\'').Replace('`', '\'').Replace('ʼ', '\'').ToLowerInvariant();

    /// <summary>How many rows above the header a published file may hold (a title, a date of the edition).</summary>
    private const int RowsBeforeHeader = 10;

    /// <summary>The index of the header row: the first of the top rows naming the first level's column (0 when none does).</summary>
    public static int HeaderRowOf(IReadOnlyList<IReadOnlyList<string>> rows)
    {
        for (var r = 0; r < Math.Min(rows.Count, RowsBeforeHeader); r++)
        {
            if (rows[r].Any(cell => LevelHeaders[0].Contains(Header(cell ?? ""))))
            {
                return r;
            }
        }

        return 0;
    }

    /// <summary>Whether a table (e.g. one sheet of a workbook) holds the codifier's header in its top rows.</summary>
    public static bool HasCodifierHeader(IReadOnlyList<IReadOnlyList<string>> rows) =>
        rows.Take(RowsBeforeHeader).Any(row => row.Any(cell => LevelHeaders[0].Contains(Header(cell ?? ""))));

    /// <summary>
    /// Units from the rows (the header is the first row, or the first of the top rows that names the codifier's columns:
    /// a title above it is skipped); every problem is reported with its sheet, row and column. <paramref name="numbers"/>
    /// gives each row's number as the spreadsheet shows it (by default its position, the first row being 1).
    /// </summary>
    public static (IReadOnlyList<CodifierUnit> Units, IReadOnlyList<ImportError> Errors) Read(IReadOnlyList<IReadOnlyList<string>> rows, string? sheet = null,
        IReadOnlyList<int>? numbers = null)
    {
        var errors = new List<ImportError>();
        int NumberOf(int r) => numbers is not null && r < numbers.Count ? numbers[r] : r + 1;
        if (rows.Count == 0)
        {
            errors.Add(new ImportError(sheet, 1, "", "the file is empty.", "файл порожній."));
            return ([], errors);
        }

        var top = HeaderRowOf(rows);
        var header = rows[top].Select(h => Header(h ?? "")).ToList();
        int Find(string[] names) => header.FindIndex(h => names.Contains(h));
        var levels = LevelHeaders.Select(Find).ToArray();
        var category = Find(CategoryHeaders);
        var name = Find(NameHeaders);
        var headerNames = rows[top];
        if (levels[0] < 0 || levels[1] < 0 || levels[2] < 0 || levels[3] < 0 || category < 0 || name < 0)
        {
            errors.Add(new ImportError(sheet, NumberOf(top), "", "the header must name the columns Перший рівень … Четвертий рівень, Категорія об’єкта and Назва об’єкта.",
                "заголовок має містити стовпці «Перший рівень» … «Четвертий рівень», «Категорія об’єкта» і «Назва об’єкта»."));
            return ([], errors);
        }

        var units = new List<CodifierUnit>();
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var r = top + 1; r < rows.Count; r++)
        {
            var row = rows[r];
            var number = NumberOf(r);
            string Cell(int i) => i >= 0 && i < row.Count ? (row[i] ?? "").Trim() : "";
            if (row.All(string.IsNullOrWhiteSpace))
            {
                continue;
            }

            var codes = new List<(string Code, int Column)>();
            foreach (var column in levels.Where(c => c >= 0))
            {
                var code = Cell(column).ToUpperInvariant();
                if (code.Length == 0)
                {
                    continue;
                }

                if (!IsCode(code))
                {
                    errors.Add(new ImportError(sheet, number, headerNames[column], $"\"{Cut(code)}\" is not a KATOTTH code (UA and 17 digits).",
                        $"«{Cut(code)}» не є кодом КАТОТТГ (UA і 17 цифр)."));
                    codes.Clear();
                    break;
                }

                codes.Add((code, column));
            }

            var categoryText = Cell(category).ToUpperInvariant();
            var letter = categoryText.Length == 1 ? (Latin.TryGetValue(categoryText[0], out var l) ? l.ToString() : categoryText) : categoryText;
            var level = LevelOf(letter);
            if (level is null)
            {
                errors.Add(new ImportError(sheet, number, headerNames[category], $"unknown category \"{Cut(categoryText)}\" (O, K, P, H, M, X, C, B or T).",
                    $"невідома категорія «{Cut(categoryText)}» (О, К, Р, Н, М, Х, С, В або Т)."));
            }

            var unitName = Cell(name);
            if (unitName.Length == 0 || unitName.Length > 200)
            {
                errors.Add(new ImportError(sheet, number, headerNames[name], "the name is missing or longer than 200 characters.", "назва відсутня або довша за 200 символів."));
            }

            if (codes.Count == 0)
            {
                if (!errors.Any(e => e.Row == number))
                {
                    errors.Add(new ImportError(sheet, number, headerNames[levels[0]], "the row has no code.", "у рядку немає коду."));
                }

                continue;
            }

            var own = codes[^1].Code;
            if (seen.TryGetValue(own, out var first))
            {
                errors.Add(new ImportError(sheet, number, headerNames[codes[^1].Column], $"the code {own} is already on row {first}.", $"код {own} уже є в рядку {first}."));
                continue;
            }

            seen[own] = number;
            if (level is null || unitName.Length is 0 or > 200)
            {
                continue;
            }

            var hromada = level switch
            {
                "hromada" => own,
                "oblast" when letter == "K" => own, // Kyiv and Sevastopol: a city of special status is its own hromada
                "settlement" or "district" => codes.Count >= 3 ? codes[2].Code : null,
                _ => null,
            };
            units.Add(new CodifierUnit(own, letter, level, unitName, codes.Count >= 2 ? codes[^2].Code : null, codes[0].Code, hromada, number));
        }

        // A parent must be in the file.
        var codesInFile = units.Select(u => u.Code).ToHashSet(StringComparer.Ordinal);
        foreach (var u in units.Where(u => u.ParentCode is not null && !codesInFile.Contains(u.ParentCode)))
        {
            errors.Add(new ImportError(sheet, u.Row, headerNames[levels[0]], $"the unit above, {u.ParentCode}, has no row of its own.", $"вища одиниця {u.ParentCode} не має власного рядка."));
        }

        return (units, errors);
    }

    private static string Cut(string s) => s.Length <= 40 ? s : s[..40] + "…";

    /// <summary>Population rows: hromada code, year, sex (f/m, ж/ч), age group, count.</summary>
    public static (IReadOnlyList<(string Hromada, int Year, string Sex, string AgeGroup, int Count)> Cells, IReadOnlyList<ImportError> Errors) ReadPopulation(
        IReadOnlyList<IReadOnlyList<string>> rows, IReadOnlySet<string> hromadas, string? sheet = null, IReadOnlyList<int>? numbers = null)
    {
        var errors = new List<ImportError>();
        var cells = new List<(string, int, string, string, int)>();
        if (rows.Count == 0)
        {
            errors.Add(new ImportError(sheet, 1, "", "the file is empty.", "файл порожній."));
            return (cells, errors);
        }

        var header = rows[0].Select(h => Header(h ?? "")).ToList();
        int Find(params string[] names) => header.FindIndex(h => names.Contains(h));
        var (code, year, sex, age, count) = (Find("katotth", "код", "hromada", "громада"), Find("year", "рік"), Find("sex", "стать"), Find("age_group", "age group", "вікова група"),
            Find("count", "population", "кількість", "чисельність"));
        if (code < 0 || year < 0 || sex < 0 || age < 0 || count < 0)
        {
            errors.Add(new ImportError(sheet, numbers is { Count: > 0 } ? numbers[0] : 1, "", "the header must name the columns katotth, year, sex, age_group and count.",
                "заголовок має містити стовпці katotth, year, sex, age_group і count."));
            return (cells, errors);
        }

        var seen = new HashSet<(string, int, string, string)>();
        for (var r = 1; r < rows.Count; r++)
        {
            var row = rows[r];
            var number = numbers is not null && r < numbers.Count ? numbers[r] : r + 1;
            string Cell(int i) => i < row.Count ? (row[i] ?? "").Trim() : "";
            if (row.All(string.IsNullOrWhiteSpace))
            {
                continue;
            }

            var before = errors.Count;
            var hromada = Cell(code).ToUpperInvariant();
            if (!IsCode(hromada))
            {
                errors.Add(new ImportError(sheet, number, rows[0][code], $"\"{Cut(hromada)}\" is not a KATOTTH code.", $"«{Cut(hromada)}» не є кодом КАТОТТГ."));
            }
            else if (!hromadas.Contains(hromada))
            {
                errors.Add(new ImportError(sheet, number, rows[0][code], $"{hromada} is not a hromada of the codifier.", $"{hromada} не є громадою кодифікатора."));
            }

            if (!int.TryParse(Cell(year), NumberStyles.None, CultureInfo.InvariantCulture, out var y) || y is < 1990 or > 2100)
            {
                errors.Add(new ImportError(sheet, number, rows[0][year], "the year must be a whole number between 1990 and 2100.", "рік — ціле число від 1990 до 2100."));
            }

            var s = Cell(sex).ToLowerInvariant() switch
            {
                "f" or "ж" or "female" or "жінки" => "f",
                "m" or "ч" or "male" or "чоловіки" => "m",
                _ => null,
            };
            if (s is null)
            {
                errors.Add(new ImportError(sheet, number, rows[0][sex], "sex must be f or m (ж or ч).", "стать — f або m (ж або ч)."));
            }

            var ageGroup = Cell(age);
            if (ageGroup.Length is 0 or > 10)
            {
                errors.Add(new ImportError(sheet, number, rows[0][age], "the age group is missing or longer than 10 characters.", "вікова група відсутня або довша за 10 символів."));
            }

            if (!int.TryParse(Cell(count), NumberStyles.None, CultureInfo.InvariantCulture, out var n))
            {
                errors.Add(new ImportError(sheet, number, rows[0][count], "the count must be a whole number of 0 or more.", "чисельність — ціле число, не менше 0."));
            }

            if (errors.Count == before && !seen.Add((hromada, y, s!, ageGroup)))
            {
                errors.Add(new ImportError(sheet, number, rows[0][age], "this hromada, year, sex and age group is already given above.", "цю громаду, рік, стать і вікову групу вже наведено вище."));
            }

            if (errors.Count == before)
            {
                cells.Add((hromada, y, s!, ageGroup, n));
            }
        }

        return (cells, errors);
    }
}
