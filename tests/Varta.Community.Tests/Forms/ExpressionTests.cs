using Varta.Community.Forms.Expressions;

namespace Varta.Community.Tests.Forms;

public sealed class ExpressionTests
{
    private static readonly Dictionary<string, string> Answers = new()
    {
        ["consent"] = "yes",
        ["age"] = "34",
        ["empty"] = "",
        ["crimes"] = "theft  fraud",
        ["dob"] = "1990-05-17",
        ["bad_date"] = "17.05.1990",
        ["name"] = "Олена",
    };

    private static string Evaluate(string source, string? current = null, bool currentIsDate = false)
    {
        var parsed = ExpressionParser.Parse(source);
        Assert.True(parsed.Succeeded, parsed.Error?.English);
        var context = new EvaluationContext(Answers, new DateOnly(2025, 6, 12))
        {
            DateFields = new HashSet<string> { "dob", "bad_date" },
            Current = current,
            CurrentIsDate = currentIsDate,
        };
        return ExpressionEvaluator.Evaluate(parsed.Expression!, context).ToString();
    }

    [Theory]
    [InlineData("${consent} = 'yes'", "Boolean:true")]
    [InlineData("${consent} = \"yes\" and ${age} >= 18", "Boolean:true")]
    [InlineData("${unanswered} = ''", "Boolean:true")]
    [InlineData("${empty} > 17", "Boolean:false")]
    [InlineData("${empty} <= 17", "Boolean:false")]
    [InlineData("${empty} != 17", "Boolean:true")]
    [InlineData("${age} = '34'", "Boolean:true")]
    [InlineData("${age} = 34.0", "Boolean:true")]
    [InlineData("'34.0' = ${age}", "Boolean:false")]
    [InlineData("'abc' = 0", "Boolean:false")]
    [InlineData("'' = false()", "Boolean:true")]
    [InlineData("'false' = true()", "Boolean:true")]
    [InlineData("'10' > '9'", "Boolean:true")]
    [InlineData("1 < 2 < 3", "Boolean:true")]
    [InlineData("3 > 2 > 1", "Boolean:false")]
    [InlineData("not(not(${age})) or 1 div 0", "Boolean:true")]
    [InlineData("1 + 2 * 3 - -4", "Number:11")]
    [InlineData("7 div 2", "Number:3.5")]
    [InlineData("1 div 0", "Number:Infinity")]
    [InlineData("-1 div 0", "Number:-Infinity")]
    [InlineData("0 div 0", "Number:NaN")]
    [InlineData("-7 mod 3", "Number:-1")]
    [InlineData("7 mod -3", "Number:1")]
    [InlineData("5.5 mod 2", "Number:1.5")]
    [InlineData("1 mod 0", "Number:NaN")]
    [InlineData("${age} + ${empty}", "Number:NaN")]
    [InlineData("0.1 + 0.2", "Number:0.30000000000000004")]
    [InlineData("string(1000000 * 1000000 * 1000000 * 1000)", "String:1000000000000000000000")]
    [InlineData("string(1 div 10000000)", "String:0.0000001")]
    [InlineData("number(' 12 ')", "Number:12")]
    [InlineData("number('1e3')", "Number:NaN")]
    [InlineData("number('+1')", "Number:NaN")]
    [InlineData("number('-.5')", "Number:-0.5")]
    [InlineData("int(-3.7)", "Number:-3")]
    [InlineData("int('x')", "Number:NaN")]
    [InlineData("selected(${crimes}, 'fraud')", "Boolean:true")]
    [InlineData("selected(${crimes}, 'theft fraud')", "Boolean:false")]
    [InlineData("count-selected(${crimes})", "Number:2")]
    [InlineData("count-selected(${empty})", "Number:0")]
    [InlineData("string-length(${name})", "Number:5")]
    [InlineData("string-length('a😀')", "Number:2")]
    [InlineData("if(${age} > 60, 'senior', 'adult')", "String:adult")]
    [InlineData("coalesce(${empty}, ${age})", "String:34")]
    [InlineData("concat(${name}, ', ', ${age})", "String:Олена, 34")]
    [InlineData("today()", "Date:2025-06-12")]
    [InlineData("today() - ${dob}", "Number:12810")]
    [InlineData("${dob} < today()", "Boolean:true")]
    [InlineData("${dob} = '1990-05-17'", "Boolean:true")]
    [InlineData("${dob} < '2000-01-01'", "Boolean:true")]
    [InlineData("${bad_date} < today()", "Boolean:false")]
    [InlineData("date(0)", "Date:1970-01-01")]
    [InlineData("date(today() + 30)", "Date:2025-07-12")]
    [InlineData("date('2025-02-29')", "String:")]
    [InlineData("regex(${name}, '[А-ЩЬЮЯҐЄІЇ][а-щьюяґєії]+')", "Boolean:true")]
    [InlineData("regex('0501234567', '\\d{10}')", "Boolean:true")]
    [InlineData("regex('0501234567 ', '\\d{10}')", "Boolean:false")]
    [InlineData("regex('line\nbreak', 'line.break')", "Boolean:false")]
    [InlineData("regex('٣', '\\d')", "Boolean:false")]
    public void Expressions_evaluate_as_XPath_1_and_ODK_do(string source, string expected)
    {
        Assert.Equal(expected, Evaluate(source));
    }

    [Theory]
    [InlineData(". >= 18", "21", false, "Boolean:true")]
    [InlineData(". >= 18", "", false, "Boolean:false")]
    [InlineData(". <= today()", "2025-06-13", true, "Boolean:false")]
    [InlineData(". <= today()", "2025-06-12", true, "Boolean:true")]
    [InlineData("string-length(.)", "такі", false, "Number:4")]
    public void The_dot_is_the_answer_being_checked(string source, string current, bool isDate, string expected)
    {
        Assert.Equal(expected, Evaluate(source, current, isDate));
    }

    [Theory]
    [InlineData("(${age} > 18))", ExpressionSyntaxError.UnexpectedToken, 14, ")")]
    [InlineData("${age} >", ExpressionSyntaxError.UnexpectedEnd, 9, "")]
    [InlineData("", ExpressionSyntaxError.UnexpectedEnd, 1, "")]
    [InlineData("${age} => 3", ExpressionSyntaxError.UnexpectedToken, 9, ">")]
    [InlineData("${age} & 3", ExpressionSyntaxError.UnexpectedCharacter, 8, "&")]
    [InlineData("'open", ExpressionSyntaxError.UnterminatedString, 1, "'")]
    [InlineData("${1st} = 1", ExpressionSyntaxError.BadReference, 1, "${1st}")]
    [InlineData("${age = 1", ExpressionSyntaxError.BadReference, 1, "${age = 1")]
    [InlineData("$age", ExpressionSyntaxError.UnexpectedCharacter, 1, "$")]
    [InlineData("age > 1", ExpressionSyntaxError.UnexpectedToken, 1, "age")]
    [InlineData("jr:choice-name(${a}, '${a}')", ExpressionSyntaxError.UnexpectedCharacter, 3, ":")]
    [InlineData("upper(${name})", ExpressionSyntaxError.UnknownFunction, 1, "upper")]
    [InlineData("not(1, 2)", ExpressionSyntaxError.WrongArity, 1, "not")]
    [InlineData("regex(., ${pattern})", ExpressionSyntaxError.RegexNotLiteral, 10, "regex")]
    [InlineData("regex(., 'a(?=b)')", ExpressionSyntaxError.BadRegex, 12, SafeRegex.UnsupportedGroup)]
    [InlineData("regex(., '\\bword')", ExpressionSyntaxError.BadRegex, 11, SafeRegex.UnsupportedEscape)]
    [InlineData("regex(., '[z-a]')", ExpressionSyntaxError.BadRegex, 12, SafeRegex.BadRange)]
    [InlineData("regex(., 'a**')", ExpressionSyntaxError.BadRegex, 13, SafeRegex.NothingToRepeat)]
    [InlineData("regex(., 'a+?')", ExpressionSyntaxError.BadRegex, 13, SafeRegex.NothingToRepeat)]
    [InlineData("regex(., 'a{2,101}')", ExpressionSyntaxError.BadRegex, 15, SafeRegex.BadQuantifier)]
    [InlineData("regex(., '((a{0,100}){0,100}){0,100}')", ExpressionSyntaxError.BadRegex, 11, SafeRegex.PatternTooComplex)]
    [InlineData("1 2", ExpressionSyntaxError.UnexpectedToken, 3, "2")]
    [InlineData("1e3", ExpressionSyntaxError.UnexpectedToken, 2, "e3")]
    public void Expressions_that_do_not_parse_say_why_and_where(string source, string code, int position, string detail)
    {
        var parsed = ExpressionParser.Parse(source);

        Assert.False(parsed.Succeeded);
        Assert.Equal((code, position, detail), (parsed.Error!.Code, parsed.Error.Position, parsed.Error.Detail));
        Assert.Contains($"position {position}", parsed.Error.English, StringComparison.Ordinal);
        Assert.Contains($"позиції {position}", parsed.Error.Ukrainian, StringComparison.Ordinal);
    }

    [Fact]
    public void The_example_error_reads_as_the_form_author_expects()
    {
        Assert.Equal("unexpected ')' at position 14", ExpressionParser.Parse("(${age} > 18))").Error!.English);
    }

    [Fact]
    public void Nesting_and_length_are_bounded_so_a_hostile_form_cannot_exhaust_the_stack()
    {
        var deep = new string('(', 65) + "1" + new string(')', 65);
        var fine = new string('(', 64) + "1" + new string(')', 64);
        var tooLong = string.Join(" + ", Enumerable.Repeat("1", 258));

        Assert.Equal((ExpressionSyntaxError.TooDeep, 65), (ExpressionParser.Parse(deep).Error!.Code, ExpressionParser.Parse(deep).Error!.Position));
        Assert.True(ExpressionParser.Parse(fine).Succeeded);
        Assert.Equal(ExpressionSyntaxError.TooLong, ExpressionParser.Parse(tooLong).Error!.Code);
    }

    [Theory]
    [InlineData(0.0, "0")]
    [InlineData(1e21, "1000000000000000000000")]
    [InlineData(1.5e-7, "0.00000015")]
    [InlineData(-123.456, "-123.456")]
    public void Numbers_print_without_an_exponent(double value, string expected)
    {
        Assert.Equal(expected, XPathNumber.Format(value));
    }

    [Fact]
    public void Negative_zero_prints_as_zero_and_the_smallest_double_in_full()
    {
        Assert.Equal("0", XPathNumber.Format(-0.0));
        Assert.Equal("0." + new string('0', 323) + "5", XPathNumber.Format(double.Epsilon));
        Assert.Equal("Number:-Infinity", Evaluate("1 div (0 * -1)"));
    }
}
