using Varta.Training.Questions;

namespace Varta.Training.Tests.Questions;

public sealed class GiftRoundTripTests
{
    // Every feature of the format in one bank.
    private const string FeatureBank = """
        // Fire safety bank
        $CATEGORY: $course$/top/Fire safety

        ::Single::Which extinguisher is for electrical fires?{
            =CO2#Right: it leaves no residue.
            ~%50%Powder#It works, but ruins the equipment.
            ~Water#Never on live equipment!
            ####Switch the power off first if you can.
        }

        ::Multi::[markdown]Which **two** are exits?{~%50%Door A ~%50%Door B ~%-100%Lift#Never the lift.}

        ::Gap::The assembly point is at the {=car park =parking lot} behind the court.

        ::TF::Fire doors may be wedged open.{FALSE#They must close by themselves.#Right.####Fire doors stop smoke.}

        ::Number::How many minutes does the evacuation drill allow?{#
            =5:1#Right.
            =%50%3..10#Close.
            ~#Ask the warden.
        }

        $CATEGORY: $course$/top/Escapes

        ::Match::Match the sign to its meaning.{
            =Green running man -> Exit
            =Red flame -> Extinguisher
            =Blue circle -> Mandatory
            = -> Warning
        }

        ::Essay::[html]<p>Describe your room's route out.</p>{####Name both stairs.}

        ::Intro\: read first::Special characters\: \~ \= \# \{ \} \\ and a\nnew line, TeX \(x\).

        100\% sure? {=%100%yes ~no}
        """;

    [Fact]
    public void A_bank_using_every_feature_reads_back_equal_after_writing()
    {
        var first = Gift.Parse(FeatureBank);
        Assert.Empty(first.Errors);
        Assert.Equal(9, first.Questions.Count);
        Assert.Equal(
            [QuestionKind.SingleChoice, QuestionKind.MultipleChoice, QuestionKind.ShortAnswer, QuestionKind.TrueFalse, QuestionKind.Numerical,
             QuestionKind.Matching, QuestionKind.Essay, QuestionKind.Description, QuestionKind.SingleChoice],
            first.Questions.Select(q => q.Kind));

        var written = Gift.Write(first.Questions);
        var second = Gift.Parse(written);

        Assert.Empty(second.Errors.Select(e => e.MessageEn));
        Assert.Equal(WithoutLines(first.Questions), WithoutLines(second.Questions));
        Assert.Equal(written, Gift.Write(second.Questions));
    }

    [Fact]
    public void The_writer_gives_back_the_form_the_author_used()
    {
        var written = Gift.Write(Gift.Parse(FeatureBank).Questions);

        Assert.Contains("=5:1#Right.", written, StringComparison.Ordinal);
        Assert.Contains("=%50%3..10#Close.", written, StringComparison.Ordinal);
        Assert.Contains("~#Ask the warden.", written, StringComparison.Ordinal);
        Assert.Contains("The assembly point is at the {", written, StringComparison.Ordinal);
        Assert.Contains("} behind the court.", written, StringComparison.Ordinal);
        Assert.Contains("$CATEGORY: $course$/top/Escapes", written, StringComparison.Ordinal);
        Assert.Contains(@"Special characters\: \~ \= \# \{ \} \\ and a\nnew line", written, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    [InlineData(6)]
    [InlineData(7)]
    [InlineData(8)]
    public void Random_banks_full_of_characters_to_escape_read_back_equal(int seed)
    {
        var bank = RandomBank.Make(seed, 40);

        var written = Gift.Write(bank);
        var read = Gift.Parse(written);

        Assert.Empty(read.Errors.Select(e => e.MessageEn));
        Assert.Equal(bank.Count, read.Questions.Count);
        for (var i = 0; i < bank.Count; i++)
        {
            Assert.Equal(bank[i], read.Questions[i] with { Line = 0 });
        }
    }

    [Fact]
    public void Parse_write_parse_is_stable_for_random_banks()
    {
        var once = Gift.Parse(Gift.Write(RandomBank.Make(99, 60))).Questions;
        var twice = Gift.Parse(Gift.Write(once)).Questions;

        Assert.Equal(WithoutLines(once), WithoutLines(twice));
    }

    [Theory]
    [InlineData("//not a comment")]
    [InlineData("[html] is not a format here")]
    [InlineData("$CATEGORY: not a category")]
    [InlineData("::not a title::")]
    [InlineData("ends in a backslash \\")]
    [InlineData("The gap is at the end _____")]
    [InlineData("_____ starts the text")]
    public void Texts_that_look_like_syntax_survive_a_round_trip(string text)
    {
        var question = new Question
        {
            Text = text,
            Kind = QuestionKind.SingleChoice,
            Choices = [new Choice("%50 is the answer", 1, "[plain] feedback"), new Choice("[markdown]", 0, null)],
        };

        var read = Gift.Parse(Gift.Write([question]));

        Assert.Empty(read.Errors.Select(e => e.MessageEn));
        Assert.Equal(question, read.Questions[0] with { Line = 0 });
    }

    [Fact]
    public void Weights_keep_their_exact_value_through_the_writer()
    {
        var fractions = new[] { 0.3333333, 1.0 / 3, 0.1, 0.7, 0.142857, 0.05, -0.3333333, 0.8333333 };
        foreach (var fraction in fractions)
        {
            Assert.True(GiftPercent.TryRead(GiftPercent.Write(fraction), out var back));
            Assert.Equal(fraction, back);
        }
        Assert.True(GiftPercent.TryRead("33.33333", out var third));
        Assert.Equal(0.3333333, third);
        Assert.Equal("33.33333", GiftPercent.Write(0.3333333));
        Assert.Equal("50", GiftPercent.Write(0.5));
    }

    [Fact]
    public void What_gift_cannot_say_is_refused_rather_than_written_wrong()
    {
        var shortAnswer = new Question { Text = "Arrow?", Kind = QuestionKind.ShortAnswer, Choices = [new Choice("a->b", 1, null)] };
        var matching = new Question
        {
            Text = "Match",
            Kind = QuestionKind.Matching,
            Pairs = [new MatchPair("a->b", "1"), new MatchPair("c", "2"), new MatchPair("d", "3")],
        };

        Assert.Throws<ArgumentException>(() => Gift.Write([shortAnswer]));
        Assert.Throws<ArgumentException>(() => Gift.Write([matching]));
        Assert.Throws<ArgumentException>(() => Gift.Write([new Question { Text = " ", Kind = QuestionKind.Essay }]));
    }

    private static List<Question> WithoutLines(IEnumerable<Question> questions) => [.. questions.Select(q => q with { Line = 0 })];
}
