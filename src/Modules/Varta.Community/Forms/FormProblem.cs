namespace Varta.Community.Forms;

/// <summary>What is wrong with an answer set; the names are also the kinds forms.js reports.</summary>
internal enum ProblemKind
{
    /// <summary>A relevant required question has no answer.</summary>
    Required,
    /// <summary>The answer breaks the question's constraint.</summary>
    ConstraintFailed,
    /// <summary>A question that is not asked (relevant false, or inside a group that is not) has an answer.</summary>
    NotRelevant,
    /// <summary>A select answer names a choice that is not in the question's list (or names one twice).</summary>
    NotInList,
    NotInteger,
    NotDecimal,
    /// <summary>A date answer is not a real day written yyyy-MM-dd.</summary>
    NotADate,
    /// <summary>A note or a group has an answer.</summary>
    NotAnswerable,
    /// <summary>An answer names no question of the form.</summary>
    UnknownQuestion,
}

/// <summary>
/// One problem with one answer. <see cref="FormMessage"/> is the form's own constraint_message or
/// required_message (per language) when it has one; <see cref="English"/> and <see cref="Ukrainian"/> always say it.
/// </summary>
internal sealed record FormProblem(string Question, ProblemKind Kind, string English, string Ukrainian)
{
    public LocalizedText FormMessage { get; init; } = LocalizedText.Empty;

    public static FormProblem Of(string question, ProblemKind kind) => kind switch
    {
        ProblemKind.Required => new(question, kind, "An answer is required.", "Відповідь обов'язкова."),
        ProblemKind.ConstraintFailed => new(question, kind, "The answer breaks the question's rule.", "Відповідь порушує правило питання."),
        ProblemKind.NotRelevant => new(question, kind, "This question is not asked here, so it must have no answer.", "Це питання тут не ставиться, тож відповіді бути не має."),
        ProblemKind.NotInList => new(question, kind, "The answer is not one of the question's choices.", "Відповідь не є одним із варіантів питання."),
        ProblemKind.NotInteger => new(question, kind, "The answer must be a whole number.", "Відповідь має бути цілим числом."),
        ProblemKind.NotDecimal => new(question, kind, "The answer must be a number.", "Відповідь має бути числом."),
        ProblemKind.NotADate => new(question, kind, "The answer must be a date written yyyy-mm-dd.", "Відповідь має бути датою у вигляді рррр-мм-дд."),
        ProblemKind.NotAnswerable => new(question, kind, "A note or a group takes no answer.", "Примітка чи група не має відповіді."),
        _ => new(question, kind, "There is no such question in the form.", "У формі немає такого питання."),
    };
}
