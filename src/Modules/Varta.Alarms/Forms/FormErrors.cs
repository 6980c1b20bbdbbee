using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Components;
using Varta.Platform.Http;

namespace Varta.Alarms.Forms;

/// <summary>
/// A handler's field errors on a page form, each shown under its own field in the user's language. The message is
/// tied to its field (aria-invalid, aria-describedby) and hidden from the label's name, so a screen reader reads the
/// field's name once and then what is wrong with it.
/// </summary>
internal sealed partial class FormErrors(string form)
{
    private IDictionary<string, string[]> _errors = new Dictionary<string, string[]>(StringComparer.Ordinal);

    public bool Any => _errors.Count > 0;

    /// <summary>Keeps the field errors of an invalid outcome; any other outcome clears them.</summary>
    public void From<T>(Outcome<T> outcome) =>
        _errors = outcome.Kind == OutcomeKind.Invalid ? outcome.Errors!.Errors : new Dictionary<string, string[]>(StringComparer.Ordinal);

    public void Clear() => _errors = new Dictionary<string, string[]>(StringComparer.Ordinal);

    public bool Has(string field) => _errors.ContainsKey(field);

    /// <summary>For aria-invalid: "true" or no attribute at all.</summary>
    public string? Invalid(string field) => Has(field) ? "true" : null;

    public string? DescribedBy(string field) => Has(field) ? Id(field) : null;

    public string? Css(string field) => Has(field) ? "invalid" : null;

    /// <summary>The message under a field, or nothing when the field is fine.</summary>
    public RenderFragment For(string field) => builder =>
    {
        if (_errors.TryGetValue(field, out var messages))
        {
            builder.OpenElement(0, "span");
            builder.AddAttribute(1, "class", "validation-message");
            builder.AddAttribute(2, "id", Id(field));
            builder.AddAttribute(3, "data-field", field);
            builder.AddAttribute(4, "aria-hidden", "true");
            builder.AddContent(5, string.Join(" ", messages));
            builder.CloseElement();
        }
    };

    private string Id(string field) => $"{form}-{NotIdChars().Replace(field, "-")}-error";

    [GeneratedRegex("[^A-Za-z0-9_-]")]
    private static partial Regex NotIdChars();
}
