using Varta.Training.Questions;

namespace Varta.Training.Tests.Questions;

public sealed class QuestionAttemptTests
{
    private const double Penalty = QuestionAttempt.DefaultPenalty; // 0.3333333

    // Choices 0 and 1 are worth 50 % each, 2 takes 100 % away: [0] is partly right (0.5), [0, 1] right, [0, 2] wrong.
    private static readonly Question Multi = Assert.Single(Gift.Parse("Which are prime?{~%50%2 ~%50%3 ~%-100%4#Even.}").Questions) with { DefaultMark = 2 };
    private static readonly Question Single = Assert.Single(Gift.Parse("Capital?{=Kyiv ~%-50%Moscow ~Lviv}").Questions);

    private static readonly ResponseValue Partial = ResponseValue.Choose(0);
    private static readonly ResponseValue Right = ResponseValue.Choose(0, 1);
    private static readonly ResponseValue Wrong = ResponseValue.Choose(0, 2);

    [Fact]
    public void Deferred_feedback_grades_the_last_saved_response_at_finish_and_shows_nothing_before()
    {
        var attempt = new QuestionAttempt(Multi, Behaviour.DeferredFeedback);

        Assert.Equal(StepResult.Saved, attempt.Save(Partial));
        Assert.Equal(StepResult.Saved, attempt.Save(Right));
        Assert.Equal(StepResult.NotAllowed, attempt.Check(Right));
        Assert.False(attempt.FeedbackVisible);
        Assert.Null(attempt.Fraction);

        attempt.Finish();

        Assert.True(attempt.Finished);
        Assert.True(attempt.FeedbackVisible);
        Assert.Equal(1, attempt.Fraction);
        Assert.Equal(2, attempt.Mark);   // fraction × default mark of 2
        Assert.Equal(1, attempt.Tries);
        Assert.Equal(MarkState.Right, attempt.LastGrade!.State);
        Assert.Equal(StepResult.NotAllowed, attempt.Save(Wrong));
    }

    [Fact]
    public void Deferred_feedback_keeps_a_negative_single_choice_mark_and_gives_0_when_nothing_was_answered()
    {
        var negative = new QuestionAttempt(Single, Behaviour.DeferredFeedback);
        negative.Save(ResponseValue.Choose(1));
        negative.Finish();
        Assert.Equal(-0.5, negative.Fraction);

        var blank = new QuestionAttempt(Single, Behaviour.DeferredFeedback);
        blank.Finish();
        Assert.Equal((0.0, 0, MarkState.NotAnswered), (blank.Fraction!.Value, blank.Tries, blank.LastGrade!.State));
    }

    [Fact]
    public void Immediate_feedback_checks_once_without_penalty_and_then_the_question_is_closed()
    {
        var attempt = new QuestionAttempt(Multi, Behaviour.ImmediateFeedback);

        Assert.Equal(StepResult.Incomplete, attempt.Check(ResponseValue.Empty));
        Assert.Equal((0, false), (attempt.Tries, attempt.Finished));

        Assert.Equal(StepResult.Graded, attempt.Check(Partial));

        Assert.True(attempt.Finished);
        Assert.True(attempt.FeedbackVisible);
        Assert.Equal(0.5, attempt.Fraction);
        Assert.Equal(1.0, attempt.Mark);
        Assert.Equal(1, attempt.Tries);
        Assert.Equal(StepResult.NotAllowed, attempt.Check(Right));
        Assert.Equal(StepResult.NotAllowed, attempt.Save(Right));
        Assert.Equal(0.5, attempt.Fraction);
    }

    [Fact]
    public void Immediate_feedback_grades_an_unchecked_answer_at_finish_like_moodle()
    {
        var attempt = new QuestionAttempt(Multi, Behaviour.ImmediateFeedback);
        attempt.Save(Partial);
        Assert.False(attempt.FeedbackVisible);

        attempt.Finish();

        Assert.Equal((0.5, 1, true), (attempt.Fraction!.Value, attempt.Tries, attempt.FeedbackVisible));
    }

    [Fact]
    public void Interactive_charges_the_penalty_for_each_earlier_try()
    {
        var attempt = new QuestionAttempt(Multi, Behaviour.Interactive, maxTries: 3);

        Assert.Equal(StepResult.TryAgain, attempt.Check(Partial));           // try 1: 0.5
        Assert.True(attempt.FeedbackVisible);
        Assert.Equal(MarkState.Partial, attempt.LastGrade!.State);
        Assert.Null(attempt.Fraction);
        Assert.Equal(StepResult.TryAgain, attempt.Check(Partial));           // the same response again is not a try
        Assert.Equal(1, attempt.Tries);

        attempt.Save(Wrong);
        Assert.False(attempt.FeedbackVisible);                                // "Try again" hides the last feedback
        Assert.Equal(StepResult.TryAgain, attempt.Check(Wrong));             // try 2: 0
        Assert.Equal(StepResult.Graded, attempt.Check(Right));               // try 3: right

        Assert.True(attempt.Finished);
        Assert.Equal(3, attempt.Tries);
        Assert.Equal(1 - (2 * Penalty), attempt.Fraction!.Value, 12);       // 1 - 2 × 0.3333333 = 0.3333334
        Assert.Equal(0.6666668, attempt.Mark!.Value, 12);                   // × default mark 2
    }

    [Fact]
    public void Interactive_right_at_the_second_try_earns_two_thirds()
    {
        var attempt = new QuestionAttempt(Multi, Behaviour.Interactive);

        attempt.Check(Wrong);
        Assert.Equal(StepResult.Graded, attempt.Check(Right));

        Assert.Equal(0.6666667, attempt.Fraction!.Value, 12);               // 1 - 0.3333333
    }

    [Fact]
    public void Interactive_out_of_tries_takes_the_last_try_floored_at_0()
    {
        var attempt = new QuestionAttempt(Multi, Behaviour.Interactive, maxTries: 3);

        attempt.Check(Partial);
        attempt.Check(Wrong);
        Assert.Equal(StepResult.Graded, attempt.Check(ResponseValue.Choose(1)));   // 0.5 - 2 × 0.3333333 < 0

        Assert.Equal((true, 0.0, 3), (attempt.Finished, attempt.Fraction!.Value, attempt.Tries));

        var once = new QuestionAttempt(Multi, Behaviour.Interactive, maxTries: 1);
        Assert.Equal(StepResult.Graded, once.Check(Partial));
        Assert.Equal(0.5, once.Fraction);
    }

    [Fact]
    public void Interactive_finish_grades_the_last_response_as_one_more_try_like_moodle()
    {
        var unchanged = new QuestionAttempt(Multi, Behaviour.Interactive);
        unchanged.Check(Partial);
        unchanged.Finish();
        Assert.Equal(0.5 - Penalty, unchanged.Fraction!.Value, 12);          // 0.1666667
        Assert.Equal(2, unchanged.Tries);

        var changed = new QuestionAttempt(Multi, Behaviour.Interactive);
        changed.Check(Wrong);
        changed.Save(Right);
        changed.Finish();
        Assert.Equal(1 - Penalty, changed.Fraction!.Value, 12);              // 0.6666667

        var cleared = new QuestionAttempt(Multi, Behaviour.Interactive);
        cleared.Check(Partial);
        cleared.Save(ResponseValue.Empty);
        cleared.Finish();
        Assert.Equal(0, cleared.Fraction);

        var incomplete = new QuestionAttempt(Multi, Behaviour.Interactive);
        Assert.Equal(StepResult.Incomplete, incomplete.Check(ResponseValue.Choose(42)));
        Assert.Equal(0, incomplete.Tries);
    }

    [Fact]
    public void Check_refuses_what_does_not_answer_the_whole_question_without_using_a_try()
    {
        var matching = Assert.Single(Gift.Parse("Match{=a -> 1 =b -> 2 =c -> 3}").Questions);
        var pairs = new QuestionAttempt(matching, Behaviour.Interactive);
        var half = ResponseValue.Match(new Dictionary<int, string> { [0] = "1" });
        Assert.Equal(StepResult.Incomplete, pairs.Check(half));
        Assert.Equal(0, pairs.Tries);
        pairs.Finish();
        Assert.Equal((1.0 / 3, 1), (pairs.Fraction!.Value, pairs.Tries));   // Finish grades what there is

        var number = Assert.Single(Gift.Parse("Hours?{#8}").Questions);
        var typed = new QuestionAttempt(number, Behaviour.ImmediateFeedback);
        Assert.Equal(StepResult.Incomplete, typed.Check(ResponseValue.Typed("eight")));
        typed.Finish();
        Assert.Equal((0.0, MarkState.Invalid), (typed.Fraction!.Value, typed.LastGrade!.State));
    }

    [Fact]
    public void The_same_choices_in_another_order_are_the_same_response()
    {
        var attempt = new QuestionAttempt(Multi, Behaviour.Interactive);

        attempt.Check(ResponseValue.Choose(2, 0));
        Assert.Equal(StepResult.TryAgain, attempt.Check(ResponseValue.Choose(0, 2, 2)));

        Assert.Equal(1, attempt.Tries);
    }

    [Fact]
    public void Essays_are_graded_by_a_trainer_whatever_the_behaviour()
    {
        var essay = Assert.Single(Gift.Parse("Describe the route out.{}").Questions);
        var attempt = new QuestionAttempt(essay, Behaviour.Interactive);

        Assert.Equal(StepResult.NotAllowed, attempt.Check(ResponseValue.Typed("East stairs.")));
        Assert.Equal(StepResult.NotAllowed, attempt.GradeManually(1));
        attempt.Save(ResponseValue.Typed("East stairs."));
        attempt.Finish();

        Assert.Null(attempt.Fraction);
        Assert.Equal(MarkState.NeedsGrading, attempt.LastGrade!.State);
        Assert.Equal(StepResult.NotAllowed, attempt.GradeManually(1.5));
        Assert.Equal(StepResult.Graded, attempt.GradeManually(0.75));
        Assert.Equal(0.75, attempt.Mark);
    }

    [Fact]
    public void A_description_is_never_graded()
    {
        var attempt = new QuestionAttempt(Assert.Single(Gift.Parse("Read this first.").Questions), Behaviour.DeferredFeedback);

        attempt.Finish();

        Assert.True(attempt.Finished);
        Assert.Null(attempt.Fraction);
        Assert.Null(attempt.Mark);
        Assert.Equal(StepResult.NotAllowed, attempt.GradeManually(1));
    }

    [Fact]
    public void Tries_and_penalty_must_make_sense()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new QuestionAttempt(Multi, Behaviour.Interactive, maxTries: 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => new QuestionAttempt(Multi, Behaviour.Interactive, penalty: 1.5));
        Assert.Equal((1, 0.0), (new QuestionAttempt(Multi, Behaviour.DeferredFeedback, 5, 0.5).MaxTries, new QuestionAttempt(Multi, Behaviour.ImmediateFeedback, 5, 0.5).Penalty));
    }
}
