using System.Globalization;

namespace Varta.Platform.Localization;

/// <summary>A module's texts: each key in Ukrainian and English, so a missing translation cannot compile.</summary>
public interface ITextCatalog
{
    IReadOnlyDictionary<string, (string Uk, string En)> Texts { get; }
}

/// <summary>Looks texts up in the current UI culture; Ukrainian is the default.</summary>
public sealed class Loc
{
    public const string Ukrainian = "uk";
    public const string English = "en";
    public static readonly string[] Cultures = [Ukrainian, English];

    private readonly Dictionary<string, (string Uk, string En)> _texts = new(StringComparer.Ordinal);

    public Loc(IEnumerable<ITextCatalog> catalogs)
    {
        foreach (var catalog in catalogs)
        {
            foreach (var (key, value) in catalog.Texts)
            {
                if (!_texts.TryAdd(key, value))
                {
                    throw new InvalidOperationException($"Text key '{key}' is defined twice.");
                }
            }
        }
    }

    public static bool IsEnglish => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == English;

    public string this[string key] => _texts.TryGetValue(key, out var t) ? (IsEnglish ? t.En : t.Uk) : key;

    public string Format(string key, params object?[] args) => string.Format(CultureInfo.CurrentCulture, this[key], args);

    public bool Has(string key) => _texts.ContainsKey(key);

    public IReadOnlyDictionary<string, (string Uk, string En)> All => _texts;
}
