using Varta.Community.Forms;

namespace Varta.Community.Tests.Forms;

public sealed class FormLogicTests
{
    private static readonly DateOnly Today = new(2025, 6, 12);

    private static Dictionary<string, string> Answers(params (string Name, string Answer)[] answers) =>
        answers.ToDictionary(a => a.Name, a => a.Answer);

    private static readonly (string, string)[] NonVictim =
        [("age", "34"), ("feel_safe", "yes"), ("victim", "no")];

    private static List<(string, ProblemKind)> Problems(Dictionary<string, string> answers) =>
        FormLogic.Validate(SampleForms.Safety(), answers, Today).Select(p => (p.Question, p.Kind)).ToList();

    [Fact]
    public void Crime_questions_are_asked_only_of_someone_who_answered_yes_to_being_a_victim()
    {
        var form = SampleForms.Safety();

        var notVictim = FormLogic.RelevantSet(form, Answers(NonVictim), Today);
        var victim = FormLogic.RelevantSet(form, Answers([.. NonVictim[..2], ("victim", "yes")]), Today);

        Assert.DoesNotContain("crime_types", notVictim);
        Assert.DoesNotContain("reported", notVictim);
        Assert.Contains("crime_types", victim);
        Assert.Contains("reported", victim);
        Assert.Empty(Problems(Answers(NonVictim)));
    }

    [Fact]
    public void An_answer_to_a_question_that_is_not_asked_is_a_problem()
    {
        var problems = Problems(Answers([.. NonVictim, ("crime_types", "theft")]));

        Assert.Equal([("crime_types", ProblemKind.NotRelevant)], problems);
    }

    [Fact]
    public void A_relevant_required_question_left_empty_is_reported_with_its_form_message()
    {
        var problems = FormLogic.Validate(SampleForms.Safety(), Answers(("age", "34"), ("feel_safe", "no"), ("victim", "yes")), Today);

        Assert.Equal(["crime_types", "safety_idea"], problems.Select(p => p.Question));
        Assert.All(problems, p => Assert.Equal(ProblemKind.Required, p.Kind));
        Assert.Equal("Будь ласка, скажіть, що допомогло б.", problems[1].FormMessage[SampleForms.Ukrainian]);
        Assert.Equal("Відповідь обов'язкова.", problems[0].Ukrainian);
    }

    [Fact]
    public void A_group_that_is_not_relevant_hides_all_its_questions()
    {
        var form = SampleForms.Safety();
        var reported = Answers([.. NonVictim[..2], ("victim", "yes"), ("crime_types", "theft"), ("reported", "yes"), ("police_rating", "4")]);
        var notReported = Answers([.. NonVictim[..2], ("victim", "yes"), ("crime_types", "theft"), ("reported", "no")]);

        var shown = FormLogic.RelevantSet(form, reported, Today);
        var hidden = FormLogic.RelevantSet(form, notReported, Today);

        Assert.Contains("police", shown);
        Assert.Contains("police_rating", shown);
        Assert.Contains("police_comment", shown);
        Assert.DoesNotContain("police", hidden);
        Assert.DoesNotContain("police_rating", hidden);
        Assert.DoesNotContain("police_comment", hidden);
        Assert.Empty(FormLogic.Validate(form, reported, Today));
    }

    [Fact]
    public void A_required_question_inside_a_group_that_is_not_asked_is_not_required()
    {
        var notReported = Answers([.. NonVictim[..2], ("victim", "yes"), ("crime_types", "assault"), ("reported", "no")]);
        var reportedWithoutRating = Answers([.. NonVictim[..2], ("victim", "yes"), ("crime_types", "assault"), ("reported", "yes")]);

        Assert.Empty(Problems(notReported));
        Assert.Equal([("police_rating", ProblemKind.Required)], Problems(reportedWithoutRating));
    }

    [Fact]
    public void Answers_inside_a_hidden_group_are_each_reported()
    {
        var problems = Problems(Answers([.. NonVictim, ("police_rating", "5"), ("police_comment", "ok")]));

        Assert.Equal([("police_rating", ProblemKind.NotRelevant), ("police_comment", ProblemKind.NotRelevant)], problems);
    }

    [Fact]
    public void A_constraint_is_checked_with_the_dot_bound_to_the_answer_and_only_when_answered()
    {
        var form = SampleForms.Safety();

        var tooYoung = FormLogic.Validate(form, Answers([("age", "9"), .. NonVictim[1..]]), Today);
        var noHours = Problems(Answers(NonVictim));
        var tooManyHours = Problems(Answers([.. NonVictim, ("hours_out", "170.5")]));

        var problem = Assert.Single(tooYoung);
        Assert.Equal(("age", ProblemKind.ConstraintFailed), (problem.Question, problem.Kind));
        Assert.Equal("Respondents are 14 to 120 years old.", problem.FormMessage[SampleForms.English]);
        Assert.Empty(noHours);
        Assert.Equal([("hours_out", ProblemKind.ConstraintFailed)], tooManyHours);
    }

    [Fact]
    public void A_date_constraint_uses_the_injected_today()
    {
        var answers = Answers([.. NonVictim[..2], ("victim", "yes"), ("crime_types", "fraud"), ("reported", "yes"), ("police_rating", "3"), ("report_date", "2025-06-13")]);

        Assert.Equal([("report_date", ProblemKind.ConstraintFailed)], Problems(answers));
        Assert.Empty(FormLogic.Validate(SampleForms.Safety(), answers, new DateOnly(2025, 6, 13)));
    }

    [Theory]
    [InlineData("age", "thirty", nameof(ProblemKind.NotInteger))]
    [InlineData("age", "34.0", nameof(ProblemKind.NotInteger))]
    [InlineData("age", "2147483648", nameof(ProblemKind.NotInteger))]
    [InlineData("hours_out", "1e2", nameof(ProblemKind.NotDecimal))]
    [InlineData("hours_out", " 5", nameof(ProblemKind.NotDecimal))]
    [InlineData("feel_safe", "maybe", nameof(ProblemKind.NotInList))]
    [InlineData("feel_safe", "yes no", nameof(ProblemKind.NotInList))]
    [InlineData("intro", "read", nameof(ProblemKind.NotAnswerable))]
    [InlineData("unknown_question", "1", nameof(ProblemKind.UnknownQuestion))]
    public void Answers_of_the_wrong_shape_are_reported(string question, string answer, string kindName)
    {
        var kind = Enum.Parse<ProblemKind>(kindName);
        var answers = Answers(NonVictim);
        answers[question] = answer;

        Assert.Equal([(question, kind)], Problems(answers));
    }

    [Theory]
    [InlineData("2025-02-29", nameof(ProblemKind.NotADate))]
    [InlineData("12.06.2025", nameof(ProblemKind.NotADate))]
    [InlineData("theft theft", nameof(ProblemKind.NotInList))]
    [InlineData("theft burglary", nameof(ProblemKind.NotInList))]
    public void Dates_and_multiple_choices_are_checked(string answer, string kindName)
    {
        var kind = Enum.Parse<ProblemKind>(kindName);
        var answers = Answers([.. NonVictim[..2], ("victim", "yes"), ("crime_types", "theft"), ("reported", "yes"), ("police_rating", "2")]);
        var question = kind == ProblemKind.NotADate ? "report_date" : "crime_types";
        answers[question] = answer;

        Assert.Equal([(question, kind)], Problems(answers));
    }

    [Fact]
    public void Select_multiple_answers_are_space_separated_names_and_the_constraint_sees_them()
    {
        var answers = Answers([.. NonVictim[..2], ("victim", "yes"), ("reported", "no")]);

        answers["crime_types"] = "theft  vandalism";
        Assert.Empty(Problems(answers));
        answers["crime_types"] = "theft none";
        Assert.Equal([("crime_types", ProblemKind.ConstraintFailed)], Problems(answers));
    }

    [Fact]
    public void An_answer_of_a_question_that_is_not_asked_counts_as_empty_for_later_questions()
    {
        var form = SampleForms.Household();
        // dob is answered but its group is hidden (no consent), so moved_in, relevant on ${dob} != '', is not asked.
        var answers = Answers(("consent", "no"), ("dob", "1980-01-01"), ("moved_in", "2000-01-01"));

        var relevant = FormLogic.RelevantSet(form, answers, Today);
        var problems = FormLogic.Validate(form, answers, Today).Select(p => (p.Question, p.Kind));

        Assert.DoesNotContain("moved_in", relevant);
        Assert.Equal([("dob", ProblemKind.NotRelevant), ("moved_in", ProblemKind.NotRelevant)], problems);
    }

    [Fact]
    public void A_required_expression_makes_a_question_required_only_when_true()
    {
        var form = SampleForms.Household();
        var small = Answers(("consent", "yes"), ("members", "2"));
        var large = Answers(("consent", "yes"), ("members", "5"));

        Assert.Empty(FormLogic.Validate(form, small, Today));
        Assert.Equal([("income", ProblemKind.Required)], FormLogic.Validate(form, large, Today).Select(p => (p.Question, p.Kind)));
    }

    [Fact]
    public void A_form_with_an_expression_that_does_not_parse_is_refused()
    {
        var form = SampleForms.Safety() with
        {
            Questions = [new Question { Type = QuestionType.Text, Name = "q", Label = LocalizedText.Plain("Q"), Relevant = "1 +" }],
        };

        var error = Assert.Throws<ArgumentException>(() => new FormLogic(form));
        Assert.Contains("unexpected end of the expression at position 4", error.Message, StringComparison.Ordinal);
    }
}
