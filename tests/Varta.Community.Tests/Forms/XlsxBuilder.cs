using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Varta.Community.Tests.Forms;

/// <summary>
/// Builds small workbooks the way other tools write them: text as inline strings, numbers and booleans as typed
/// cells. A null row leaves that Excel row out (a blank row); a null cell leaves the cell out.
/// </summary>
internal static class XlsxBuilder
{
    public static MemoryStream Build(params (string Name, object?[]?[] Rows)[] sheets)
    {
        var buffer = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(buffer, SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            workbook.Workbook = new Workbook();
            var sheetList = workbook.Workbook.AppendChild(new Sheets());
            uint id = 1;
            foreach (var (name, rows) in sheets)
            {
                var part = workbook.AddNewPart<WorksheetPart>();
                var data = new SheetData();
                for (var r = 0; r < rows.Length; r++)
                {
                    if (rows[r] is not { } cells)
                    {
                        continue;
                    }
                    var row = new Row { RowIndex = (uint)(r + 1) };
                    for (var c = 0; c < cells.Length; c++)
                    {
                        if (cells[c] is { } value)
                        {
                            row.Append(Cell(value, $"{(char)('A' + c)}{r + 1}"));
                        }
                    }
                    data.Append(row);
                }
                part.Worksheet = new Worksheet(data);
                sheetList.Append(new Sheet { Id = workbook.GetIdOfPart(part), SheetId = id++, Name = name });
            }
        }
        buffer.Position = 0;
        return buffer;
    }

    private static Cell Cell(object value, string reference) => value switch
    {
        string text => new Cell(new InlineString(new Text(text) { Space = SpaceProcessingModeValues.Preserve }))
        {
            CellReference = reference,
            DataType = CellValues.InlineString,
        },
        bool flag => new Cell { CellReference = reference, DataType = CellValues.Boolean, CellValue = new CellValue(flag ? "1" : "0") },
        _ => new Cell { CellReference = reference, CellValue = new CellValue(Convert.ToString(value, CultureInfo.InvariantCulture)!) },
    };
}
