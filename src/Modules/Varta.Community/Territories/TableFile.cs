using System.Text;
using CsvHelper;
using Varta.Community.Forms.XlsForm;

namespace Varta.Community.Territories;

/// <summary>
/// One table of an imported file: its sheet (null for CSV), its rows of cells and the number a spreadsheet gives each
/// row (the header is 1 in a CSV file; a workbook's blank rows are skipped, so its numbers can jump).
/// </summary>
internal sealed record Table(string? Sheet, IReadOnlyList<IReadOnlyList<string>> Rows, IReadOnlyList<int> Numbers);

/// <summary>
/// A CSV file or an XLSX workbook as rows of cells. CSV: UTF-8 (with or without BOM); the separator (comma, semicolon,
/// tab) is detected from the first lines. XLSX: read with the XLSForm sheet reader (<see cref="SheetTable"/>), one
/// table per worksheet, cells as text (numbers printed without a trailing ".0").
/// </summary>
internal static class TableFile
{
    public static IReadOnlyList<IReadOnlyList<string>> ReadCsv(Stream stream)
    {
        using var text = new StreamReader(stream, new UTF8Encoding(false), detectEncodingFromByteOrderMarks: true);
        using var csv = CsvReader.Create(text, new CsvReaderOptions { HasHeader = false, SkipEmptyLines = false }, false);
        var rows = new List<IReadOnlyList<string>>();
        foreach (var row in csv)
        {
            var cells = new string[row.FieldCount];
            for (var i = 0; i < cells.Length; i++)
            {
                cells[i] = row.GetString(i);
            }

            rows.Add(cells);
        }

        return rows;
    }

    /// <summary>Whether the (seekable) stream starts like a ZIP package, as every XLSX workbook does; the position is kept.</summary>
    public static bool IsWorkbook(Stream stream)
    {
        var start = stream.Position;
        Span<byte> head = stackalloc byte[4];
        var read = stream.ReadAtLeast(head, 4, throwOnEndOfStream: false);
        stream.Position = start;
        return read == 4 && head[0] == (byte)'P' && head[1] == (byte)'K' && head[2] == 3 && head[3] == 4;
    }

    /// <summary>
    /// The tables of a file: every worksheet of an XLSX workbook (in the workbook's order), or the one table of a CSV
    /// file. Null when the file looks like a workbook but does not read as one.
    /// </summary>
    public static IReadOnlyList<Table>? Read(Stream stream)
    {
        if (!IsWorkbook(stream))
        {
            var rows = ReadCsv(stream);
            return [new Table(null, rows, [.. Enumerable.Range(1, rows.Count)])];
        }

        try
        {
            return [.. SheetTable.ReadWorkbook(stream).Values.Select(FromSheet)];
        }
        catch (Exception e) when (e is InvalidDataException or IOException or DocumentFormat.OpenXml.Packaging.OpenXmlPackageException
            or System.Xml.XmlException or FormatException or ArgumentException)
        {
            return null;
        }
    }

    /// <summary>The sheet as dense rows: the header row the sheet reader found, then its data rows, each cell at its column.</summary>
    private static Table FromSheet(SheetTable sheet)
    {
        var width = Math.Max(sheet.Columns.Select(c => c.Index).DefaultIfEmpty(0).Max(), sheet.Rows.SelectMany(r => r.Cells.Keys).DefaultIfEmpty(0).Max());
        string[] Dense(IEnumerable<KeyValuePair<int, string>> cells)
        {
            var row = new string[width];
            Array.Fill(row, "");
            foreach (var (column, text) in cells)
            {
                row[column - 1] = text;
            }

            return row;
        }

        if (sheet.Columns.Count == 0 && sheet.Rows.Count == 0)
        {
            return new Table(sheet.Name, [], []);
        }

        var rows = new List<IReadOnlyList<string>> { Dense(sheet.Columns.Select(c => new KeyValuePair<int, string>(c.Index, c.Header))) };
        var numbers = new List<int> { sheet.HeaderRow };
        foreach (var row in sheet.Rows)
        {
            rows.Add(Dense(row.Cells));
            numbers.Add(row.Number);
        }

        return new Table(sheet.Name, rows, numbers);
    }
}
