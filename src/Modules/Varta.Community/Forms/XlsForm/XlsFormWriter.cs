using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Varta.Community.Forms.XlsForm;

/// <summary>
/// Writes a form as an XLSForm workbook with the sheets survey, choices and settings (text in shared strings),
/// so that <see cref="XlsFormReader"/> reads back the same form. A text column is written for every language the
/// form uses, the plain one (<c>label</c>) first.
/// </summary>
internal static class XlsFormWriter
{
    public static byte[] ToBytes(Form form)
    {
        using var buffer = new MemoryStream();
        Write(form, buffer);
        return buffer.ToArray();
    }

    public static void Write(Form form, Stream output)
    {
        using var buffer = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(buffer, SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            workbook.Workbook = new Workbook();
            var sheets = workbook.Workbook.AppendChild(new Sheets());
            var shared = new SharedStrings(workbook.AddNewPart<SharedStringTablePart>());
            AddSheet(workbook, sheets, shared, "survey", SurveyRows(form));
            AddSheet(workbook, sheets, shared, "choices", ChoiceRows(form));
            AddSheet(workbook, sheets, shared, "settings", SettingsRows(form));
            shared.Save();
        }
        buffer.Position = 0;
        buffer.CopyTo(output);
    }

    private static List<string[]> SurveyRows(Form form)
    {
        var questions = form.AllQuestions().ToList();
        var labels = Languages(questions.Select(q => q.Label));
        var hints = Languages(questions.Select(q => q.Hint));
        var requiredMessages = Languages(questions.Select(q => q.RequiredMessage));
        var constraintMessages = Languages(questions.Select(q => q.ConstraintMessage));
        var header = new List<string> { "type", "name" };
        header.AddRange(Headers("label", labels));
        header.AddRange(Headers("hint", hints));
        header.Add("required");
        header.AddRange(Headers("required_message", requiredMessages));
        header.Add("relevant");
        header.Add("constraint");
        header.AddRange(Headers("constraint_message", constraintMessages));
        var rows = new List<string[]> { header.ToArray() };
        AddQuestions(form.Questions);
        return rows;

        void AddQuestions(IEnumerable<Question> items)
        {
            foreach (var q in items)
            {
                var row = new List<string> { TypeText(q), q.Name };
                row.AddRange(Texts(q.Label, labels));
                row.AddRange(Texts(q.Hint, hints));
                row.Add(q.Required == "true()" ? "yes" : q.Required ?? string.Empty);
                row.AddRange(Texts(q.RequiredMessage, requiredMessages));
                row.Add(q.Relevant ?? string.Empty);
                row.Add(q.Constraint ?? string.Empty);
                row.AddRange(Texts(q.ConstraintMessage, constraintMessages));
                rows.Add(row.ToArray());
                if (q.Type == QuestionType.Group)
                {
                    AddQuestions(q.Children);
                    rows.Add(["end_group"]);
                }
            }
        }
    }

    private static List<string[]> ChoiceRows(Form form)
    {
        var labels = Languages(form.ChoiceLists.SelectMany(l => l.Choices).Select(c => c.Label));
        List<string[]> rows = [["list_name", "name", .. Headers("label", labels)]];
        foreach (var list in form.ChoiceLists)
        {
            rows.AddRange(list.Choices.Select(c => new[] { list.Name, c.Name }.Concat(Texts(c.Label, labels)).ToArray()));
        }
        return rows;
    }

    private static List<string[]> SettingsRows(Form form)
    {
        var titles = Languages([form.Title]);
        return
        [
            ["form_id", "version", "default_language", .. Headers("form_title", titles)],
            [form.Id, form.Version, form.DefaultLanguage ?? string.Empty, .. Texts(form.Title, titles)],
        ];
    }

    private static string TypeText(Question q) => q.Type switch
    {
        QuestionType.SelectOne => "select_one " + q.ListName,
        QuestionType.SelectMultiple => "select_multiple " + q.ListName,
        QuestionType.Integer => "integer",
        QuestionType.Decimal => "decimal",
        QuestionType.Text => "text",
        QuestionType.Date => "date",
        QuestionType.Note => "note",
        _ => "begin_group",
    };

    /// <summary>The languages used by the texts, the plain one first; just the plain one when none is used.</summary>
    private static List<string> Languages(IEnumerable<LocalizedText> texts)
    {
        var languages = texts.SelectMany(t => t.Languages).Distinct().Order(StringComparer.Ordinal).ToList();
        return languages.Count == 0 ? [string.Empty] : languages;
    }

    private static IEnumerable<string> Headers(string key, List<string> languages) =>
        languages.Select(language => language.Length == 0 ? key : $"{key}::{language}");

    private static IEnumerable<string> Texts(LocalizedText text, List<string> languages) =>
        languages.Select(language => text[language] ?? string.Empty);

    private static void AddSheet(WorkbookPart workbook, Sheets sheets, SharedStrings shared, string name, List<string[]> rows)
    {
        var part = workbook.AddNewPart<WorksheetPart>();
        var data = new SheetData();
        for (var r = 0; r < rows.Count; r++)
        {
            var row = new Row { RowIndex = (uint)(r + 1) };
            for (var c = 0; c < rows[r].Length; c++)
            {
                if (rows[r][c].Length > 0)
                {
                    row.Append(new Cell
                    {
                        CellReference = ColumnName(c + 1) + (r + 1).ToString(System.Globalization.CultureInfo.InvariantCulture),
                        DataType = CellValues.SharedString,
                        CellValue = new CellValue(shared.Index(rows[r][c])),
                    });
                }
            }
            data.Append(row);
        }
        part.Worksheet = new Worksheet(data);
        sheets.Append(new Sheet { Id = workbook.GetIdOfPart(part), SheetId = (uint)(sheets.ChildElements.Count + 1), Name = name });
    }

    private static string ColumnName(int index)
    {
        var name = string.Empty;
        while (index > 0)
        {
            var remainder = (index - 1) % 26;
            name = (char)('A' + remainder) + name;
            index = (index - 1) / 26;
        }
        return name;
    }

    private sealed class SharedStrings(SharedStringTablePart part)
    {
        private readonly Dictionary<string, int> _index = new(StringComparer.Ordinal);
        private readonly SharedStringTable _table = new();

        public int Index(string text)
        {
            if (!_index.TryGetValue(text, out var index))
            {
                index = _index.Count;
                _index[text] = index;
                _table.Append(new SharedStringItem(new Text(text) { Space = SpaceProcessingModeValues.Preserve }));
            }
            return index;
        }

        public void Save()
        {
            _table.Count = (uint)_index.Count;
            _table.UniqueCount = (uint)_index.Count;
            part.SharedStringTable = _table;
        }
    }
}
