using System.Text;
using Varta.Community.Forms;

namespace Varta.Community.Tests.Forms;

internal sealed record ExpressionCase(string Expression, Dictionary<string, string> Answers, string[] DateFields, string? Current, bool CurrentIsDate, string Today);

/// <summary>
/// Cases for the C#/JavaScript parity test: hand-picked edge cases, random expressions over random answers (a
/// fifth of them mutated into text that usually does not parse), and random answer sets for whole forms.
/// </summary>
internal sealed class ParityCases(int seed)
{
    private static readonly string[] TextFields = ["f1", "f2", "f3", "f4"];
    private static readonly string[] DateFields = ["d1", "d2"];
    private static readonly string[] Todays = ["2025-06-12", "2024-02-29", "1970-01-01", "0001-01-01", "9999-12-31"];

    private static readonly string[] Numbers =
    [
        "0", "1", "2", "3", "7", "10", "0.5", ".5", "1.", "2.5", "100", "0.1", "0.000001", "000", "19", "-0",
        "123456789012345678901234567890", "9007199254740993", "1.7976931348623157", "4.9", "20000",
    ];

    private static readonly string[] Strings =
    [
        "", "a", "b", "yes", "no", "1", " 2 ", "-0", ".5", "5.", "-", "2024-01-31", "2024-02-29", "2023-02-29", "1970-01-01",
        "a b", "так", "NaN", "Infinity", "-Infinity", "1e3", "😀", "abc", "x y z", "0001-01-01", "9999-12-31", "  ", "it's",
        "true", "false", "0x1A", "+1", "1,5", "Ї", "10", "9",
    ];

    private static readonly string[] AnswerPool =
    [
        "", "0", "1", "-3", "2.5", "yes", "no", "a b", "a  c ", "b", "2024-02-29", "2023-02-29", "NaN", "Infinity", "1e3",
        " 7 ", "007", "так", "😀x", "x", "-0", ".5", "100000000000000000000", "1.0000000000000002", "a\tb", "2025-06-12",
    ];

    private static readonly string[] DatePool =
    [
        "", "2025-06-12", "2024-02-29", "2023-02-29", "1970-01-01", "1969-12-31", "0001-01-01", "9999-12-31", "2025-6-1",
        "12.06.2025", "2000-13-01", "1900-02-29", "2000-02-29", "yes",
    ];

    private static readonly string[] Patterns =
    [
        "[a-z]+", @"\d{1,3}", @"^\d+$", "a|b", "(ab)*", "[^0-9]*", ".*", @"\w+\s\w+", "[а-яіїєґ]+", "x{2,}", @"\.5", @"[\d.-]+",
        "(?:ab|cd){1,2}", @"\u0442\u0430\u043a", @"-?\d+(\.\d+)?", "", "[-a]", "[a-]", @"\s*", @"\S+", @"\D\W", "(a|)+", "^$",
        @"[\]\\]", @"\(\)", "[😀]",
        "a(?=b)", @"\b", "[z-a]", "a**", "(a", "a)", "[]", "[a", @"\", "a{101}", "a{3,2}", @"[\D]", "{", "a{,2}", "*a", @"\1",
        "(?i)a", @"[\d-z]", "a{2}{3}", "a+?", @"\u12", "]", "(?<n>a)", @"[a-\d]", "^*", "((((((((((((((((((((((a))))))))))))))))))))))",
        "((a{0,100}){0,100}){0,100}", "(a{10}){100}", "(a{10}){100}b", "(a|b|c){50}(d{2}){250}", "(x{0,}){999}", "(x{0,}){100}{2}",
    ];

    private static readonly (string Name, int Arguments)[] Calls =
    [
        ("selected", 2), ("count-selected", 1), ("string-length", 1), ("today", 0), ("date", 1), ("int", 1), ("number", 1),
        ("string", 1), ("boolean", 1), ("not", 1), ("true", 0), ("false", 0), ("if", 3), ("coalesce", 2), ("concat", 2),
        ("concat", 3), ("contains", 2), ("starts-with", 2), ("ends-with", 2), ("regex", 2),
    ];

    private static readonly string[] Operators = ["=", "!=", "<", "<=", ">", ">=", "+", "-", "*", "and", "or", "div", "mod"];

    private const string MutationCharacters = "()',\"${}!=<>@/|a1. -*[]é:";

    /// <summary>Edge cases written by hand: arithmetic corners, conversions, dates, limits and syntax errors.</summary>
    public static IReadOnlyList<string> HandWritten { get; } =
    [
        "", " ", "1 div 0", "-1 div 0", "0 div 0", "5 mod -3", "-5 mod 3", "-5 mod -3", "5.5 mod 2", "1 mod 0", "-0", "0 * -1",
        "1 div (0 * -1)", "int(-0.5)", "'abc' = 0", "'' = 0", "'' < 1", "'1' = 1", "' 1 ' = 1", "true() = 'false'", "true() = 1",
        "'a' < 'b'", "not(not(1))", "${f1", "${}", "${1a}", "$x", "..", ". .5", "1..2", "'unterminated", "foo(1)", "not()",
        "not(1, 2)", "regex(., ${f1})", "today()", "date('2024-13-01')", "date(-719162)", "date(-719163)", "date(2932896)",
        "date(2932897)", "date(1.9)", "date(-0.5)", "string(1 div 3)", "string(0.0000001 * 1)", "string(123456789012345678901234567890)",
        "string(0.1 + 0.2)", "number('  12  ')", "number('1e3')", "number('+1')", "number('- 1')", "number('-.5')",
        "string-length('😀a')", "count-selected('  a   b ')", "selected('a b', 'a b')", "coalesce('', 'x')", "coalesce(0, 'x')",
        "if('', 1, 2)", "concat(1, true(), today())", "${d1} < today()", "${d1} = '2024-02-29'", "${d1} + 1", "today() > '2024-01-01'",
        "'2024-01-01' < today()", "1 < 2 < 3", "1 = 1 = 1", "- - 1", "--1", "1--1", "1 - -1", "2*-3", "a", "and", "div", "1 and",
        "1 or or 2", "mod(1)", "1 mod-1", "😀", "'😀' 😀", ". = .", "date(.) = .", "string(date(.))", "today() - date('0001-01-01')",
        "1 * 1e3", "9007199254740993 = 9007199254740992", "0.1 * 3 = 0.3", "100000000000000000000000 * 10",
        "string(1.7976931348623157 * 100000000000000000000 * 100000000000000000000)", "-(-(-1))", "number(true()) + number(false())",
        "string(-0.0000001 div 3)", "1 div 3 * 3 = 1", "int(1 div 0)", "int(-1 div 0)", "boolean('0')", "boolean(0)", "boolean(-0)",
        "string(boolean(0 div 0))", new string('(', 64) + "1" + new string(')', 64), new string('(', 65) + "1" + new string(')', 65),
        string.Join("+", Enumerable.Repeat("1", 257)), string.Join("+", Enumerable.Repeat("1", 258)), string.Concat(Enumerable.Repeat("-", 70)) + "1",
        "regex('a' , '" + new string('a', 501) + "')", "concat()", "selected(${f1})", "contains('abc', '')", "starts-with('', '')",
        "ends-with('таке', 'ке')", "${f1} = ${f2}", "${f1} != ${f1}", "${d1} = ${d2}", "${d1} > ${d2}", "${d1} - ${d2}",
    ];

    private readonly Random _random = new(seed);

    public List<ExpressionCase> Expressions(int randomCount)
    {
        var cases = HandWritten.Select(Case).ToList();
        for (var i = 0; i < randomCount; i++)
        {
            var expression = Expression(_random.Next(1, 5));
            cases.Add(Case(_random.NextDouble() < 0.2 ? Mutate(expression) : expression));
        }
        return cases;
    }

    /// <summary>A random answer set for the form: most questions answered, some wrongly, some notes, groups and unknown names too.</summary>
    public Dictionary<string, string> Answers(Form form)
    {
        var answers = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var question in form.AllQuestions())
        {
            var chance = _random.NextDouble();
            if (!question.HasAnswer)
            {
                if (chance < 0.05)
                {
                    answers[question.Name] = "x";
                }
                continue;
            }
            if (chance < 0.3)
            {
                continue;
            }
            answers[question.Name] = Answer(form, question);
        }
        if (_random.NextDouble() < 0.1)
        {
            answers[Pick(["zzz", "__proto__", "constructor", "toString", "Ünknown", "age "])] = Pick(["1", ""]);
        }
        return answers;
    }

    private string Answer(Form form, Question question)
    {
        var names = form.FindList(question.ListName ?? "")?.Choices.Select(c => c.Name).ToArray() ?? [];
        var wrong = _random.NextDouble() < 0.15;
        return question.Type switch
        {
            QuestionType.SelectOne => wrong ? Pick(["maybe", "", "yes no", " yes", "YES"]) : Pick(names),
            QuestionType.SelectMultiple => wrong
                ? Pick(["bad", "theft theft", " ", "crime bad", "none"])
                : string.Join(Pick([" ", "  ", "\t"]), names.Where(_ => _random.NextDouble() < 0.4).DefaultIfEmpty(Pick(names))),
            QuestionType.Integer => Pick(["0", "1", "2", "3", "4", "5", "6", "14", "34", "-3", "120", "121", "2147483647", "2147483648",
                "-2147483648", "-2147483649", "007", "1.5", "abc", " 5", "31", "9"]),
            QuestionType.Decimal => Pick(["1.5", ".5", "5.", "-0", "1e3", "abc", "NaN", "3", "168", "168.0001", "999.99", "1000", "2000.5", "0"]),
            QuestionType.Date => Pick(["2024-02-29", "2023-02-29", "2025-06-12", "2025-06-13", "2030-01-01", "1999-12-31", "1900-01-01",
                "12/06/2025", "2025-6-1", "1950-07-04", "2010-10-10"]),
            _ => Pick(["hello", "так", " ", "😀", "+380501234567", "0501234567", "12345", "Олена", "a", "x"]),
        };
    }

    private ExpressionCase Case(string expression)
    {
        var answers = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var field in TextFields.Where(_ => _random.NextDouble() < 0.8))
        {
            answers[field] = Pick(AnswerPool);
        }
        foreach (var field in DateFields.Where(_ => _random.NextDouble() < 0.8))
        {
            answers[field] = Pick(DatePool);
        }
        var roll = _random.NextDouble();
        var current = roll < 0.2 ? null : roll < 0.5 ? Pick(DatePool) : Pick(AnswerPool);
        return new ExpressionCase(expression, answers, DateFields, current, _random.NextDouble() < 0.4, Pick(Todays));
    }

    private string Expression(int depth)
    {
        if (depth <= 0 || _random.NextDouble() < 0.25)
        {
            return Leaf();
        }
        var pick = _random.Next(10);
        if (pick < 4)
        {
            var op = Pick(Operators);
            var space = char.IsLetter(op[0]) ? " " : Pick(["", " "]);
            // Division by a zero of some kind often enough to reach the infinities and NaN.
            var right = op is "div" or "mod" && _random.NextDouble() < 0.4 ? Pick(["0", "-0", "(0 * -1)", "${f1}", "''"]) : Expression(depth - 1);
            return Expression(depth - 1) + space + op + space + right;
        }
        if (pick == 4)
        {
            return "(" + Expression(depth - 1) + ")";
        }
        if (pick == 5)
        {
            return "-" + Pick(["", " "]) + Expression(depth - 1);
        }
        var (name, count) = Pick(Calls);
        if (name == "regex")
        {
            return $"regex({Expression(depth - 1)}, {Quote(Pick(Patterns))})";
        }
        var arguments = Enumerable.Range(0, count).Select(_ => Expression(depth - 1));
        return $"{name}({string.Join(Pick([", ", ","]), arguments)})";
    }

    private string Leaf()
    {
        var roll = _random.Next(20);
        return roll switch
        {
            < 6 => Pick(Numbers),
            < 11 => Quote(Pick(Strings)),
            < 15 => "${" + Pick(TextFields) + "}",
            < 17 => "${" + Pick(DateFields) + "}",
            17 => ".",
            18 => "today()",
            _ => Pick(["true()", "false()"]),
        };
    }

    private string Quote(string text) =>
        text.Contains('\'') ? "\"" + text + "\"" : text.Contains('"') || _random.NextDouble() < 0.7 ? "'" + text + "'" : "\"" + text + "\"";

    /// <summary>Deletes, inserts, swaps or cuts one character, never splitting a surrogate pair.</summary>
    private string Mutate(string expression)
    {
        var text = new StringBuilder(expression);
        var at = _random.Next(text.Length + 1);
        while (at > 0 && at < text.Length && char.IsLowSurrogate(text[at]))
        {
            at--;
        }
        switch (_random.Next(4))
        {
            case 0 when at < text.Length:
                text.Remove(at, char.IsHighSurrogate(text[at]) && at + 1 < text.Length ? 2 : 1);
                break;
            case 1 when at + 1 < text.Length && !char.IsSurrogate(text[at]) && !char.IsSurrogate(text[at + 1]):
                (text[at], text[at + 1]) = (text[at + 1], text[at]);
                break;
            case 2:
                text.Length = at;
                break;
            default:
                text.Insert(at, MutationCharacters[_random.Next(MutationCharacters.Length)]);
                break;
        }
        return text.ToString();
    }

    private T Pick<T>(IReadOnlyList<T> items) => items[_random.Next(items.Count)];
}
