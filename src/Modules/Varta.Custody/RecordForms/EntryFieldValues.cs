using System.Text.Json;
using Varta.Custody.Rules;

namespace Varta.Custody.RecordForms;

internal static class EntryFieldValues
{
    /// <summary>The form's text values as the request's entry fields: typed as the API expects them, empty ones left out.</summary>
    public static Dictionary<string, JsonElement> ToFields(string type, Dictionary<string, string?> values)
    {
        var result = new Dictionary<string, JsonElement>();
        foreach (var field in EntryCatalog.Types[type].Fields)
        {
            if (values.GetValueOrDefault(field.Name) is not { Length: > 0 } text)
            {
                continue;
            }

            result[field.Name] = field.Kind switch
            {
                FieldKind.Bool => JsonSerializer.SerializeToElement(text == "true"),
                FieldKind.Int => int.TryParse(text, out var n) ? JsonSerializer.SerializeToElement(n) : JsonSerializer.SerializeToElement(text),
                FieldKind.TextList => JsonSerializer.SerializeToElement(text.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)),
                _ => JsonSerializer.SerializeToElement(text),
            };
        }

        return result;
    }
}
