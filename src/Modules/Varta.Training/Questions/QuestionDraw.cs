namespace Varta.Training.Questions;

/// <summary>Random questions for an attempt and the order their choices are offered in, both fixed by a seed.</summary>
internal static class QuestionDraw
{
    /// <summary>
    /// <paramref name="count"/> different questions of the bank in random order (count ≤ 0, or more than the bank
    /// holds, takes them all, still in random order). The same bank and seed always give the same draw.
    /// </summary>
    public static IReadOnlyList<Question> Draw(IReadOnlyList<Question> bank, int count, int seed)
    {
        ArgumentNullException.ThrowIfNull(bank);
        var take = count <= 0 ? bank.Count : Math.Min(count, bank.Count);
        return [.. new SeededRandom(seed).Permutation(bank.Count, take).Select(i => bank[i])];
    }

    /// <summary>
    /// The order a question's choices are shown in. Choice questions shuffle their choices; matching questions keep
    /// their left side and shuffle the answers offered on the right; other kinds have nothing to shuffle.
    /// </summary>
    public static ShuffledQuestion ShuffleChoices(Question question, int seed)
    {
        ArgumentNullException.ThrowIfNull(question);
        var random = new SeededRandom(seed);
        switch (question.Kind)
        {
            case QuestionKind.SingleChoice or QuestionKind.MultipleChoice:
                return new ShuffledQuestion(question, random.Permutation(question.Choices.Count, question.Choices.Count), []);
            case QuestionKind.Matching:
                var rights = question.Pairs.Select(p => p.Right).Distinct(StringComparer.Ordinal).ToList();
                var order = random.Permutation(rights.Count, rights.Count);
                return new ShuffledQuestion(question, [.. Enumerable.Range(0, question.Choices.Count)], [.. order.Select(i => rights[i])]);
            default:
                return new ShuffledQuestion(question, [.. Enumerable.Range(0, question.Choices.Count)], []);
        }
    }
}

/// <summary>
/// A question as shown: <see cref="Order"/>[shown position] is the original choice index, so a response given in
/// shown positions maps back with <see cref="ToOriginal"/> (true-false keeps 0 = True, 1 = False). <see cref="RightOptions"/> are a matching question's
/// right-hand answers in the order offered (the response names them by text, so they need no mapping back).
/// </summary>
internal sealed record ShuffledQuestion(Question Question, IReadOnlyList<int> Order, IReadOnlyList<string> RightOptions)
{
    public IReadOnlyList<Choice> Choices => [.. Order.Select(i => Question.Choices[i])];

    /// <summary>The original index of the choice shown at <paramref name="shown"/>; -1 (not a choice) when out of range.</summary>
    public int OriginalIndex(int shown) => shown >= 0 && shown < Order.Count ? Order[shown] : -1;

    /// <summary>The response in original indexes, ready for grading; positions that are no choice become -1, which grading ignores.</summary>
    public ResponseValue ToOriginal(ResponseValue shown) =>
        shown.Selected is null || Question.Kind is not (QuestionKind.SingleChoice or QuestionKind.MultipleChoice)
            ? shown
            : shown with { Selected = [.. shown.Selected.Select(OriginalIndex)] };
}
