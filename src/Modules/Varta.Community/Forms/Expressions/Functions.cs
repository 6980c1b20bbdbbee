namespace Varta.Community.Forms.Expressions;

/// <summary>The functions an expression may call, with how many arguments each takes.</summary>
internal static class Functions
{
    public static IReadOnlyDictionary<string, (int Min, int Max)> Arity { get; } = new Dictionary<string, (int, int)>(StringComparer.Ordinal)
    {
        ["selected"] = (2, 2),
        ["count-selected"] = (1, 1),
        ["string-length"] = (1, 1),
        ["regex"] = (2, 2),
        ["today"] = (0, 0),
        ["date"] = (1, 1),
        ["int"] = (1, 1),
        ["number"] = (1, 1),
        ["string"] = (1, 1),
        ["boolean"] = (1, 1),
        ["not"] = (1, 1),
        ["true"] = (0, 0),
        ["false"] = (0, 0),
        ["if"] = (3, 3),
        ["coalesce"] = (2, 2),
        ["concat"] = (1, int.MaxValue),
        ["contains"] = (2, 2),
        ["starts-with"] = (2, 2),
        ["ends-with"] = (2, 2),
    };
}
