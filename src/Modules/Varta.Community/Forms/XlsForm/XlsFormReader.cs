using Varta.Community.Forms.Expressions;

namespace Varta.Community.Forms.XlsForm;

/// <summary>
/// Reads an XLSForm workbook (sheets survey, choices and settings, found by name whatever the case; headers
/// whatever the case; blank rows skipped) into a <see cref="Form"/>, or into every error found, each with its
/// sheet, row and column. Supported survey columns: type, name, label, hint, required, required_message, relevant,
/// constraint, constraint_message (the texts also as <c>column::Language</c>); choices: list_name, name, label;
/// settings: form_title, form_id, version, default_language. Other columns are ignored.
/// </summary>
internal sealed partial class XlsFormReader
{
    private readonly List<XlsFormError> _errors = [];
    private readonly Dictionary<string, SheetTable> _sheets;

    private XlsFormReader(Dictionary<string, SheetTable> sheets) => _sheets = sheets;

    public static XlsFormReadResult Read(Stream xlsx)
    {
        Dictionary<string, SheetTable> sheets;
        try
        {
            sheets = SheetTable.ReadWorkbook(Seekable(xlsx));
        }
        catch (Exception e) when (e is InvalidDataException or IOException or DocumentFormat.OpenXml.Packaging.OpenXmlPackageException
            or System.Xml.XmlException or FormatException or ArgumentException)
        {
            return new XlsFormReadResult(null, [new XlsFormError(XlsFormErrorKind.NotAWorkbook, string.Empty, null, null,
                "The file is not an XLSX workbook.", "Файл не є книгою XLSX.")]);
        }
        return new XlsFormReader(sheets).Read();
    }

    private XlsFormReadResult Read()
    {
        if (!_sheets.TryGetValue("survey", out var survey))
        {
            Add(XlsFormErrorKind.MissingSheet, "survey", null, null,
                "The workbook has no sheet named 'survey'.", "У книзі немає аркуша «survey».");
            return new XlsFormReadResult(null, _errors);
        }
        var lists = _sheets.TryGetValue("choices", out var choices) ? ReadChoices(choices) : [];
        var settings = _sheets.TryGetValue("settings", out var settingsSheet) ? ReadSettings(settingsSheet) : new Settings("", "", LocalizedText.Empty, null);
        var questions = ReadSurvey(survey, lists);
        if (_errors.Count > 0)
        {
            var rank = new[] { survey.Name, choices?.Name, settingsSheet?.Name };
            return new XlsFormReadResult(null, _errors
                .OrderBy(e => Array.IndexOf(rank, e.Sheet) is var i && i < 0 ? rank.Length : i)
                .ThenBy(e => e.Row ?? 0).ToList());
        }
        return new XlsFormReadResult(new Form
        {
            Id = settings.Id,
            Version = settings.Version,
            Title = settings.Title,
            DefaultLanguage = settings.DefaultLanguage,
            Questions = questions,
            ChoiceLists = lists,
        }, []);
    }

    private sealed record Settings(string Id, string Version, LocalizedText Title, string? DefaultLanguage);

    private Settings ReadSettings(SheetTable sheet)
    {
        if (sheet.Rows.Count == 0)
        {
            return new Settings("", "", LocalizedText.Empty, null);
        }
        var row = sheet.Rows[0];
        var language = row[sheet.Column("default_language")];
        return new Settings(row[sheet.Column("form_id")], row[sheet.Column("version")],
            SheetTable.Text(row, sheet.Localized("form_title")), language.Length == 0 ? null : language);
    }

    private List<ChoiceList> ReadChoices(SheetTable sheet)
    {
        var listColumn = sheet.Column("list_name");
        var nameColumn = sheet.Column("name");
        var labels = sheet.Localized("label");
        if (!RequireColumns(sheet, ("list_name", listColumn), ("name", nameColumn)))
        {
            return [];
        }
        var lists = new List<(string Name, List<Choice> Choices)>();
        foreach (var row in sheet.Rows)
        {
            var listName = row[listColumn];
            var name = row[nameColumn];
            var label = SheetTable.Text(row, labels);
            if (listName.Length == 0)
            {
                Add(XlsFormErrorKind.MissingListName, sheet.Name, row.Number, listColumn!.Header,
                    "The choice has no list_name.", "Варіант не має list_name.");
                continue;
            }
            if (name.Length == 0)
            {
                Add(XlsFormErrorKind.MissingName, sheet.Name, row.Number, nameColumn!.Header,
                    $"The choice in list '{listName}' has no name.", $"Варіант у списку «{listName}» не має назви (name).");
                continue;
            }
            if (name.Any(char.IsWhiteSpace))
            {
                Add(XlsFormErrorKind.InvalidName, sheet.Name, row.Number, nameColumn!.Header,
                    $"The choice name '{name}' has a space; select_multiple answers are separated by spaces.",
                    $"Назва варіанта «{name}» містить пробіл, а відповіді select_multiple розділяються пробілами.");
            }
            if (label.IsEmpty)
            {
                Add(XlsFormErrorKind.MissingLabel, sheet.Name, row.Number, labels.Count > 0 ? labels[0].Header : "label",
                    $"The choice '{name}' has no label.", $"Варіант «{name}» не має підпису (label).");
            }
            var list = lists.FirstOrDefault(l => l.Name == listName);
            if (list.Choices is null)
            {
                list = (listName, []);
                lists.Add(list);
            }
            if (list.Choices.Any(c => c.Name == name))
            {
                Add(XlsFormErrorKind.DuplicateChoice, sheet.Name, row.Number, nameColumn!.Header,
                    $"The list '{listName}' already has a choice named '{name}'.", $"Список «{listName}» уже має варіант «{name}».");
                continue;
            }
            list.Choices.Add(new Choice(name, label));
        }
        return lists.Select(l => new ChoiceList(l.Name, l.Choices)).ToList();
    }

    private bool RequireColumns(SheetTable sheet, params (string Key, SheetColumn? Column)[] columns)
    {
        var ok = true;
        foreach (var (key, column) in columns.Where(c => c.Column is null))
        {
            Add(XlsFormErrorKind.MissingColumn, sheet.Name, sheet.HeaderRow, key,
                $"The sheet has no '{key}' column.", $"Аркуш не має стовпця «{key}».");
            ok = false;
        }
        return ok;
    }

    private void Add(XlsFormErrorKind kind, string sheet, int? row, string? column, string english, string ukrainian) =>
        _errors.Add(new XlsFormError(kind, sheet, row, column, english, ukrainian));

    private static Stream Seekable(Stream stream)
    {
        if (stream.CanSeek)
        {
            return stream;
        }
        var copy = new MemoryStream();
        stream.CopyTo(copy);
        copy.Position = 0;
        return copy;
    }

    /// <summary>yes/true/1 (any case, also true()) → always; no/false/0/false-free blank → never; anything else is an expression.</summary>
    internal static string? RequiredValue(string cell) => cell.ToLowerInvariant() switch
    {
        "" or "no" or "false" or "0" => null,
        "yes" or "true" or "1" or "true()" => "true()",
        _ => cell,
    };

    internal static bool IsName(string name) => ExpressionLexer.IsName(name);
}
