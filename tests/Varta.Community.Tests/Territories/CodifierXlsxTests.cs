using System.IO.Compression;
using Varta.Community.Territories;
using Varta.Community.Tests.Forms;

namespace Varta.Community.Tests.Territories;

/// <summary>The codifier and the population read from XLSX workbooks as well as CSV: the same columns, problems named by sheet, row and column.</summary>
public sealed class CodifierXlsxTests
{
    private static readonly object?[] Header = ["Перший рівень", "Другий рівень", "Третій рівень", "Четвертий рівень", "Додатковий рівень", "Категорія об’єкта", "Назва об’єкта"];

    /// <summary>A workbook as the codifier is published: a legend sheet first, then the codifier under a title line, with a blank row inside.</summary>
    private static MemoryStream Workbook(params object?[]?[] codifierRows) =>
        XlsxBuilder.Build(
            ("Легенда", [["О — область, Р — район, Н — громада"]]),
            ("Кодифікатор", [["Кодифікатор адміністративно-територіальних одиниць (вигаданий)"], null, Header, .. codifierRows]));

    private static Table CodifierSheet(MemoryStream workbook)
    {
        var tables = TableFile.Read(workbook);
        Assert.NotNull(tables);
        return Assert.Single(tables, t => Codifier.HasCodifierHeader(t.Rows));
    }

    [Fact]
    public void A_workbook_codifier_is_read_from_its_sheet_under_the_title_with_the_same_units_as_the_CSV()
    {
        var table = CodifierSheet(Workbook(
            ["UA01000000000011111", null, null, null, null, "О", "Вигадана область"],
            ["UA01000000000011111", "UA01020000000022222", null, null, null, "Р", "Вигаданий район"],
            null,
            ["UA01000000000011111", "UA01020000000022222", "UA01020030000033333", null, null, "Н", "Вигадана громада"],
            ["UA01000000000011111", "UA01020000000022222", "UA01020030000033333", "UA01020030010044444", null, "С", "с. Вигадане"]));

        var (units, errors) = Codifier.Read(table.Rows, table.Sheet, table.Numbers);

        Assert.Empty(errors);
        Assert.Equal("Кодифікатор", table.Sheet);
        Assert.Equal(["UA01000000000011111", "UA01020000000022222", "UA01020030000033333", "UA01020030010044444"], units.Select(u => u.Code));
        // Rows as the spreadsheet numbers them: the title is row 1, the header row 3, the blank row 6 is skipped.
        Assert.Equal([4, 5, 7, 8], units.Select(u => u.Row));
        var village = units[3];
        Assert.Equal(("C", "settlement", "UA01020030000033333", "UA01020030000033333"), (village.Category, village.Level, village.ParentCode, village.HromadaCode));
    }

    [Fact]
    public void A_bad_cell_of_a_workbook_is_named_by_its_sheet_row_and_column()
    {
        var table = CodifierSheet(Workbook(
            ["UA01000000000011111", null, null, null, null, "О", "Вигадана область"],
            null,
            ["UA01000000000011111", "UA0102000000002222", null, null, null, "Р", "Район з коротким кодом"],
            ["UA01000000000011111", "UA01020000000022222", null, null, null, "Q", "Невідома категорія"]));

        var (_, errors) = Codifier.Read(table.Rows, table.Sheet, table.Numbers);

        Assert.Equal(2, errors.Count);
        Assert.Equal("Аркуш «Кодифікатор», рядок 6, стовпець «Другий рівень»: «UA0102000000002222» не є кодом КАТОТТГ (UA і 17 цифр).", errors[0].Message(english: false));
        Assert.Equal("Sheet \"Кодифікатор\", row 7, column \"Категорія об’єкта\": unknown category \"Q\" (O, K, P, H, M, X, C, B or T).", errors[1].Message(english: true));
    }

    [Fact]
    public void Population_from_a_workbook_reads_numeric_cells_and_names_bad_ones_by_sheet_row_and_column()
    {
        var tables = TableFile.Read(XlsxBuilder.Build(("Населення", [
            ["katotth", "year", "sex", "age_group", "count"],
            ["UA01020030000033333", 2026, "f", "18-29", 1200],
            null,
            ["UA01020030000033333", 2026, "m", "18-29", 1100.5],
        ])));

        var table = Assert.Single(tables!);
        var (cells, errors) = Codifier.ReadPopulation(table.Rows, new HashSet<string> { "UA01020030000033333" }, table.Sheet, table.Numbers);

        Assert.Equal(("UA01020030000033333", 2026, "f", "18-29", 1200), Assert.Single(cells));
        var error = Assert.Single(errors);
        Assert.Equal((4, "count"), (error.Row, error.Column));
        Assert.StartsWith("Sheet \"Населення\", row 4, column \"count\"", error.Message(english: true), StringComparison.Ordinal);
    }

    [Fact]
    public void A_CSV_file_is_still_one_table_without_a_sheet()
    {
        var tables = TableFile.Read(new MemoryStream("katotth,year\nUA01020030000033333,2026"u8.ToArray()));

        var table = Assert.Single(tables!);
        Assert.Null(table.Sheet);
        Assert.Equal([1, 2], table.Numbers);
    }

    [Fact]
    public void A_ZIP_file_that_is_not_a_workbook_reads_as_nothing()
    {
        var zip = new MemoryStream();
        using (var archive = new ZipArchive(zip, ZipArchiveMode.Create, leaveOpen: true))
        {
            using var writer = new StreamWriter(archive.CreateEntry("notes.txt").Open());
            writer.Write("not a spreadsheet");
        }

        zip.Position = 0;
        Assert.True(TableFile.IsWorkbook(zip));
        Assert.Null(TableFile.Read(zip));
    }
}
