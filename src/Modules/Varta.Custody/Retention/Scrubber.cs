using System.Text.Json.Nodes;
using Varta.Custody.Data;
using Varta.Custody.Rules;

namespace Varta.Custody.Retention;

/// <summary>
/// What anonymisation removes, field by field. Free text is replaced by <see cref="Removed"/> wherever it is stored, since
/// a note or a place may name anyone; enumerations, booleans, numbers, instants and ids stay, so that counts, durations and
/// the safeguards' statistics still add up. Pure: the same rules serve the dry run (counting) and the run (changing).
/// </summary>
internal static class Scrubber
{
    /// <summary>What replaces a removed text.</summary>
    public const string Removed = "***";

    /// <summary>Text-kind fields of the catalogue that hold a code, not words (a clock depends on it).</summary>
    private static readonly HashSet<string> CodeTexts = ["administrativeException"];

    /// <summary>Fields a handler adds beside the catalogue's own: codes and instants.</summary>
    private static readonly HashSet<string> KeptExtras = ["overriddenRule", "legalRegime", "arrivedAt"];

    /// <summary>A person whose identity has gone (see <see cref="Person(Data.Person, bool)"/>): no booking may name them again.</summary>
    public static bool IsAnonymised(Person p) => p.SearchKey.Length == 0;

    /// <summary>The record's own free text: the place and officer of detention, the basis in words, the proceedings number.</summary>
    public static int Record(CustodyRecord r, bool apply)
    {
        var changed = 0;
        changed += Replace(r.DetentionPlace, v => r.DetentionPlace = v, apply);
        changed += Replace(r.DetainingOfficer, v => r.DetainingOfficer = v, apply);
        changed += Replace(r.LegalBasisDetail, v => r.LegalBasisDetail = v, apply);
        if (r.ProceedingsNumber is not null)
        {
            // Dropped rather than masked: a shared placeholder would make every anonymised record a co-accused of the others.
            changed++;
            if (apply)
            {
                r.ProceedingsNumber = null;
            }
        }

        return changed;
    }

    /// <summary>
    /// The person's identity: names, document, language and citizenship go; the date of birth keeps only its year (age
    /// bands stay countable); sex and whether an interpreter was needed stay.
    /// </summary>
    public static int Person(Person p, bool apply)
    {
        var changed = 0;
        changed += Replace(p.Surname, v => p.Surname = v, apply);
        changed += Replace(p.GivenName, v => p.GivenName = v, apply);
        changed += Replace(p.Citizenship, v => p.Citizenship = v, apply);
        changed += Drop(p.Patronymic, () => p.Patronymic = null, apply);
        changed += Drop(p.IdentityDocument, () => p.IdentityDocument = null, apply);
        changed += Drop(p.PreferredLanguage, () => p.PreferredLanguage = null, apply);
        var yearOnly = new DateOnly(p.DateOfBirth.Year, 1, 1);
        if (p.DateOfBirth != yearOnly)
        {
            changed++;
            if (apply)
            {
                p.DateOfBirth = yearOnly;
            }
        }

        if (p.SearchKey.Length > 0)
        {
            changed++;
            if (apply)
            {
                p.SearchKey = ""; // found by no search and no duplicate warning
            }
        }

        return changed;
    }

    /// <summary>
    /// One entry: its free-text fields (by its type's spec; a correction by the spec of the entry it corrects) and its
    /// correction reason.
    /// </summary>
    public static int Entry(CustodyEntry e, string? correctedType, bool apply)
    {
        var type = e.CorrectsEntryId is null ? e.Type : correctedType;
        var spec = type is null ? null : EntryCatalog.Types.GetValueOrDefault(type);
        var data = JsonNode.Parse(e.Data)?.AsObject() ?? [];
        var changed = 0;
        foreach (var (name, value) in data.ToList())
        {
            var kind = spec?.Fields.FirstOrDefault(f => f.Name == name)?.Kind;
            var free = kind switch
            {
                FieldKind.Text or FieldKind.LongText => !CodeTexts.Contains(name),
                FieldKind.TextList => true,
                null => !KeptExtras.Contains(name), // not in the catalogue: text unless known to be a code
                _ => false,
            };
            if (free && Mask(value) is { } masked)
            {
                changed += masked.Count;
                data[name] = masked.Node;
            }
        }

        if (apply && changed > 0)
        {
            e.Data = data.ToJsonString();
        }

        changed += Replace(e.CorrectionReason, v => e.CorrectionReason = v, apply);
        return changed;
    }

    /// <summary>A string, or each string of a list, replaced; null when there is nothing left to replace.</summary>
    private static (JsonNode Node, int Count)? Mask(JsonNode? value)
    {
        switch (value)
        {
            case JsonValue v when v.TryGetValue<string>(out var text):
                return text == Removed ? null : (JsonValue.Create(Removed), 1);
            case JsonArray list:
                var count = 0;
                var masked = new JsonArray();
                foreach (var item in list)
                {
                    if (item is JsonValue iv && iv.TryGetValue<string>(out var t))
                    {
                        count += t == Removed ? 0 : 1;
                        masked.Add(Removed);
                    }
                    else
                    {
                        masked.Add(item?.DeepClone());
                    }
                }

                return count == 0 ? null : (masked, count);
            default:
                return null;
        }
    }

    private static int Replace(string? value, Action<string> set, bool apply)
    {
        if (string.IsNullOrEmpty(value) || value == Removed)
        {
            return 0;
        }

        if (apply)
        {
            set(Removed);
        }

        return 1;
    }

    private static int Drop(string? value, Action clear, bool apply)
    {
        if (value is null)
        {
            return 0;
        }

        if (apply)
        {
            clear();
        }

        return 1;
    }
}
