using Varta.Community.Forms.Expressions;

namespace Varta.Community.Forms;

/// <summary>
/// Skip logic and checks of an answer set against a form, the same walk as forms.js's relevantSet and validate.
/// Questions are taken in the order of the survey sheet. A question is asked when every group around it is asked
/// and its own relevant (if any) is true; a question that is not asked counts as unanswered for every later
/// expression (a reference to a later question sees its answer as given). An asked question is checked for
/// required (only when empty), then for its type, then (only when answered and well-typed) for its constraint with
/// '.' bound to the answer.
/// </summary>
internal sealed class FormLogic
{
    private readonly Form _form;
    private readonly Dictionary<string, Expr> _compiled = new(StringComparer.Ordinal);
    private readonly HashSet<string> _dateFields;
    private readonly HashSet<string> _names;

    /// <summary>Compiles the form's expressions; throws <see cref="ArgumentException"/> when one does not parse.</summary>
    public FormLogic(Form form)
    {
        _form = form;
        foreach (var question in form.AllQuestions())
        {
            foreach (var source in new[] { question.Relevant, question.Required, question.Constraint })
            {
                if (!string.IsNullOrWhiteSpace(source) && !_compiled.ContainsKey(source))
                {
                    _compiled[source] = ExpressionParser.ParseOrThrow(source);
                }
            }
        }
        _dateFields = form.AllQuestions().Where(q => q.Type == QuestionType.Date).Select(q => q.Name).ToHashSet(StringComparer.Ordinal);
        _names = form.AllQuestions().Select(q => q.Name).ToHashSet(StringComparer.Ordinal);
    }

    public static IReadOnlyList<FormProblem> Validate(Form form, IReadOnlyDictionary<string, string> answers, DateOnly today) =>
        new FormLogic(form).Validate(answers, today);

    /// <summary>The names of the questions and groups that are asked, in the order of the form.</summary>
    public static IReadOnlyList<string> RelevantSet(Form form, IReadOnlyDictionary<string, string> answers, DateOnly today) =>
        new FormLogic(form).RelevantSet(answers, today);

    public IReadOnlyList<FormProblem> Validate(IReadOnlyDictionary<string, string> answers, DateOnly today) => Walk(answers, today).Problems;

    public IReadOnlyList<string> RelevantSet(IReadOnlyDictionary<string, string> answers, DateOnly today) => Walk(answers, today).Relevant;

    private (List<string> Relevant, List<FormProblem> Problems) Walk(IReadOnlyDictionary<string, string> answers, DateOnly today)
    {
        var state = new WalkState(new Dictionary<string, string>(answers, StringComparer.Ordinal), today);
        foreach (var question in _form.Questions)
        {
            Visit(question, parentAsked: true, answers, state);
        }
        foreach (var name in answers.Keys.Where(name => !_names.Contains(name)).Order(StringComparer.Ordinal))
        {
            state.Problems.Add(FormProblem.Of(name, ProblemKind.UnknownQuestion));
        }
        return (state.Relevant, state.Problems);
    }

    private void Visit(Question question, bool parentAsked, IReadOnlyDictionary<string, string> answers, WalkState state)
    {
        var answer = answers.GetValueOrDefault(question.Name) ?? string.Empty;
        var asked = parentAsked && (question.Relevant is null || IsTrue(question.Relevant, question, answer, state));
        if (asked)
        {
            state.Relevant.Add(question.Name);
        }
        else
        {
            if (answer.Length > 0)
            {
                state.Problems.Add(FormProblem.Of(question.Name, ProblemKind.NotRelevant));
            }
            state.Effective[question.Name] = string.Empty;
        }
        if (question.Type == QuestionType.Group)
        {
            if (asked && answer.Length > 0)
            {
                state.Problems.Add(FormProblem.Of(question.Name, ProblemKind.NotAnswerable));
            }
            foreach (var child in question.Children)
            {
                Visit(child, asked, answers, state);
            }
            return;
        }
        if (!asked)
        {
            return;
        }
        if (question.Type == QuestionType.Note)
        {
            if (answer.Length > 0)
            {
                state.Problems.Add(FormProblem.Of(question.Name, ProblemKind.NotAnswerable));
            }
            return;
        }
        if (answer.Length == 0)
        {
            if (question.Required is not null && IsTrue(question.Required, question, answer, state))
            {
                state.Problems.Add(FormProblem.Of(question.Name, ProblemKind.Required) with { FormMessage = question.RequiredMessage });
            }
            return;
        }
        var typeProblem = TypeProblem(question, answer);
        if (typeProblem is not null)
        {
            state.Problems.Add(FormProblem.Of(question.Name, typeProblem.Value));
            return;
        }
        if (question.Constraint is not null && !IsTrue(question.Constraint, question, answer, state))
        {
            state.Problems.Add(FormProblem.Of(question.Name, ProblemKind.ConstraintFailed) with { FormMessage = question.ConstraintMessage });
        }
    }

    private bool IsTrue(string source, Question question, string answer, WalkState state)
    {
        if (string.IsNullOrWhiteSpace(source))
        {
            return true;
        }
        var context = new EvaluationContext(state.Effective, state.Today)
        {
            DateFields = _dateFields,
            Current = answer,
            CurrentIsDate = question.Type == QuestionType.Date,
        };
        return ExpressionEvaluator.IsTrue(_compiled[source], context);
    }

    private ProblemKind? TypeProblem(Question question, string answer)
    {
        switch (question.Type)
        {
            case QuestionType.Integer:
                return AnswerFormats.IsInteger(answer) ? null : ProblemKind.NotInteger;
            case QuestionType.Decimal:
                return AnswerFormats.IsDecimal(answer) ? null : ProblemKind.NotDecimal;
            case QuestionType.Date:
                return CivilDate.IsDate(answer) ? null : ProblemKind.NotADate;
            case QuestionType.SelectOne:
                return InList(question, [answer]) ? null : ProblemKind.NotInList;
            case QuestionType.SelectMultiple:
                var picked = ExpressionEvaluator.Selections(answer);
                return picked.Count > 0 && picked.Distinct(StringComparer.Ordinal).Count() == picked.Count && InList(question, picked)
                    ? null : ProblemKind.NotInList;
            default:
                return null;
        }
    }

    private bool InList(Question question, IEnumerable<string> names)
    {
        var list = question.ListName is null ? null : _form.FindList(question.ListName);
        return list is not null && names.All(name => list.Choices.Any(choice => choice.Name == name));
    }

    private sealed record WalkState(Dictionary<string, string> Effective, DateOnly Today)
    {
        public List<string> Relevant { get; } = [];

        public List<FormProblem> Problems { get; } = [];
    }
}

/// <summary>The shapes of typed answers, as ODK writes them.</summary>
internal static class AnswerFormats
{
    /// <summary>An optional minus and digits, within a 32-bit integer (ODK's integer).</summary>
    public static bool IsInteger(string answer)
    {
        var digits = answer.StartsWith('-') ? answer[1..] : answer;
        if (digits.Length == 0 || !digits.All(XPathNumber.IsDigit))
        {
            return false;
        }
        var significant = digits.TrimStart('0');
        if (significant.Length > 10)
        {
            return false;
        }
        var value = significant.Length == 0 ? 0 : long.Parse(significant, System.Globalization.CultureInfo.InvariantCulture);
        return answer.StartsWith('-') ? value <= 2_147_483_648L : value <= int.MaxValue;
    }

    /// <summary>An XPath numeral without blanks: -?(digits(.digits?)?|.digits), and finite.</summary>
    public static bool IsDecimal(string answer) =>
        XPathNumber.IsNumeral(answer, 0, answer.Length) && double.IsFinite(XPathNumber.ParseDigits(answer));
}
