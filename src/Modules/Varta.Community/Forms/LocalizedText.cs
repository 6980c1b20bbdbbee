namespace Varta.Community.Forms;

/// <summary>
/// A text in several languages, keyed by the language as the XLSForm column names it ("English (en)" for
/// <c>label::English (en)</c>); the empty key is the plain column (<c>label</c>). Empty texts are dropped, keys are
/// kept in ordinal order, so two texts with the same entries are equal.
/// </summary>
internal sealed class LocalizedText : IEquatable<LocalizedText>
{
    private readonly SortedDictionary<string, string> _texts = new(StringComparer.Ordinal);

    public static LocalizedText Empty { get; } = new([]);

    public LocalizedText(IEnumerable<KeyValuePair<string, string>> texts)
    {
        foreach (var (language, text) in texts)
        {
            if (!string.IsNullOrEmpty(text))
            {
                _texts[language] = text;
            }
        }
    }

    /// <summary>A text of the plain column only (no language).</summary>
    public static LocalizedText Plain(string text) => new([new(string.Empty, text)]);

    public static LocalizedText Of(params (string Language, string Text)[] texts) =>
        new(texts.Select(t => new KeyValuePair<string, string>(t.Language, t.Text)));

    public IReadOnlyDictionary<string, string> Texts => _texts;

    public bool IsEmpty => _texts.Count == 0;

    public IEnumerable<string> Languages => _texts.Keys;

    public string? this[string language] => _texts.GetValueOrDefault(language);

    /// <summary>The text in <paramref name="language"/>, else in the form's default language, else the plain one, else any.</summary>
    public string? Resolve(string? language, string? defaultLanguage = null)
    {
        if (language is not null && _texts.TryGetValue(language, out var text))
        {
            return text;
        }
        if (defaultLanguage is not null && _texts.TryGetValue(defaultLanguage, out text))
        {
            return text;
        }
        if (_texts.TryGetValue(string.Empty, out text))
        {
            return text;
        }
        return _texts.Values.FirstOrDefault();
    }

    public bool Equals(LocalizedText? other) =>
        other is not null && _texts.Count == other._texts.Count
        && _texts.All(pair => other._texts.TryGetValue(pair.Key, out var text) && text == pair.Value);

    public override bool Equals(object? obj) => Equals(obj as LocalizedText);

    public override int GetHashCode()
    {
        var hash = new HashCode();
        foreach (var (language, text) in _texts)
        {
            hash.Add(language);
            hash.Add(text);
        }
        return hash.ToHashCode();
    }

    public override string ToString() => string.Join(" | ", _texts.Select(pair => pair.Key.Length == 0 ? pair.Value : $"{pair.Key}: {pair.Value}"));
}
