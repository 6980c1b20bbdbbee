using System.Text.Json;
using System.Text.Json.Nodes;
using Varta.Platform.Http;

namespace Varta.Custody.Rules;

/// <summary>
/// Reads an entry type's own fields from a request (its extension data), checking each against its spec. Only known
/// fields are kept; an unknown one is an error, so a typo never silently drops information.
/// </summary>
internal static class EntryData
{
    public static JsonObject Read(IReadOnlyDictionary<string, JsonElement>? body, EntryTypeSpec spec, IReadOnlySet<string> ignored, Validator v,
        DateTimeOffset now, bool partial = false)
    {
        var result = new JsonObject();
        var fields = spec.Fields.ToDictionary(f => f.Name, StringComparer.Ordinal);
        foreach (var (name, value) in body ?? new Dictionary<string, JsonElement>())
        {
            if (ignored.Contains(name))
            {
                continue;
            }

            if (!fields.TryGetValue(name, out var field))
            {
                v.Fail(name, "unknown-field", spec.Code);
                continue;
            }

            if (value.ValueKind == JsonValueKind.Null)
            {
                continue;
            }

            if (ReadValue(value, field, v, now) is { } node)
            {
                result[field.Name] = node;
            }
        }

        if (!partial)
        {
            foreach (var field in spec.Fields.Where(f => f.Required && !result.ContainsKey(f.Name)))
            {
                if (!HasError(v, field.Name))
                {
                    v.Fail(field.Name, "required");
                }
            }
        }

        return result;
    }

    private static bool HasError(Validator v, string field) => v.Rules.ContainsKey(field);

    private static JsonNode? ReadValue(JsonElement value, FieldSpec field, Validator v, DateTimeOffset now)
    {
        switch (field.Kind)
        {
            case FieldKind.Text or FieldKind.LongText:
                if (value.ValueKind != JsonValueKind.String)
                {
                    v.Fail(field.Name, "string-required");
                    return null;
                }

                var text = value.GetString()!.Trim();
                if (!InputHygiene.IsCleanText(text))
                {
                    v.Fail(field.Name, "forbidden-character");
                    return null;
                }

                if (text.Length == 0)
                {
                    if (field.Required)
                    {
                        v.Fail(field.Name, "required");
                    }

                    return null;
                }

                if (text.Length > field.MaxLength)
                {
                    v.Fail(field.Name, "max-length", field.MaxLength);
                    return null;
                }

                return JsonValue.Create(text);
            case FieldKind.Enum:
                if (value.ValueKind != JsonValueKind.String || !field.Allowed!.Contains(value.GetString()))
                {
                    v.Fail(field.Name, "one-of", string.Join(", ", field.Allowed!));
                    return null;
                }

                return JsonValue.Create(value.GetString());
            case FieldKind.Bool:
                if (value.ValueKind is not (JsonValueKind.True or JsonValueKind.False))
                {
                    v.Fail(field.Name, "boolean-required");
                    return null;
                }

                return JsonValue.Create(value.GetBoolean());
            case FieldKind.Int:
                if (value.ValueKind != JsonValueKind.Number || !value.TryGetInt32(out var number) || number < field.Min || number > field.Max)
                {
                    v.Fail(field.Name, "range", field.Min, field.Max);
                    return null;
                }

                return JsonValue.Create(number);
            case FieldKind.Guid:
                if (value.ValueKind != JsonValueKind.String || !Guid.TryParse(value.GetString(), out var id))
                {
                    v.Fail(field.Name, "id-required");
                    return null;
                }

                return JsonValue.Create(id.ToString());
            case FieldKind.Instant:
                if (value.ValueKind != JsonValueKind.String || !TryInstant(value.GetString(), out var instant))
                {
                    v.Fail(field.Name, "instant-required");
                    return null;
                }

                if (!InputHygiene.IsSane(instant, now))
                {
                    v.Fail(field.Name, "instant-out-of-range", 10);
                    return null;
                }

                return JsonValue.Create(instant.ToUniversalTime());
            case FieldKind.TextList:
                if (value.ValueKind != JsonValueKind.Array || value.GetArrayLength() > 100)
                {
                    v.Fail(field.Name, "list-required", 100);
                    return null;
                }

                var list = new JsonArray();
                foreach (var item in value.EnumerateArray())
                {
                    if (item.ValueKind != JsonValueKind.String || item.GetString()!.Length > 300 || !InputHygiene.IsCleanText(item.GetString()))
                    {
                        v.Fail(field.Name, "list-required", 100);
                        return null;
                    }

                    list.Add(item.GetString()!.Trim());
                }

                return list;
            default:
                return null;
        }
    }

    /// <summary>An instant must carry its offset ("2026-11-26T10:00:00+02:00" or "…Z"): a bare local time is ambiguous.</summary>
    public static bool TryInstant(string? text, out DateTimeOffset instant) => InputHygiene.TryParseInstant(text, out instant);

    public static string? Text(JsonObject data, string name) => data[name] is JsonValue v && v.TryGetValue<string>(out var text) ? text : null;

    /// <summary>An instant field, whether read from a request (a value) or from stored JSON (a string with its offset).</summary>
    public static DateTimeOffset? Instant(JsonObject data, string name) => data[name] switch
    {
        JsonValue v when v.TryGetValue<DateTimeOffset>(out var at) => at,
        JsonValue v when v.TryGetValue<string>(out var text) && TryInstant(text, out var parsed) => parsed,
        _ => null,
    };

    public static bool? Bool(JsonObject data, string name) => data[name] is { } n && n.GetValueKind() is JsonValueKind.True or JsonValueKind.False ? n.GetValue<bool>() : null;

    public static int? Int(JsonObject data, string name) => data[name] is { } n && n.GetValueKind() == JsonValueKind.Number ? n.GetValue<int>() : null;

    public static Guid? Id(JsonObject data, string name) => data[name] switch
    {
        JsonValue v when v.TryGetValue<Guid>(out var g) => g,
        JsonValue v when v.TryGetValue<string>(out var text) && Guid.TryParse(text, out var parsed) => parsed,
        _ => null,
    };
}
