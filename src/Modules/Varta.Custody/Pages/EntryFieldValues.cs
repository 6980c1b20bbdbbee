using Varta.Custody.Rules;

namespace Varta.Custody.Pages;

internal static class EntryFieldValues
{
    /// <summary>The form's text values as the API's JSON fields: typed, empty ones left out.</summary>
    public static Dictionary<string, object?> ToJson(string type, Dictionary<string, string?> values, Func<string?, string?> instant)
    {
        var result = new Dictionary<string, object?>();
        foreach (var field in EntryCatalog.Types[type].Fields)
        {
            if (values.GetValueOrDefault(field.Name) is not { Length: > 0 } text)
            {
                continue;
            }

            result[field.Name] = field.Kind switch
            {
                FieldKind.Bool => text == "true",
                FieldKind.Int => int.TryParse(text, out var n) ? n : text,
                FieldKind.TextList => text.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
                FieldKind.Instant => instant(text),
                _ => text,
            };
        }

        return result;
    }
}
