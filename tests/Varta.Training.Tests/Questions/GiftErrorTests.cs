using Varta.Training.Questions;

namespace Varta.Training.Tests.Questions;

public sealed class GiftErrorTests
{
    private const string Good = "::Good::Fine question{T}\n\n";

    [Theory]
    // The line named is the line of the problem, with a good question and blank lines before it.
    [InlineData("::Q::Text\nmore\ntext {=a\n~b", GiftErrors.UnclosedBrace, 5)]
    [InlineData("::Q::Text\n=a ~b}", GiftErrors.UnopenedBrace, 4)]
    [InlineData("::Q::Text{=a\n~{b}", GiftErrors.NestedBrace, 4)]
    [InlineData("::Q::Text{=a ~b}\nmore{T}", GiftErrors.TwoAnswerBlocks, 4)]
    [InlineData("::Q::Text{=a ~b}\nmore}", GiftErrors.UnopenedBrace, 4)]
    [InlineData("::Q: Text{T}", GiftErrors.UnclosedTitle, 3)]
    [InlineData("::Q::\n{=a ~b}", GiftErrors.EmptyQuestion, 3)]
    [InlineData("::Q::Pick{~a ~b ~%50%c}", GiftErrors.NoRightAnswer, 3)]
    [InlineData("::Q::Name it{=%50%x}", GiftErrors.NoRightAnswer, 3)]
    [InlineData("::Q::How many{#=%50%3}", GiftErrors.NoRightAnswer, 3)]
    [InlineData("::Q::Pick{~%50%a ~%30%b ~c}", GiftErrors.WeightsSum, 3)]
    [InlineData("::Q::Pick{\n=a\n~%abc%b}", GiftErrors.BadWeight, 5)]
    [InlineData("::Q::Pick{=a ~%150%b}", GiftErrors.BadWeight, 3)]
    [InlineData("::Q::Pick{=a ~%50b}", GiftErrors.BadWeight, 3)]
    [InlineData("::Q::Name it{=Paris =%-50%Lyon}", GiftErrors.BadWeight, 3)]
    [InlineData("::Q::How many\n{#\n=3,5}", GiftErrors.BadNumber, 5)]
    [InlineData("::Q::How many{#five}", GiftErrors.BadNumber, 3)]
    [InlineData("::Q::How many{#5..1}", GiftErrors.BadNumber, 3)]
    [InlineData("::Q::How many{#5:-1}", GiftErrors.BadNumber, 3)]
    [InlineData("::Q::How many{#}", GiftErrors.BadNumber, 3)]
    [InlineData("::Q::How many{#=3 ~oops}", GiftErrors.BadNumber, 3)]
    [InlineData("::Q::Match{=a -> 1 =b -> 2}", GiftErrors.MatchingTooFew, 3)]
    [InlineData("::Q::Match{=a -> 1 = -> 2 = -> 3}", GiftErrors.MatchingTooFew, 3)]
    [InlineData("::Q::Match{\n=a -> 1\n=b -> 2\n=c 3}", GiftErrors.MatchingNoArrow, 6)]
    [InlineData("::Q::Pick{~a}", GiftErrors.TooFewChoices, 3)]
    [InlineData("::Q::Pick{=a ~ ~b}", GiftErrors.EmptyAnswer, 3)]
    [InlineData("::Q::Match{=a -> 1 =b -> 2 =c ->}", GiftErrors.EmptyAnswer, 3)]
    [InlineData("::Q::Pick{a ~b =c}", GiftErrors.AnswerWithoutMarker, 3)]
    public void Each_problem_has_its_code_and_line(string question, string code, int line)
    {
        var result = Gift.Parse(Good + question + "\n\n::After::Still read{F}");

        var error = Assert.Single(result.Errors);
        Assert.Equal(code, error.Code);
        Assert.Equal(line, error.Line);
        Assert.StartsWith($"Line {line}: ", error.MessageEn, StringComparison.Ordinal);
        Assert.StartsWith($"Рядок {line}: ", error.MessageUk, StringComparison.Ordinal);
        Assert.False(result.Ok);
        Assert.Equal(["Good", "After"], result.Questions.Select(q => q.Title));
    }

    [Fact]
    public void The_unclosed_brace_message_says_so_in_both_languages()
    {
        var error = Assert.Single(Gift.Parse("\n\n\n\n\n\n\n\n\n\n\nWhat is 2+2?{=4 ~5").Errors);

        Assert.Equal("Line 12: the answer block opened with { is never closed.", error.MessageEn);
        Assert.Equal("Рядок 12: блок відповідей, відкритий символом {, не закрито.", error.MessageUk);
    }

    [Fact]
    public void Every_error_of_a_file_is_reported_not_only_the_first()
    {
        var result = Gift.Parse("A{=a ~%abc%b ~%200%c}\n\nB{#x}\n\nC{T}\n\nD{=a");

        Assert.Equal(
            [(1, GiftErrors.BadWeight), (1, GiftErrors.BadWeight), (3, GiftErrors.BadNumber), (7, GiftErrors.UnclosedBrace)],
            result.Errors.Select(e => (e.Line, e.Code)));
        Assert.Equal("C", Assert.Single(result.Questions).Text);
    }

    [Fact]
    public void Messages_name_the_offending_text()
    {
        var errors = Gift.Parse("A{#3,5}\n\nB{~%50%a ~%30%b ~c}").Errors;

        Assert.Contains("“3,5” is not a number", errors[0].MessageEn, StringComparison.Ordinal);
        Assert.Contains("«3,5» не є числом", errors[0].MessageUk, StringComparison.Ordinal);
        Assert.Contains("add up to 80%", errors[1].MessageEn, StringComparison.Ordinal);
        Assert.Contains("дають 80%", errors[1].MessageUk, StringComparison.Ordinal);
    }

    [Fact]
    public void Unknown_escapes_are_text_not_errors_because_moodle_banks_carry_tex()
    {
        var result = Gift.Parse(@"Solve \(x^2 \le 4\) for x.{=\[-2, 2\] ~\(x > 2\)}");

        Assert.Empty(result.Errors);
        Assert.Equal(@"Solve \(x^2 \le 4\) for x.", result.Questions[0].Text);
    }

    [Fact]
    public void A_file_of_comments_and_blank_lines_has_no_questions_and_no_errors()
    {
        var result = Gift.Parse("// nothing here\n\n   \n// still nothing\n");

        Assert.True(result.Ok);
        Assert.Empty(result.Questions);
    }
}
