namespace Varta.Training.Questions;

/// <summary>Moodle's question behaviours: when a response is graded and when its feedback may be shown.</summary>
internal enum Behaviour
{
    /// <summary>Responses are saved; nothing is graded or shown until the attempt is finished.</summary>
    DeferredFeedback,

    /// <summary>One Check per question: it grades the response, shows feedback and closes the question.</summary>
    ImmediateFeedback,

    /// <summary>Check up to N times; each earlier try costs a penalty; closes when right or out of tries.</summary>
    Interactive,
}

/// <summary>What a Save or Check did.</summary>
internal enum StepResult
{
    Saved,

    /// <summary>Checked and graded; the question is finished.</summary>
    Graded,

    /// <summary>Interactive: checked, not right, tries left; feedback is shown until the next Save.</summary>
    TryAgain,

    /// <summary>Check refused a response that does not answer the whole question (nothing chosen, not a number, a pair left open); no try is used.</summary>
    Incomplete,

    /// <summary>Not possible now: the question is finished, the behaviour has no Check, or an essay or description (which a trainer grades).</summary>
    NotAllowed,
}

/// <summary>
/// One student's attempt at one question, as a state machine with no clock and no storage: replaying the same
/// calls gives the same state.
/// </summary>
/// <remarks>
/// <para><b>Deferred feedback.</b> <see cref="Save"/> keeps the response; <see cref="Check"/> is not allowed;
/// <see cref="Finish"/> grades the last saved response: Fraction = its grade (a single-choice question may go below 0).
/// Feedback shows once finished.</para>
/// <para><b>Immediate feedback.</b> <see cref="Check"/> of a complete response grades it once, with no penalty, and
/// finishes the question. <see cref="Finish"/> without a Check grades the last saved response the same way (Moodle
/// does). Feedback shows once finished.</para>
/// <para><b>Interactive.</b> Each <see cref="Check"/> of a complete response is a try. A right try, or the last of
/// <see cref="MaxTries"/>, finishes the question with
/// Fraction = max(0, grade of that try − <see cref="Penalty"/> × (tries − 1)); e.g. with penalty 1/3, partly right
/// (0.5) on the first try, then right on the second: 1 − 1/3 = 0.667. A wrong try with tries left returns
/// <see cref="StepResult.TryAgain"/> and shows its feedback until the next Save; checking the same response again
/// costs nothing. <see cref="Finish"/> before that grades the last saved response as one more try, exactly as Moodle
/// does (so a partly right try left unchanged at the end is charged as a second try: 0.5 − 1/3 = 0.167).</para>
/// <para>In every behaviour, finishing with nothing answered gives 0 (Moodle's "not answered"). Essays are graded by a
/// trainer whatever the behaviour: Check is not allowed, Finish keeps Fraction null until <see cref="GradeManually"/>.
/// A description is never graded (Fraction stays null).</para>
/// </remarks>
internal sealed class QuestionAttempt
{
    public const double DefaultPenalty = 0.3333333;

    private ResponseValue? _checked;
    private bool _showTryFeedback;

    public QuestionAttempt(Question question, Behaviour behaviour, int maxTries = 3, double penalty = DefaultPenalty)
    {
        ArgumentNullException.ThrowIfNull(question);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxTries, 1);
        if (!(penalty >= 0 && penalty <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(penalty), penalty, "The penalty is a fraction of the mark, from 0 to 1.");
        }
        Question = question;
        Behaviour = behaviour;
        MaxTries = behaviour == Behaviour.Interactive ? maxTries : 1;
        Penalty = behaviour == Behaviour.Interactive ? penalty : 0;
    }

    public Question Question { get; }

    public Behaviour Behaviour { get; }

    public int MaxTries { get; }

    public double Penalty { get; }

    /// <summary>The last response saved or checked.</summary>
    public ResponseValue? Response { get; private set; }

    /// <summary>The grade of the last try (or of the response graded at Finish): its feedback is what the student sees.</summary>
    public Mark? LastGrade { get; private set; }

    /// <summary>Graded tries: Checks that were graded, plus the grading at Finish if it graded a response.</summary>
    public int Tries { get; private set; }

    public bool Finished { get; private set; }

    /// <summary>The share of the question's mark earned, once finished; null before that, for an essay not yet graded, and for a description.</summary>
    public double? Fraction { get; private set; }

    /// <summary>Fraction × the question's default mark.</summary>
    public double? Mark => Fraction * Question.DefaultMark;

    /// <summary>Whether the student may see the feedback of <see cref="LastGrade"/> now.</summary>
    public bool FeedbackVisible => Finished || _showTryFeedback;

    private bool ManuallyGraded => Question.Kind is QuestionKind.Essay or QuestionKind.Description;

    public StepResult Save(ResponseValue response)
    {
        if (Finished)
        {
            return StepResult.NotAllowed;
        }
        Response = response;
        _showTryFeedback = false;
        return StepResult.Saved;
    }

    public StepResult Check(ResponseValue response)
    {
        if (Finished || Behaviour == Behaviour.DeferredFeedback || ManuallyGraded)
        {
            return StepResult.NotAllowed;
        }
        Response = response;
        if (!Grader.IsComplete(Question, response))
        {
            _showTryFeedback = false;
            return StepResult.Incomplete;
        }
        if (_checked is not null && response.SameAs(_checked))
        {
            _showTryFeedback = true;
            return StepResult.TryAgain;
        }
        _checked = response;
        var (grade, fraction) = GradeTry(response);
        if (Behaviour == Behaviour.ImmediateFeedback || grade.State == MarkState.Right || Tries >= MaxTries)
        {
            Finished = true;
            Fraction = fraction;
            _showTryFeedback = false;
            return StepResult.Graded;
        }
        _showTryFeedback = true;
        return StepResult.TryAgain;
    }

    public void Finish()
    {
        if (Finished)
        {
            return;
        }
        Finished = true;
        _showTryFeedback = false;
        if (ManuallyGraded)
        {
            LastGrade = Grader.Grade(Question, Response);
            return;
        }
        if (Grader.IsGradable(Question, Response))
        {
            Fraction = GradeTry(Response!).Fraction;
        }
        else
        {
            LastGrade = Grader.Grade(Question, Response);
            Fraction = 0;
        }
    }

    /// <summary>A trainer's grade, for a finished essay (or to override any finished question but a description).</summary>
    public StepResult GradeManually(double fraction)
    {
        if (!Finished || Question.Kind == QuestionKind.Description || !(fraction >= 0 && fraction <= 1))
        {
            return StepResult.NotAllowed;
        }
        Fraction = fraction;
        return StepResult.Graded;
    }

    /// <summary>Grades one more try; the fraction it would earn carries the penalty for the tries before it.</summary>
    private (Mark Grade, double Fraction) GradeTry(ResponseValue response)
    {
        var grade = Grader.Grade(Question, response);
        Tries++;
        LastGrade = grade;
        var raw = grade.Fraction ?? 0;
        return (grade, Behaviour == Behaviour.Interactive ? Math.Max(0, raw - (Penalty * (Tries - 1))) : raw);
    }
}
