using System.Globalization;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Varta.Community.Forms.Expressions;

namespace Varta.Community.Forms.XlsForm;

/// <summary>A column by its header: <c>label::English (en)</c> has key "label" and language "English (en)".</summary>
internal sealed record SheetColumn(int Index, string Header, string Key, string Language);

internal sealed record SheetRow(int Number, IReadOnlyDictionary<int, string> Cells)
{
    public string this[SheetColumn? column] => column is null ? string.Empty : Cells.GetValueOrDefault(column.Index) ?? string.Empty;
}

/// <summary>
/// One worksheet as text: the first non-blank row is the header, blank rows are dropped, every value is trimmed.
/// Shared strings, inline strings, numbers (printed the XPath way, 1 not 1.0) and booleans (TRUE/FALSE) are read.
/// </summary>
internal sealed class SheetTable
{
    private SheetTable(string name, int headerRow, IReadOnlyList<SheetColumn> columns, IReadOnlyList<SheetRow> rows)
    {
        Name = name;
        HeaderRow = headerRow;
        Columns = columns;
        Rows = rows;
    }

    public string Name { get; }

    public int HeaderRow { get; }

    public IReadOnlyList<SheetColumn> Columns { get; }

    public IReadOnlyList<SheetRow> Rows { get; }

    public SheetColumn? Column(string key) => Columns.FirstOrDefault(c => c.Key == key && c.Language.Length == 0)
        ?? Columns.FirstOrDefault(c => c.Key == key);

    public IReadOnlyList<SheetColumn> Localized(string key) => Columns.Where(c => c.Key == key).ToList();

    public static LocalizedText Text(SheetRow row, IReadOnlyList<SheetColumn> columns) =>
        new(columns.Select(c => new KeyValuePair<string, string>(c.Language, row[c])));

    /// <summary>Every sheet of the workbook by its lower-case name; throws when the stream is not an XLSX workbook.</summary>
    public static Dictionary<string, SheetTable> ReadWorkbook(Stream stream)
    {
        var sheets = new Dictionary<string, SheetTable>(StringComparer.Ordinal);
        using var document = SpreadsheetDocument.Open(stream, false);
        var workbook = document.WorkbookPart ?? throw new InvalidDataException("The package has no workbook.");
        var shared = workbook.SharedStringTablePart?.SharedStringTable?.Elements<SharedStringItem>().Select(SharedText).ToList() ?? [];
        foreach (var sheet in workbook.Workbook?.Sheets?.Elements<Sheet>() ?? [])
        {
            var name = sheet.Name?.Value ?? string.Empty;
            if (sheet.Id?.Value is not { } id || workbook.GetPartById(id) is not WorksheetPart part)
            {
                continue;
            }
            sheets.TryAdd(name.Trim().ToLowerInvariant(), FromRows(name, ReadRows(part, shared)));
        }
        return sheets;
    }

    private static SheetTable FromRows(string name, List<SheetRow> rows)
    {
        if (rows.Count == 0)
        {
            return new SheetTable(name, 1, [], []);
        }
        var header = rows[0];
        var columns = header.Cells.Where(cell => cell.Value.Length > 0).OrderBy(cell => cell.Key)
            .Select(cell => ParseHeader(cell.Key, cell.Value)).ToList();
        return new SheetTable(name, header.Number, columns, rows.Skip(1).ToList());
    }

    private static SheetColumn ParseHeader(int index, string header)
    {
        var separator = header.IndexOf("::", StringComparison.Ordinal);
        var key = separator < 0 ? header : header[..separator];
        var language = separator < 0 ? string.Empty : header[(separator + 2)..].Trim();
        return new SheetColumn(index, header, key.Trim().ToLowerInvariant().Replace(' ', '_'), language);
    }

    private static List<SheetRow> ReadRows(WorksheetPart part, List<string> shared)
    {
        var rows = new List<SheetRow>();
        var rowNumber = 0;
        foreach (var row in part.Worksheet?.GetFirstChild<SheetData>()?.Elements<Row>() ?? [])
        {
            rowNumber = row.RowIndex?.Value is { } index ? (int)index : rowNumber + 1;
            var cells = new Dictionary<int, string>();
            var column = 0;
            foreach (var cell in row.Elements<Cell>())
            {
                column = cell.CellReference?.Value is { } reference ? ColumnIndex(reference) : column + 1;
                var text = CellText(cell, shared).Trim();
                if (text.Length > 0)
                {
                    cells[column] = text;
                }
            }
            if (cells.Count > 0)
            {
                rows.Add(new SheetRow(rowNumber, cells));
            }
        }
        return rows;
    }

    private static string CellText(Cell cell, List<string> shared)
    {
        var value = cell.CellValue?.Text ?? string.Empty;
        var type = cell.DataType?.Value;
        if (type == CellValues.SharedString)
        {
            return int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var i) && i < shared.Count ? shared[i] : string.Empty;
        }
        if (type == CellValues.InlineString)
        {
            return cell.InlineString is { } inline ? InlineText(inline) : value;
        }
        if (type == CellValues.Boolean)
        {
            return value == "1" ? "TRUE" : "FALSE";
        }
        if (type == CellValues.String || type == CellValues.Error)
        {
            return value;
        }
        return double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) ? XPathNumber.Format(number) : value;
    }

    private static string SharedText(SharedStringItem item) =>
        item.Text?.Text ?? string.Concat(item.Elements<Run>().Select(run => run.Text?.Text));

    private static string InlineText(InlineString inline) =>
        inline.Text?.Text ?? string.Concat(inline.Elements<Run>().Select(run => run.Text?.Text));

    /// <summary>"B7" → 2.</summary>
    private static int ColumnIndex(string reference)
    {
        var index = 0;
        foreach (var c in reference)
        {
            if (c is < 'A' or > 'Z')
            {
                break;
            }
            index = index * 26 + (c - 'A' + 1);
        }
        return index;
    }
}
