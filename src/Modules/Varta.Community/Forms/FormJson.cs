using System.Text;
using System.Text.Json;

namespace Varta.Community.Forms;

/// <summary>
/// The form as the JSON that forms.js's relevantSet and validate take (the interviewer page gets it this way).
/// Property order is fixed and texts are keyed in ordinal order, so equal forms give equal JSON.
/// </summary>
internal static class FormJson
{
    public static string Serialize(Form form)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("id", form.Id);
            json.WriteString("version", form.Version);
            WriteText(json, "title", form.Title);
            json.WriteString("defaultLanguage", form.DefaultLanguage);
            json.WriteStartArray("questions");
            foreach (var question in form.Questions)
            {
                WriteQuestion(json, question);
            }
            json.WriteEndArray();
            json.WriteStartArray("choiceLists");
            foreach (var list in form.ChoiceLists)
            {
                json.WriteStartObject();
                json.WriteString("name", list.Name);
                json.WriteStartArray("choices");
                foreach (var choice in list.Choices)
                {
                    json.WriteStartObject();
                    json.WriteString("name", choice.Name);
                    WriteText(json, "label", choice.Label);
                    json.WriteEndObject();
                }
                json.WriteEndArray();
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    /// <summary>The type names forms.js uses.</summary>
    public static string TypeName(QuestionType type) => type switch
    {
        QuestionType.SelectOne => "select_one",
        QuestionType.SelectMultiple => "select_multiple",
        QuestionType.Integer => "integer",
        QuestionType.Decimal => "decimal",
        QuestionType.Text => "text",
        QuestionType.Date => "date",
        QuestionType.Note => "note",
        _ => "group",
    };

    private static void WriteQuestion(Utf8JsonWriter json, Question question)
    {
        json.WriteStartObject();
        json.WriteString("type", TypeName(question.Type));
        json.WriteString("name", question.Name);
        json.WriteString("list", question.ListName);
        WriteText(json, "label", question.Label);
        WriteText(json, "hint", question.Hint);
        json.WriteString("required", question.Required);
        WriteText(json, "requiredMessage", question.RequiredMessage);
        json.WriteString("relevant", question.Relevant);
        json.WriteString("constraint", question.Constraint);
        WriteText(json, "constraintMessage", question.ConstraintMessage);
        json.WriteStartArray("children");
        foreach (var child in question.Children)
        {
            WriteQuestion(json, child);
        }
        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static void WriteText(Utf8JsonWriter json, string property, LocalizedText text)
    {
        json.WriteStartObject(property);
        foreach (var (language, value) in text.Texts)
        {
            json.WriteString(language, value);
        }
        json.WriteEndObject();
    }
}
