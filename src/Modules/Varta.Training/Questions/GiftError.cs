using System.Globalization;

namespace Varta.Training.Questions;

/// <summary>A problem in a GIFT file: the line, a stable code, and the problem in plain words in English and Ukrainian.</summary>
internal sealed record GiftError(int Line, string Code, string MessageEn, string MessageUk);

/// <summary>What a GIFT file holds. The questions that could be read are returned even when there are errors; the caller decides (an import takes nothing from a file with errors).</summary>
internal sealed record GiftParseResult(IReadOnlyList<Question> Questions, IReadOnlyList<GiftError> Errors)
{
    public bool Ok => Errors.Count == 0;
}

/// <summary>The error codes and their wording.</summary>
internal static class GiftErrors
{
    public const string UnclosedBrace = "gift.unclosed-brace";
    public const string UnopenedBrace = "gift.unopened-brace";
    public const string NestedBrace = "gift.nested-brace";
    public const string TwoAnswerBlocks = "gift.two-answer-blocks";
    public const string UnclosedTitle = "gift.unclosed-title";
    public const string EmptyQuestion = "gift.empty-question";
    public const string NoRightAnswer = "gift.no-right-answer";
    public const string WeightsSum = "gift.weights-sum";
    public const string BadWeight = "gift.bad-weight";
    public const string BadNumber = "gift.bad-number";
    public const string MatchingTooFew = "gift.matching-too-few";
    public const string MatchingNoArrow = "gift.matching-no-arrow";
    public const string TooFewChoices = "gift.too-few-choices";
    public const string EmptyAnswer = "gift.empty-answer";
    public const string AnswerWithoutMarker = "gift.answer-without-marker";

    public static GiftError Unclosed(int line) => Make(line, UnclosedBrace,
        "the answer block opened with { is never closed.",
        "блок відповідей, відкритий символом {, не закрито.");

    public static GiftError Unopened(int line) => Make(line, UnopenedBrace,
        @"the } has no { before it; write \} for a brace in the text.",
        @"символ } не має парного { перед ним; щоб дужка була в тексті, напишіть \}.");

    public static GiftError Nested(int line) => Make(line, NestedBrace,
        @"a { inside an answer block; write \{ for a brace in the text.",
        @"символ { усередині блоку відповідей; щоб дужка була в тексті, напишіть \{.");

    public static GiftError SecondBlock(int line) => Make(line, TwoAnswerBlocks,
        "a second answer block in the same question; separate questions with a blank line.",
        "другий блок відповідей в одному питанні; відокремлюйте питання порожнім рядком.");

    public static GiftError Title(int line) => Make(line, UnclosedTitle,
        "the title opened with :: is never closed.",
        "назву, відкриту символами ::, не закрито.");

    public static GiftError Empty(int line) => Make(line, EmptyQuestion,
        "the question has no text.",
        "питання не має тексту.");

    public static GiftError NoRight(int line) => Make(line, NoRightAnswer,
        "no answer gives full marks; mark the right answer with = or give it a weight of %100%.",
        "жодна відповідь не дає повного бала; позначте правильну відповідь символом = або вагою %100%.");

    public static GiftError Sum(int line, double percent)
    {
        var sum = percent.ToString("0.##", CultureInfo.InvariantCulture);
        return Make(line, WeightsSum,
            $"the positive weights add up to {sum}%; when several answers are right their weights must add up to 100%.",
            $"додатні ваги в сумі дають {sum}%; коли правильних відповідей кілька, їхні ваги мають у сумі давати 100%.");
    }

    public static GiftError Weight(int line, string weight) => Make(line, BadWeight,
        $"the weight “{Snip(weight)}” is not a percentage between -100 and 100.",
        $"вага «{Snip(weight)}» не є відсотком від -100 до 100.");

    public static GiftError WeightNotClosed(int line) => Make(line, BadWeight,
        "a weight opened with % has no closing %.",
        "вагу, відкриту символом %, не закрито другим %.");

    public static GiftError NegativeWeight(int line, string weight) => Make(line, BadWeight,
        $"the weight “{Snip(weight)}” is negative; only the answers of a multiple-choice question can take marks away.",
        $"вага «{Snip(weight)}» від’ємна; знімати бали можуть лише відповіді питання з вибором.");

    public static GiftError Number(int line, string text) => Make(line, BadNumber,
        $"“{Snip(text)}” is not a number (write numbers with a decimal point: 3.5).",
        $"«{Snip(text)}» не є числом (пишіть числа з десятковою крапкою: 3.5).");

    public static GiftError Backwards(int line, string text) => Make(line, BadNumber,
        $"the range “{Snip(text)}” runs backwards; write the smaller number first.",
        $"у діапазоні «{Snip(text)}» більше число стоїть першим; спершу напишіть менше.");

    public static GiftError NegativeTolerance(int line, string text) => Make(line, BadNumber,
        $"the margin of error in “{Snip(text)}” is negative.",
        $"похибка в «{Snip(text)}» від’ємна.");

    public static GiftError NoNumber(int line) => Make(line, BadNumber,
        "the numerical answer block has no number.",
        "у блоці числової відповіді немає жодного числа.");

    public static GiftError AfterTilde(int line, string text) => Make(line, BadNumber,
        $"after ~ in a numerical answer block only #feedback may follow, not “{Snip(text)}”.",
        $"після ~ у блоці числової відповіді може стояти лише #відгук, а не «{Snip(text)}».");

    public static GiftError TooFewPairs(int line) => Make(line, MatchingTooFew,
        "a matching question needs at least 2 pairs and 3 answers on the right (add a pair, or an extra answer written as = -> answer).",
        "питанню на відповідність потрібні щонайменше 2 пари і 3 відповіді праворуч (додайте пару або зайву відповідь у вигляді = -> відповідь).");

    public static GiftError NoArrow(int line, string pair) => Make(line, MatchingNoArrow,
        $"the pair “{Snip(pair)}” has no -> between its two sides.",
        $"у парі «{Snip(pair)}» немає -> між двома частинами.");

    public static GiftError FewChoices(int line) => Make(line, TooFewChoices,
        "a multiple-choice question needs at least two answers.",
        "питанню з вибором потрібні щонайменше дві відповіді.");

    public static GiftError EmptyAfter(int line, string marker) => Make(line, EmptyAnswer,
        $"the answer after {marker} is empty.",
        $"відповідь після {marker} порожня.");

    public static GiftError NoMarker(int line, string text) => Make(line, AnswerWithoutMarker,
        $"“{Snip(text)}” in the answer block does not start with = or ~.",
        $"«{Snip(text)}» у блоці відповідей не починається з = або ~.");

    private static GiftError Make(int line, string code, string en, string uk) =>
        new(line, code, $"Line {line}: {en}", $"Рядок {line}: {uk}");

    private static string Snip(string text)
    {
        var flat = string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        return flat.Length <= 40 ? flat : flat[..40] + "…";
    }
}
