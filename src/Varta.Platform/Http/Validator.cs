using System.Globalization;
using Varta.Platform.Localization;

namespace Varta.Platform.Http;

/// <summary>
/// Collects field errors: each names the field (JSON path as the client sent it) and the rule broken,
/// with a message in the caller's language.
/// </summary>
public sealed class Validator(Loc loc)
{
    private readonly Dictionary<string, List<string>> _errors = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<string>> _rules = new(StringComparer.Ordinal);

    public bool IsValid => _errors.Count == 0;

    public IDictionary<string, string[]> Errors => _errors.ToDictionary(e => e.Key, e => e.Value.ToArray());

    public IDictionary<string, string[]> Rules => _rules.ToDictionary(e => e.Key, e => e.Value.ToArray());

    /// <summary>
    /// Adds an error: rule is a stable code ("required", "max-length") whose text key is "rule.{rule}", or a module's
    /// own key ("threats.not-at-court") used as it is.
    /// </summary>
    public Validator Fail(string field, string rule, params object?[] args)
    {
        var key = loc.Has($"rule.{rule}") ? $"rule.{rule}" : rule;
        Add(_errors, field, string.Format(CultureInfo.CurrentCulture, loc[key], args));
        Add(_rules, field, rule);
        return this;
    }

    public Validator Required(string field, string? value, int maxLength = 200)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return Fail(field, "required");
        }

        return MaxLength(field, value, maxLength);
    }

    public Validator MaxLength(string field, string? value, int maxLength)
    {
        if (value is not null && value.Length > maxLength)
        {
            Fail(field, "max-length", maxLength);
        }

        return CleanText(field, value);
    }

    /// <summary>No NUL or other control character (tab and line breaks are fine), no bidirectional override.</summary>
    public Validator CleanText(string field, string? value) =>
        InputHygiene.IsCleanText(value) ? this : Fail(field, "forbidden-character");

    /// <summary>
    /// An instant with its offset and within ten years of <paramref name="now"/>; null (with the error) when not.
    /// Absent is an error only when <paramref name="required"/>.
    /// </summary>
    public DateTimeOffset? Instant(string field, string? text, DateTimeOffset now, bool required = true)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            if (required)
            {
                Fail(field, "required");
            }

            return null;
        }

        if (!InputHygiene.TryParseInstant(text, out var instant))
        {
            Fail(field, "instant-required");
            return null;
        }

        if (!InputHygiene.IsSane(instant, now))
        {
            Fail(field, "instant-out-of-range", 10);
            return null;
        }

        return instant;
    }

    public Validator Required<T>(string field, T? value) where T : struct
    {
        if (value is null)
        {
            Fail(field, "required");
        }

        return this;
    }

    public Validator OneOf(string field, string? value, IEnumerable<string> allowed)
    {
        var list = allowed.ToList();
        if (string.IsNullOrWhiteSpace(value))
        {
            return Fail(field, "required");
        }

        if (!list.Contains(value, StringComparer.Ordinal))
        {
            Fail(field, "one-of", string.Join(", ", list));
        }

        return this;
    }

    private static void Add(Dictionary<string, List<string>> map, string key, string value)
    {
        if (!map.TryGetValue(key, out var list))
        {
            map[key] = list = [];
        }

        list.Add(value);
    }
}
