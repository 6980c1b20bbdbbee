using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Components;
using Varta.Platform.Http;
using Varta.Platform.Localization;

namespace Varta.Platform.Forms;

/// <summary>
/// A handler's field errors on a page form, each shown under its own field in the user's language. The message is
/// tied to its field (aria-invalid, aria-describedby) and hidden from the label's name, so a screen reader reads the
/// field's name once and then what is wrong with it.
/// </summary>
public sealed partial class FormErrors(string form)
{
    private IDictionary<string, string[]> _errors = new Dictionary<string, string[]>(StringComparer.Ordinal);

    public bool Any => _errors.Count > 0;

    /// <summary>
    /// Keeps the field errors of an invalid outcome; any other outcome clears them. With <paramref name="words"/>, a rule
    /// broken on a field reads as the page says it — "form.{form}.{field}.{rule}", else "form.rule.{rule}" — and only
    /// otherwise as the API says it: the API's words are written for a program's author.
    /// </summary>
    public void From<T>(Outcome<T> outcome, Loc? words = null)
    {
        if (outcome.Kind != OutcomeKind.Invalid)
        {
            Clear();
            return;
        }

        var errors = outcome.Errors!.Errors;
        var rules = outcome.Errors.Rules;
        if (words is not null)
        {
            foreach (var (field, messages) in errors)
            {
                var broken = rules.TryGetValue(field, out var r) ? r : [];
                errors[field] = messages.Select((m, i) => i < broken.Length ? Plain(words, field, broken[i]) ?? m : m).ToArray();
            }
        }

        _errors = errors;
    }

    /// <summary>The messages of fields that have no place on the form.</summary>
    public IEnumerable<string> Except(params string[] shown) =>
        _errors.Where(e => !shown.Contains(e.Key, StringComparer.Ordinal)).SelectMany(e => e.Value);

    public void Clear() => _errors = new Dictionary<string, string[]>(StringComparer.Ordinal);

    /// <summary>Shows messages beside one field of a form that repeats a field per item (one answer box per question).</summary>
    public void Set(string field, string[] messages) => _errors[field] = messages;

    /// <summary>Drops a field's errors once the person has changed the field: they were about what it held before.</summary>
    public void Forget(string field) => _errors.Remove(field);

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

    private string? Plain(Loc words, string field, string rule)
    {
        foreach (var key in new[] { $"form.{form}.{field}.{rule}", $"form.rule.{rule}" })
        {
            if (words.Has(key))
            {
                return words[key];
            }
        }

        return null;
    }

    private string Id(string field) => $"{form}-{NotIdChars().Replace(field, "-")}-error";

    [GeneratedRegex("[^A-Za-z0-9_-]")]
    private static partial Regex NotIdChars();
}
