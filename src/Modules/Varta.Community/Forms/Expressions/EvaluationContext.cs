namespace Varta.Community.Forms.Expressions;

/// <summary>
/// What an expression sees: the answers by question name (strings as ODK stores them; a missing one is ""),
/// the day today() returns, which questions are dates (their answers become dates), and the answer that '.'
/// stands for.
/// </summary>
internal sealed record EvaluationContext(IReadOnlyDictionary<string, string> Answers, DateOnly Today)
{
    public IReadOnlySet<string> DateFields { get; init; } = new HashSet<string>();

    /// <summary>The answer '.' refers to (the question being checked); null reads as "".</summary>
    public string? Current { get; init; }

    public bool CurrentIsDate { get; init; }

    public XValue Field(string name) => Typed(Answers.GetValueOrDefault(name) ?? string.Empty, DateFields.Contains(name));

    public XValue CurrentValue() => Typed(Current ?? string.Empty, CurrentIsDate);

    /// <summary>A date question's well-formed answer is a date; anything else stays the string it is.</summary>
    private static XValue Typed(string answer, bool isDate) =>
        isDate && CivilDate.TryParse(answer, out var day) ? XValue.Day(day) : XValue.String(answer);
}
