using System.Text;
using CsvHelper;

namespace Varta.Community.Territories;

/// <summary>A CSV file as rows of cells: UTF-8 (with or without BOM); the separator (comma, semicolon, tab) is detected from the first lines.</summary>
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
}
