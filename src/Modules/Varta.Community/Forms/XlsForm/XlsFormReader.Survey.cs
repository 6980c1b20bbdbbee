using Varta.Community.Forms.Expressions;

namespace Varta.Community.Forms.XlsForm;

internal sealed partial class XlsFormReader
{
    private sealed record ExpressionCell(int Row, string Column, string Source);

    private sealed class GroupFrame(Question group, int row)
    {
        public Question Group { get; } = group;

        public int Row { get; } = row;

        public List<Question> Children { get; } = [];
    }

    private List<Question> ReadSurvey(SheetTable sheet, List<ChoiceList> lists)
    {
        var typeColumn = sheet.Column("type");
        var nameColumn = sheet.Column("name");
        if (!RequireColumns(sheet, ("type", typeColumn), ("name", nameColumn)))
        {
            return [];
        }
        var labels = sheet.Localized("label");
        var hints = sheet.Localized("hint");
        var requiredMessages = sheet.Localized("required_message");
        var constraintMessages = sheet.Localized("constraint_message");
        var requiredColumn = sheet.Column("required");
        var relevantColumn = sheet.Column("relevant");
        var constraintColumn = sheet.Column("constraint");

        var top = new List<Question>();
        var stack = new Stack<GroupFrame>();
        var names = new Dictionary<string, QuestionType>(StringComparer.Ordinal);
        var expressions = new List<ExpressionCell>();
        foreach (var row in sheet.Rows)
        {
            var typeText = string.Join(' ', row[typeColumn].Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
            if (typeText.Length == 0)
            {
                Add(XlsFormErrorKind.MissingType, sheet.Name, row.Number, typeColumn!.Header,
                    "The row has no type.", "Рядок не має типу (type).");
                continue;
            }
            var (type, listName, isEnd) = ParseType(typeText);
            if (isEnd)
            {
                if (stack.Count == 0)
                {
                    Add(XlsFormErrorKind.UnbalancedGroup, sheet.Name, row.Number, typeColumn!.Header,
                        "end_group without a begin_group.", "end_group без відповідного begin_group.");
                    continue;
                }
                var frame = stack.Pop();
                (stack.Count > 0 ? stack.Peek().Children : top).Add(frame.Group with { Children = frame.Children });
                continue;
            }
            if (type is null)
            {
                Add(XlsFormErrorKind.UnknownType, sheet.Name, row.Number, typeColumn!.Header,
                    $"Unknown question type '{typeText}'.", $"Невідомий тип питання «{typeText}».");
                continue;
            }
            if (listName is not null && !lists.Any(l => l.Name == listName))
            {
                Add(XlsFormErrorKind.UnknownChoiceList, sheet.Name, row.Number, typeColumn!.Header,
                    $"The list '{listName}' is not in the choices sheet.", $"Списку «{listName}» немає на аркуші choices.");
            }
            var name = row[nameColumn];
            if (name.Length == 0)
            {
                Add(XlsFormErrorKind.MissingName, sheet.Name, row.Number, nameColumn!.Header,
                    "The question has no name.", "Питання не має назви (name).");
            }
            else if (!IsName(name))
            {
                Add(XlsFormErrorKind.InvalidName, sheet.Name, row.Number, nameColumn!.Header,
                    $"'{name}' is not a valid name: start with a letter or _, then use letters, digits, _, - or '.'.",
                    $"«{name}» не є допустимою назвою: почніть з латинської літери чи _, далі літери, цифри, _, - або «.».");
            }
            else if (!names.TryAdd(name, type.Value))
            {
                Add(XlsFormErrorKind.DuplicateName, sheet.Name, row.Number, nameColumn!.Header,
                    $"The name '{name}' is used by an earlier row.", $"Назва «{name}» уже використана вище.");
            }
            var label = SheetTable.Text(row, labels);
            if (label.IsEmpty && type != QuestionType.Group)
            {
                Add(XlsFormErrorKind.MissingLabel, sheet.Name, row.Number, labels.Count > 0 ? labels[0].Header : "label",
                    $"The question '{name}' has no label.", $"Питання «{name}» не має підпису (label).");
            }
            var required = RequiredValue(row[requiredColumn]);
            foreach (var (column, source) in new[] { (relevantColumn, row[relevantColumn]), (constraintColumn, row[constraintColumn]), (requiredColumn, required == "true()" ? "" : required ?? "") })
            {
                if (source.Length > 0)
                {
                    expressions.Add(new ExpressionCell(row.Number, column!.Header, source));
                }
            }
            var question = new Question
            {
                Type = type.Value,
                Name = name,
                ListName = listName,
                Label = label,
                Hint = SheetTable.Text(row, hints),
                Required = required,
                RequiredMessage = SheetTable.Text(row, requiredMessages),
                Relevant = NullIfEmpty(row[relevantColumn]),
                Constraint = NullIfEmpty(row[constraintColumn]),
                ConstraintMessage = SheetTable.Text(row, constraintMessages),
            };
            if (type == QuestionType.Group)
            {
                stack.Push(new GroupFrame(question, row.Number));
            }
            else
            {
                (stack.Count > 0 ? stack.Peek().Children : top).Add(question);
            }
        }
        foreach (var frame in stack)
        {
            Add(XlsFormErrorKind.UnbalancedGroup, sheet.Name, frame.Row, typeColumn!.Header,
                $"The group '{frame.Group.Name}' has no end_group.", $"Група «{frame.Group.Name}» не має end_group.");
        }
        CheckExpressions(sheet, expressions, names);
        return top;
    }

    private void CheckExpressions(SheetTable sheet, List<ExpressionCell> cells, Dictionary<string, QuestionType> names)
    {
        foreach (var cell in cells)
        {
            var parsed = ExpressionParser.Parse(cell.Source);
            if (parsed.Error is { } error)
            {
                Add(XlsFormErrorKind.ExpressionSyntax, sheet.Name, cell.Row, cell.Column,
                    $"The expression does not parse: {error.English}.", $"Вираз не розбирається: {error.Ukrainian}.");
                continue;
            }
            var unknown = ExprWalk.Fields(parsed.Expression!)
                .Where(f => !names.TryGetValue(f.Name, out var type) || type == QuestionType.Group)
                .Select(f => f.Name).Distinct(StringComparer.Ordinal);
            foreach (var name in unknown)
            {
                Add(XlsFormErrorKind.UnknownReference, sheet.Name, cell.Row, cell.Column,
                    $"The expression refers to ${{{name}}}, which is not a question of the form.",
                    $"Вираз посилається на ${{{name}}}, якого немає серед питань форми.");
            }
        }
    }

    /// <summary>The type and list of a type cell (words already single-spaced), whether it ends a group, or a null type when unknown.</summary>
    private static (QuestionType? Type, string? ListName, bool IsEnd) ParseType(string text)
    {
        var words = text.Split(' ');
        var first = words[0].ToLowerInvariant();
        var two = words.Length >= 2 ? first + "_" + words[1].ToLowerInvariant() : first;
        if (text.ToLowerInvariant() is "end_group" or "end group")
        {
            return (null, null, true);
        }
        if (text.ToLowerInvariant() is "begin_group" or "begin group")
        {
            return (QuestionType.Group, null, false);
        }
        foreach (var (keyword, type) in new[] { ("select_one", QuestionType.SelectOne), ("select_multiple", QuestionType.SelectMultiple) })
        {
            if (first == keyword && words.Length == 2)
            {
                return (type, words[1], false);
            }
            if (two == keyword && words.Length == 3)
            {
                return (type, words[2], false);
            }
        }
        QuestionType? simple = words.Length != 1 ? null : first switch
        {
            "integer" or "int" => QuestionType.Integer,
            "decimal" => QuestionType.Decimal,
            "text" => QuestionType.Text,
            "date" => QuestionType.Date,
            "note" => QuestionType.Note,
            _ => null,
        };
        return (simple, null, false);
    }

    private static string? NullIfEmpty(string text) => text.Length == 0 ? null : text;
}
