using Varta.Training.Questions;

namespace Varta.Training.Tests.Questions;

public sealed class GraderTests
{
    private static Question Q(string gift) => Assert.Single(Gift.Parse(gift).Questions);

    private static readonly Question Single = Q("Capital?{=Kyiv#Right. ~%50%Kiev#Old spelling. ~Lviv#No. ~%-50%Moscow#Certainly not.}");
    private static readonly Question Multi = Q("Which are prime?{~%50%2#Yes. ~%50%3#Yes. ~%-100%4#Even. ~%-50%9#Odd, not prime.}");

    [Theory]
    [InlineData(0, 1.0, "Right", "Right.")]
    [InlineData(1, 0.5, "Partial", "Old spelling.")]
    [InlineData(2, 0.0, "Wrong", "No.")]
    [InlineData(3, -0.5, "Wrong", "Certainly not.")]
    public void Single_choice_scores_the_chosen_choice(int chosen, double fraction, string state, string feedback)
    {
        var mark = Grader.Grade(Single, ResponseValue.Choose(chosen));

        Assert.Equal(new Mark(fraction, feedback, Enum.Parse<MarkState>(state)), mark);
    }

    [Theory]
    [InlineData(new int[0])]
    [InlineData(new[] { 7 })]
    [InlineData(new[] { -1 })]
    [InlineData(new[] { 0, 1 })]
    public void Single_choice_without_exactly_one_valid_choice_is_not_answered(int[] chosen)
    {
        Assert.Equal(Mark.NotAnswered(), Grader.Grade(Single, ResponseValue.Choose(chosen)));
        Assert.Equal(Mark.NotAnswered(), Grader.Grade(Single, null));
    }

    [Theory]
    [InlineData(new[] { 0, 1 }, 1.0, "Right")]
    [InlineData(new[] { 0 }, 0.5, "Partial")]
    [InlineData(new[] { 0, 1, 3 }, 0.5, "Partial")]      // 0.5 + 0.5 - 0.5
    [InlineData(new[] { 0, 3 }, 0.0, "Wrong")]           // 0.5 - 0.5
    [InlineData(new[] { 0, 2 }, 0.0, "Wrong")]           // 0.5 - 1, clamped to 0
    [InlineData(new[] { 0, 1, 2, 3 }, 0.0, "Wrong")]     // choosing everything does not pay
    [InlineData(new[] { 0, 0, 1, 99 }, 1.0, "Right")]    // repeats and strays ignored
    public void Multiple_choice_adds_the_chosen_weights_and_clamps_to_0_1(int[] chosen, double fraction, string state)
    {
        var mark = Grader.Grade(Multi, ResponseValue.Choose(chosen));

        Assert.Equal(fraction, mark.Fraction!.Value, 9);
        Assert.Equal(Enum.Parse<MarkState>(state), mark.State);
    }

    [Fact]
    public void Multiple_choice_feedback_gathers_the_chosen_choices()
    {
        Assert.Equal("Yes.\nEven.", Grader.Grade(Multi, ResponseValue.Choose(2, 0)).Feedback);
        Assert.Equal(MarkState.NotAnswered, Grader.Grade(Multi, ResponseValue.Choose(8)).State);
    }

    [Fact]
    public void True_false_scores_the_answer_and_gives_the_feedback_of_what_was_said()
    {
        var q = Q("Fire doors may be wedged open.{FALSE#They must close.#Right.}");

        Assert.Equal(new Mark(1, "Right.", MarkState.Right), Grader.Grade(q, ResponseValue.Choose(ResponseValue.False)));
        Assert.Equal(new Mark(0, "They must close.", MarkState.Wrong), Grader.Grade(q, ResponseValue.Choose(ResponseValue.True)));
        Assert.Equal(MarkState.NotAnswered, Grader.Grade(q, ResponseValue.Choose(2)).State);
    }

    [Theory]
    [InlineData("Kyiv", 1.0, "Right.")]
    [InlineData("  kyiv ", 1.0, "Right.")]          // case and surrounding spaces
    [InlineData("КИЇВ", 1.0, "Cyrillic.")]          // case in Ukrainian too
    [InlineData("the city of Kyiv", 0.5, "Wordy.")]
    [InlineData("the   city\tof\nKyiv", 0.5, "Wordy.")] // inner runs of white space are one space
    [InlineData("Kiev", 0.3, "Old.")]
    [InlineData("Odesa", 0.0, null)]
    public void Short_answer_takes_the_best_matching_answer(string typed, double fraction, string? feedback)
    {
        var q = Q("Capital?{=%30%Kiev#Old. =%50%the city of *#Wordy. =Kyiv#Right. =Київ#Cyrillic.}");

        var mark = Grader.Grade(q, ResponseValue.Typed(typed));

        Assert.Equal((fraction, feedback), (mark.Fraction!.Value, mark.Feedback));
    }

    [Fact]
    public void Short_answer_best_match_wins_over_the_first_match()
    {
        // Moodle would stop at the first answer that matches (50 %); the best one here is worth 100 %.
        var q = Q("Capital?{=%50%*iv =Kyiv}");

        Assert.Equal(1, Grader.Grade(q, ResponseValue.Typed("Kyiv")).Fraction);
        Assert.Equal(0.5, Grader.Grade(q, ResponseValue.Typed("Kharkiv")).Fraction);
    }

    [Fact]
    public void Short_answer_wildcards_case_sensitivity_and_literal_asterisks()
    {
        var wildcard = Q("Any colour?{=*red* =gr*n}");
        Assert.Equal(1, Grader.Grade(wildcard, ResponseValue.Typed("dark red paint")).Fraction);
        Assert.Equal(1, Grader.Grade(wildcard, ResponseValue.Typed("green")).Fraction);
        Assert.Equal(1, Grader.Grade(wildcard, ResponseValue.Typed("grn")).Fraction);
        Assert.Equal(0, Grader.Grade(wildcard, ResponseValue.Typed("greens")).Fraction);
        Assert.Equal(0, Grader.Grade(wildcard, ResponseValue.Typed("blue")).Fraction);

        var star = Q(@"The wildcard character?{=\*}");
        Assert.Equal(1, Grader.Grade(star, ResponseValue.Typed("*")).Fraction);
        Assert.Equal(0, Grader.Grade(star, ResponseValue.Typed("anything")).Fraction);

        var sensitive = Q("Chemical symbol of sodium?{=Na}") with { CaseSensitive = true };
        Assert.Equal(1, Grader.Grade(sensitive, ResponseValue.Typed("Na")).Fraction);
        Assert.Equal(0, Grader.Grade(sensitive, ResponseValue.Typed("NA")).Fraction);

        Assert.Equal(MarkState.NotAnswered, Grader.Grade(sensitive, ResponseValue.Typed("   ")).State);
    }

    [Theory]
    [InlineData("3.5", 1.0, "Spot on.")]
    [InlineData("3,5", 1.0, "Spot on.")]
    [InlineData("3.1", 1.0, "Spot on.")]      // the edge of 3.5 ± 0.4 counts, despite binary rounding
    [InlineData("3.9", 1.0, "Spot on.")]
    [InlineData("+3.9e0", 1.0, "Spot on.")]
    [InlineData("4.5", 0.5, "Close.")]       // in the 1..5 range
    [InlineData("1", 0.5, "Close.")]
    [InlineData("−7", 0.0, "Way off.")]      // Unicode minus; only the catch-all matches
    [InlineData("5.0001", 0.0, "Way off.")]
    public void Numerical_takes_the_best_range_the_number_falls_in(string typed, double fraction, string feedback)
    {
        var q = Q("Hours?{#=%50%1..5#Close. =3.5:0.4#Spot on. ~#Way off.}");

        var mark = Grader.Grade(q, ResponseValue.Typed(typed));

        Assert.Equal((fraction, feedback), (mark.Fraction!.Value, mark.Feedback));
    }

    [Theory]
    [InlineData("three")]
    [InlineData("1,234.5")]
    [InlineData("1,2,3")]
    [InlineData("NaN")]
    [InlineData("Infinity")]
    public void Numerical_text_that_is_no_number_scores_0_and_says_so(string typed)
    {
        var mark = Grader.Grade(Q("Hours?{#3}"), ResponseValue.Typed(typed));

        Assert.Equal((0.0, MarkState.Invalid), (mark.Fraction!.Value, mark.State));
        Assert.Equal($"“{typed}” is not a number.", mark.NoticeEn);
        Assert.Equal($"«{typed}» не є числом.", mark.NoticeUk);
    }

    [Fact]
    public void Matching_scores_the_share_of_pairs_right_and_ignores_stray_indexes()
    {
        var q = Q("Match.{=Canada -> Ottawa =Italy -> Rome =Japan -> Tokyo =Spain -> Madrid = -> Paris}");

        var half = ResponseValue.Match(new Dictionary<int, string> { [0] = "Ottawa", [1] = "Paris", [2] = "Tokyo", [3] = "Rome" });
        Assert.Equal(new Mark(0.5, null, MarkState.Partial), Grader.Grade(q, half));

        var all = ResponseValue.Match(new Dictionary<int, string> { [0] = "Ottawa", [1] = "Rome", [2] = "Tokyo", [3] = " Madrid ", [4] = "Paris", [9] = "x" });
        Assert.Equal(new Mark(1, null, MarkState.Right), Grader.Grade(q, all));

        var one = ResponseValue.Match(new Dictionary<int, string> { [2] = "Tokyo", [-1] = "Rome" });
        Assert.Equal(0.25, Grader.Grade(q, one).Fraction);
        Assert.False(Grader.IsComplete(q, one));
        Assert.True(Grader.IsGradable(q, one));

        Assert.Equal(MarkState.NotAnswered, Grader.Grade(q, ResponseValue.Match(new Dictionary<int, string> { [4] = "Paris" })).State);
    }

    [Fact]
    public void Essays_wait_for_a_trainer_and_descriptions_are_not_graded()
    {
        var essay = Q("Describe the route out.{}");
        Assert.Equal(new Mark(null, null, MarkState.NeedsGrading), Grader.Grade(essay, ResponseValue.Typed("Down the east stairs.")));
        Assert.Equal(new Mark(null, null, MarkState.NotAnswered), Grader.Grade(essay, ResponseValue.Typed(" ")));

        var description = Q("Read this first.");
        Assert.Equal(new Mark(null, null, MarkState.NotGraded), Grader.Grade(description, ResponseValue.Typed("x")));
        Assert.False(Grader.IsGradable(description, ResponseValue.Typed("x")));
    }

    [Fact]
    public void A_response_of_the_wrong_shape_is_not_answered_never_an_exception()
    {
        Question[] questions = [Single, Multi, Q("T?{T}"), Q("S?{=a}"), Q("N?{#1}"), Q("M?{=a -> 1 =b -> 2 =c -> 3}")];
        ResponseValue[] odd = [ResponseValue.Empty, ResponseValue.Typed("1"), ResponseValue.Choose(int.MaxValue, int.MinValue), ResponseValue.Match(new Dictionary<int, string> { [int.MaxValue] = "1" })];

        foreach (var question in questions)
        {
            foreach (var response in odd)
            {
                var mark = Grader.Grade(question, response);
                Assert.True(mark.State == MarkState.NotAnswered || response.Text is not null, $"{question.Kind} {response}");
            }
        }
    }
}
