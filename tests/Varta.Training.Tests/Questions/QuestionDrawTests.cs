using Varta.Training.Questions;

namespace Varta.Training.Tests.Questions;

public sealed class QuestionDrawTests
{
    private static readonly List<Question> Bank =
        [.. Enumerable.Range(1, 10).Select(i => new Question { Title = $"Q{i}", Text = $"Question {i}", Kind = QuestionKind.Essay })];

    private static readonly Question Choices = Assert.Single(Gift.Parse("Pick{=a ~b ~c ~d ~e}").Questions);

    private static string Titles(IEnumerable<Question> questions) => string.Join(",", questions.Select(q => q.Title));

    [Fact]
    public void A_draw_is_the_same_for_the_same_seed_and_never_repeats_a_question()
    {
        var draw = QuestionDraw.Draw(Bank, 5, seed: 42);

        Assert.Equal(Titles(draw), Titles(QuestionDraw.Draw(Bank, 5, seed: 42)));
        Assert.Equal(5, draw.Distinct().Count());
        Assert.True(Enumerable.Range(0, 20).Select(s => Titles(QuestionDraw.Draw(Bank, 5, s))).Distinct().Count() > 15);
    }

    [Fact]
    public void A_seed_gives_this_very_draw_on_every_machine_and_version()
    {
        // Attempts store their seed: changing the generator would change the questions of attempts already taken.
        Assert.Equal("Q2,Q1,Q7", Titles(QuestionDraw.Draw(Bank, 3, seed: 42)));
        Assert.Equal([4, 2, 0, 1, 3], QuestionDraw.ShuffleChoices(Choices, seed: 7).Order);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-3)]
    [InlineData(10)]
    [InlineData(25)]
    public void Zero_negative_or_too_many_takes_the_whole_bank_in_random_order(int count)
    {
        var draw = QuestionDraw.Draw(Bank, count, seed: 5);

        Assert.Equal(10, draw.Count);
        Assert.Equal(Titles(Bank.OrderBy(q => q.Title)), Titles(draw.OrderBy(q => q.Title)));
        Assert.NotEqual(Titles(Bank), Titles(draw));
        Assert.Empty(QuestionDraw.Draw([], count, seed: 5));
    }

    [Fact]
    public void Every_question_is_drawn_about_as_often_over_many_seeds()
    {
        var counts = new int[10];
        for (var seed = 0; seed < 10_000; seed++)
        {
            foreach (var q in QuestionDraw.Draw(Bank, 3, seed))
            {
                counts[int.Parse(q.Title![1..], System.Globalization.CultureInfo.InvariantCulture) - 1]++;
            }
        }

        // 3000 expected each; a fair draw stays well within ±10 %.
        Assert.All(counts, c => Assert.InRange(c, 2700, 3300));
    }

    [Fact]
    public void Shuffled_choices_map_back_to_the_original_indexes_for_grading()
    {
        var shuffled = QuestionDraw.ShuffleChoices(Choices, seed: 3);
        var shownRight = shuffled.Choices.ToList().FindIndex(c => c.Text == "a");

        Assert.Equal([0, 1, 2, 3, 4], shuffled.Order.Order());
        Assert.Equal(Choices.Choices[shuffled.Order[shownRight]], shuffled.Choices[shownRight]);
        Assert.Equal(1, Grader.Grade(Choices, shuffled.ToOriginal(ResponseValue.Choose(shownRight))).Fraction);
        Assert.Equal(-1, shuffled.OriginalIndex(5));
        Assert.Equal(MarkState.NotAnswered, Grader.Grade(Choices, shuffled.ToOriginal(ResponseValue.Choose(9))).State);
        Assert.Equal(shuffled.Order, QuestionDraw.ShuffleChoices(Choices, seed: 3).Order);
        Assert.True(Enumerable.Range(0, 20).Select(s => string.Join(",", QuestionDraw.ShuffleChoices(Choices, s).Order)).Distinct().Count() > 10);
    }

    [Fact]
    public void Every_order_of_three_choices_comes_up_about_as_often()
    {
        var three = Assert.Single(Gift.Parse("Pick{=a ~b ~c}").Questions);
        var counts = Enumerable.Range(0, 6000)
            .GroupBy(s => string.Join("", QuestionDraw.ShuffleChoices(three, s).Order))
            .ToDictionary(g => g.Key, g => g.Count());

        Assert.Equal(6, counts.Count);
        Assert.All(counts.Values, c => Assert.InRange(c, 850, 1150));
    }

    [Fact]
    public void Matching_shuffles_the_answers_offered_on_the_right_and_keeps_the_left()
    {
        var q = Assert.Single(Gift.Parse("Match{=a -> 1 =b -> 2 =c -> 2 =d -> 3 = -> 4}").Questions);

        var shuffled = QuestionDraw.ShuffleChoices(q, seed: 11);

        Assert.Equal(["1", "2", "3", "4"], shuffled.RightOptions.Order());
        Assert.Equal(shuffled.RightOptions, QuestionDraw.ShuffleChoices(q, seed: 11).RightOptions);
        Assert.True(Enumerable.Range(0, 20).Select(s => string.Concat(QuestionDraw.ShuffleChoices(q, s).RightOptions)).Distinct().Count() > 10);
        Assert.Same(q, shuffled.Question);
    }

    [Theory]
    [InlineData("T?{T}")]
    [InlineData("N?{#3}")]
    [InlineData("S?{=a =b}")]
    [InlineData("E?{}")]
    [InlineData("D.")]
    public void Other_kinds_are_not_shuffled_and_their_responses_pass_through(string gift)
    {
        var q = Assert.Single(Gift.Parse(gift).Questions);

        var shuffled = QuestionDraw.ShuffleChoices(q, seed: 9);

        Assert.Equal(Enumerable.Range(0, q.Choices.Count), shuffled.Order);
        Assert.Empty(shuffled.RightOptions);
        var response = new ResponseValue([ResponseValue.False], "3");
        Assert.Same(response, shuffled.ToOriginal(response));
    }
}
