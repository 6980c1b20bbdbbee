using Varta.Training.Questions;

namespace Varta.Training.Tests.Questions;

public sealed class GiftParseTests
{
    private static Question One(string gift)
    {
        var result = Gift.Parse(gift);
        Assert.Empty(result.Errors);
        return Assert.Single(result.Questions);
    }

    [Fact]
    public void A_single_choice_question_has_its_title_text_choices_feedback_and_line()
    {
        var q = One("// a comment\n::Tomb::Who is buried in Grant's tomb?{~Grant#No. =no one#Right! ~Jefferson}");

        Assert.Equal("Tomb", q.Title);
        Assert.Equal("Who is buried in Grant's tomb?", q.Text);
        Assert.Equal(QuestionKind.SingleChoice, q.Kind);
        Assert.Equal(
            [new Choice("Grant", 0, "No."), new Choice("no one", 1, "Right!"), new Choice("Jefferson", 0, null)],
            q.Choices);
        Assert.Equal(2, q.Line);
        Assert.Equal(1, q.DefaultMark);
    }

    [Fact]
    public void Several_positive_weights_adding_up_to_100_make_a_multiple_choice_question_with_negative_weights_kept()
    {
        var q = One("Which are prime?{\n~%50%2\n~%50%3\n~%-100%4#Even\n}");

        Assert.Equal(QuestionKind.MultipleChoice, q.Kind);
        Assert.Equal([0.5, 0.5, -1], q.Choices.Select(c => c.Fraction));
        Assert.Equal("Even", q.Choices[2].Feedback);
    }

    [Fact]
    public void A_right_answer_with_partly_right_ones_stays_single_choice()
    {
        var q = One("Capital of Ukraine?{=Kyiv ~%50%Kiev#Old spelling ~Lviv}");

        Assert.Equal(QuestionKind.SingleChoice, q.Kind);
        Assert.Equal([1, 0.5, 0], q.Choices.Select(c => c.Fraction));
    }

    [Fact]
    public void Missing_word_keeps_the_text_around_the_gap()
    {
        var q = One("Grant is {~buried =entombed ~living} in Grant's tomb.");

        Assert.Equal("Grant is _____ in Grant's tomb.", q.Text);
        Assert.Equal(QuestionKind.SingleChoice, q.Kind);
    }

    [Theory]
    [InlineData("{T}", true)]
    [InlineData("{TRUE}", true)]
    [InlineData("{F}", false)]
    [InlineData("{FALSE}", false)]
    [InlineData("{false}", false)]
    public void True_false_takes_every_spelling(string block, bool answer)
    {
        var q = One("The sun rises in the east." + block);

        Assert.Equal(QuestionKind.TrueFalse, q.Kind);
        Assert.Equal(answer, q.TrueFalseAnswer);
    }

    [Fact]
    public void True_false_feedback_goes_to_the_answer_it_belongs_to()
    {
        // {FALSE#shown when wrong#shown when right}: the wrong answer is True.
        var q = One("The sun rises in the west.{FALSE#It rises in the east.#Right, it sets there.####Sunrise is in the east.}");

        Assert.False(q.TrueFalseAnswer);
        Assert.Equal("It rises in the east.", q.TrueFeedback);
        Assert.Equal("Right, it sets there.", q.FalseFeedback);
        Assert.Equal("Sunrise is in the east.", q.GeneralFeedback);
    }

    [Fact]
    public void Short_answer_takes_only_equals_answers_with_weights_and_feedback()
    {
        var q = One("Two plus two is {=four =4 =%50%for#Spelling!} exactly.");

        Assert.Equal(QuestionKind.ShortAnswer, q.Kind);
        Assert.Equal([new Choice("four", 1, null), new Choice("4", 1, null), new Choice("for", 0.5, "Spelling!")], q.Choices);
        Assert.Equal("Two plus two is _____ exactly.", q.Text);
    }

    [Fact]
    public void Moodle_shortcuts_an_answer_without_equals_and_a_number_without_equals()
    {
        Assert.Equal([new Choice("Paris", 1, null)], One("Capital of France?{Paris}").Choices);
        Assert.Equal([NumericAnswer.Around(3, 0.5, 1, "Good.")], One("Three?{#3:0.5#Good.}").Numbers);
    }

    [Fact]
    public void Numerical_with_tolerance_keeps_the_value_and_tolerance_it_was_written_with()
    {
        var number = Assert.Single(One("Pi to one place?{#3.1:0.05}").Numbers);

        Assert.Equal(3.1 - 0.05, number.Min);
        Assert.Equal(3.1 + 0.05, number.Max);
        Assert.Equal(3.1, number.Value);
        Assert.Equal(0.05, number.Tolerance);
        Assert.Equal(1, number.Fraction);
    }

    [Fact]
    public void Numerical_ranges_and_several_weighted_answers_and_a_catch_all()
    {
        var range = Assert.Single(One("A number from 1 to 5?{#1..5}").Numbers);
        Assert.Equal((1.0, 5.0, (double?)null), (range.Min, range.Max, range.Value));

        var q = One("When was Grant born?{#\n=1822:0#Exactly.\n=%50%1822:2#Close.\n~#Look it up.\n####He was born in 1822.}");
        Assert.Equal(QuestionKind.Numerical, q.Kind);
        Assert.Equal(
            [NumericAnswer.Around(1822, 0, 1, "Exactly."), NumericAnswer.Around(1822, 2, 0.5, "Close."), NumericAnswer.AnyOther("Look it up.")],
            q.Numbers);
        Assert.Equal("He was born in 1822.", q.GeneralFeedback);

        var negative = Assert.Single(One("Freezing point of mercury?{#-38.83:0.1}").Numbers);
        Assert.Equal(-38.83, negative.Value);
    }

    [Fact]
    public void Matching_keeps_pairs_and_extra_answers_on_the_right()
    {
        var q = One("Match the capitals.{\n=Canada -> Ottawa\n=Italy->Rome\n=Japan -> Tokyo\n= -> Paris\n}");

        Assert.Equal(QuestionKind.Matching, q.Kind);
        Assert.Equal(
            [new MatchPair("Canada", "Ottawa"), new MatchPair("Italy", "Rome"), new MatchPair("Japan", "Tokyo"), new MatchPair("", "Paris")],
            q.Pairs);
    }

    [Fact]
    public void Essay_description_and_general_feedback()
    {
        var essay = One("::E::Describe your court's evacuation plan.{####Mention the assembly point.}");
        Assert.Equal(QuestionKind.Essay, essay.Kind);
        Assert.Equal("Mention the assembly point.", essay.GeneralFeedback);

        var description = One("::Intro::The next questions are about fire safety.");
        Assert.Equal(QuestionKind.Description, description.Kind);
        Assert.Equal(0, description.DefaultMark);
    }

    [Fact]
    public void Format_markers_are_noted_and_removed_from_the_text_and_answers()
    {
        var q = One("::F::[markdown]**Bold** question?{=[html]<b>yes</b> ~no}");

        Assert.Equal(TextFormat.Markdown, q.Format);
        Assert.Equal("**Bold** question?", q.Text);
        Assert.Equal("<b>yes</b>", q.Choices[0].Text);
        Assert.Equal(TextFormat.Html, One("[html]<p>Hi</p>").Format);
        Assert.Equal(TextFormat.Plain, One("[plain]a < b{T}").Format);
        Assert.Equal("[note] text", One("[note] text").Text);
    }

    [Fact]
    public void Categories_apply_to_the_questions_after_them()
    {
        var result = Gift.Parse("Before{T}\n\n$CATEGORY: $course$/Fire safety\n\nQ1{T}\n\nQ2{F}\n\n$CATEGORY:\n\nQ3{T}");

        Assert.Empty(result.Errors);
        Assert.Equal([null, "$course$/Fire safety", "$course$/Fire safety", null], result.Questions.Select(q => q.Category));
        Assert.Equal([1, 5, 7, 11], result.Questions.Select(q => q.Line));
    }

    [Fact]
    public void Escapes_give_the_characters_and_new_lines_and_leave_tex_alone()
    {
        var q = One(@"::a\:b:: 1 \= 1\, \{set\} \#1 \~2 line\nbreak \(x\) \\{=a\~b#c\#d ~e}");

        Assert.Equal("a:b", q.Title);
        Assert.Equal("1 = 1\\, {set} #1 ~2 line\nbreak \\(x\\) \\", q.Text);
        Assert.Equal(new Choice("a~b", 1, "c#d"), q.Choices[0]);
    }

    [Fact]
    public void A_question_over_several_lines_keeps_its_lines_and_skips_comment_lines()
    {
        var result = Gift.Parse("\n\n::Multi::First line\n// note to self\nsecond line{\n  =yes\n  ~no\n}\n\n\nNext{T}");

        Assert.Empty(result.Errors);
        Assert.Equal("First line\nsecond line", result.Questions[0].Text);
        Assert.Equal([3, 11], result.Questions.Select(q => q.Line));
    }

    [Fact]
    public void Windows_line_endings_and_a_byte_order_mark_are_read()
    {
        var result = Gift.Parse("\uFEFF::A::One?{T}\r\n\r\n::B::Two?{F}\r\n");

        Assert.Empty(result.Errors);
        Assert.Equal(["A", "B"], result.Questions.Select(q => q.Title));
        Assert.Equal([1, 3], result.Questions.Select(q => q.Line));
    }
}
