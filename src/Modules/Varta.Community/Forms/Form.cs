namespace Varta.Community.Forms;

internal enum QuestionType
{
    SelectOne,
    SelectMultiple,
    Integer,
    Decimal,
    Text,
    Date,
    Note,
    /// <summary>A <c>begin_group</c> … <c>end_group</c> block; its questions are in <see cref="Question.Children"/>.</summary>
    Group,
}

/// <summary>
/// A questionnaire as an XLSForm describes it. Expressions (<see cref="Question.Relevant"/>,
/// <see cref="Question.Constraint"/>, <see cref="Question.Required"/>) are kept as their source text; the reader has
/// checked that they parse, <see cref="FormLogic"/> compiles them.
/// </summary>
internal sealed record Form
{
    public required string Id { get; init; }

    public string Version { get; init; } = string.Empty;

    public LocalizedText Title { get; init; } = LocalizedText.Empty;

    /// <summary>The <c>default_language</c> setting (e.g. "Ukrainian (uk)"), or null.</summary>
    public string? DefaultLanguage { get; init; }

    /// <summary>Top-level questions and groups in order.</summary>
    public required IReadOnlyList<Question> Questions { get; init; }

    public IReadOnlyList<ChoiceList> ChoiceLists { get; init; } = [];

    /// <summary>Every question and group, depth first, in the order of the survey sheet.</summary>
    public IEnumerable<Question> AllQuestions() => Flatten(Questions);

    public Question? FindQuestion(string name) => AllQuestions().FirstOrDefault(q => q.Name == name);

    public ChoiceList? FindList(string name) => ChoiceLists.FirstOrDefault(list => list.Name == name);

    /// <summary>Every language named by a column of the form, the plain one ("") included, in ordinal order.</summary>
    public IReadOnlyList<string> Languages() =>
        AllQuestions().SelectMany(q => q.Texts()).Concat(ChoiceLists.SelectMany(list => list.Choices).Select(c => c.Label))
            .Append(Title).SelectMany(text => text.Languages).Distinct().Order(StringComparer.Ordinal).ToList();

    private static IEnumerable<Question> Flatten(IEnumerable<Question> questions)
    {
        foreach (var question in questions)
        {
            yield return question;
            foreach (var child in Flatten(question.Children))
            {
                yield return child;
            }
        }
    }
}

internal sealed record Question
{
    public required QuestionType Type { get; init; }

    public required string Name { get; init; }

    /// <summary>The choice list of a select question, else null.</summary>
    public string? ListName { get; init; }

    public LocalizedText Label { get; init; } = LocalizedText.Empty;

    public LocalizedText Hint { get; init; } = LocalizedText.Empty;

    /// <summary>
    /// Null when the question is optional; "true()" when the sheet says yes (or true, 1); otherwise an expression
    /// that makes the question required when it is true.
    /// </summary>
    public string? Required { get; init; }

    public LocalizedText RequiredMessage { get; init; } = LocalizedText.Empty;

    public string? Relevant { get; init; }

    public string? Constraint { get; init; }

    public LocalizedText ConstraintMessage { get; init; } = LocalizedText.Empty;

    /// <summary>The questions of a group, in order; empty for anything else.</summary>
    public IReadOnlyList<Question> Children { get; init; } = [];

    public bool HasAnswer => Type is not (QuestionType.Group or QuestionType.Note);

    public IEnumerable<LocalizedText> Texts() => [Label, Hint, RequiredMessage, ConstraintMessage];
}

internal sealed record ChoiceList(string Name, IReadOnlyList<Choice> Choices);

internal sealed record Choice(string Name, LocalizedText Label);
