using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Varta.Community.Forms;
using Varta.Community.Forms.Expressions;
using Xunit.Abstractions;

namespace Varta.Community.Tests.Forms;

/// <summary>
/// The interviewer page (forms.js under node) and the server (C#) must agree on every expression and every form:
/// the same value of the same type (numbers to the bit, NaN, infinities and -0 included), the same string() and
/// boolean() of it, the same syntax error (code, position, detail, messages), and for whole forms the same asked
/// questions and the same problems. Node missing makes this test fail, not skip.
/// </summary>
public sealed class FormsParityTests(ITestOutputHelper output)
{
    private const int Seed = 20_250_612;
    private const int RandomExpressions = 3_000;
    private const int AnswerSetsPerForm = 300;
    private const string FormToday = "2025-06-12";
    private const int MismatchesShown = 8;

    [Fact]
    public async Task Forms_js_evaluates_every_case_exactly_as_the_csharp_engine()
    {
        var generator = new ParityCases(Seed);
        var expressions = generator.Expressions(RandomExpressions);
        var forms = new[] { SampleForms.Safety(), SampleForms.Household() };
        var answerSets = forms.Select(form => Enumerable.Range(0, AnswerSetsPerForm).Select(_ => generator.Answers(form)).ToList()).ToList();

        var input = new JsonObject
        {
            ["expressions"] = new JsonArray(expressions.Select(c => (JsonNode)new JsonObject
            {
                ["expression"] = c.Expression,
                ["answers"] = JsonSerializer.SerializeToNode(c.Answers),
                ["dateFields"] = JsonSerializer.SerializeToNode(c.DateFields),
                ["current"] = c.Current,
                ["currentIsDate"] = c.CurrentIsDate,
                ["today"] = c.Today,
            }).ToArray()),
            ["forms"] = new JsonArray(forms.Select((form, f) => (JsonNode)new JsonObject
            {
                ["form"] = JsonNode.Parse(FormJson.Serialize(form)),
                ["answerSets"] = JsonSerializer.SerializeToNode(answerSets[f]),
                ["today"] = FormToday,
            }).ToArray()),
        };
        using var theirs = JsonDocument.Parse(await NodeRunner.RunAsync("parity-runner.js", input.ToJsonString()));

        var report = new StringBuilder();
        var mismatches = 0;
        var coverage = new Dictionary<string, int>();
        var results = theirs.RootElement.GetProperty("expressions");
        Assert.Equal(expressions.Count, results.GetArrayLength());
        for (var i = 0; i < expressions.Count; i++)
        {
            var (ours, kind) = Ours(expressions[i]);
            coverage[kind] = coverage.GetValueOrDefault(kind) + 1;
            var js = Theirs(results[i]);
            if (ours != js && ++mismatches <= MismatchesShown)
            {
                report.AppendLine(CultureInfo.InvariantCulture, $"expression {JsonSerializer.Serialize(expressions[i].Expression)} with {JsonSerializer.Serialize(expressions[i])}\n  C#: {ours}\n  JS: {js}");
            }
        }

        var formResults = theirs.RootElement.GetProperty("forms");
        var problemsSeen = new HashSet<ProblemKind>();
        for (var f = 0; f < forms.Length; f++)
        {
            var logic = new FormLogic(forms[f]);
            var today = DateOnly.ParseExact(FormToday, "yyyy-MM-dd", CultureInfo.InvariantCulture);
            for (var a = 0; a < AnswerSetsPerForm; a++)
            {
                var problems = logic.Validate(answerSets[f][a], today);
                problemsSeen.UnionWith(problems.Select(p => p.Kind));
                var ours = string.Join(" ", logic.RelevantSet(answerSets[f][a], today)) + " | "
                    + string.Join("; ", problems.Select(p => $"{p.Question} {p.Kind} {p.English} {p.Ukrainian}"));
                var result = formResults[f][a];
                var js = string.Join(" ", result.GetProperty("relevant").EnumerateArray().Select(n => n.GetString())) + " | "
                    + string.Join("; ", result.GetProperty("problems").EnumerateArray().Select(p =>
                        $"{p.GetProperty("question").GetString()} {p.GetProperty("kind").GetString()} {p.GetProperty("english").GetString()} {p.GetProperty("ukrainian").GetString()}"));
                if (ours != js && ++mismatches <= MismatchesShown)
                {
                    report.AppendLine(CultureInfo.InvariantCulture, $"form {forms[f].Id} answers {JsonSerializer.Serialize(answerSets[f][a])}\n  C#: {ours}\n  JS: {js}");
                }
            }
        }

        output.WriteLine($"{expressions.Count} expressions: " + string.Join(", ", coverage.OrderBy(c => c.Key, StringComparer.Ordinal).Select(c => $"{c.Key} {c.Value}")));
        output.WriteLine($"{forms.Length * AnswerSetsPerForm} answer sets; problems seen: {string.Join(", ", problemsSeen.Order())}");
        Assert.True(mismatches == 0, $"{mismatches} cases differ between C# and forms.js:\n{report}");

        // The cases must reach what they are meant to: every kind of value, the number corners and most errors.
        Assert.True(expressions.Count >= 2_000);
        foreach (var kind in new[] { "string", "boolean", "number", "date", "number NaN", "number Infinity" })
        {
            Assert.True(coverage.GetValueOrDefault(kind) >= 20, $"too few '{kind}' results: {coverage.GetValueOrDefault(kind)}");
        }
        var errors = coverage.Where(c => c.Key.StartsWith("error ", StringComparison.Ordinal)).ToList();
        Assert.True(errors.Sum(c => c.Value) >= 300, $"too few syntax errors: {errors.Sum(c => c.Value)}");
        Assert.True(errors.Count >= 10, "too few kinds of syntax error");
        Assert.Equal(Enum.GetValues<ProblemKind>().Order(), problemsSeen.Order());
    }

    /// <summary>The C# result in the comparison's words, and a coverage bucket for it.</summary>
    private static (string Text, string Kind) Ours(ExpressionCase c)
    {
        var parsed = ExpressionParser.Parse(c.Expression);
        if (parsed.Error is { } e)
        {
            return ($"error {e.Code} {e.Position} {e.Detail} / {e.English} / {e.Ukrainian}", "error " + e.Code);
        }
        var context = new EvaluationContext(c.Answers, DateOnly.ParseExact(c.Today, "yyyy-MM-dd", CultureInfo.InvariantCulture))
        {
            DateFields = c.DateFields.ToHashSet(),
            Current = c.Current,
            CurrentIsDate = c.CurrentIsDate,
        };
        var value = ExpressionEvaluator.Evaluate(parsed.Expression!, context);
        var (type, text) = value.Kind switch
        {
            XKind.String => ("string", value.Text),
            XKind.Boolean => ("boolean", value.Boolean ? "true" : "false"),
            XKind.Date => ("date", CivilDate.Format((int)value.Number)),
            _ => ("number", NumberBits(value.Number)),
        };
        var kind = value.Kind != XKind.Number ? type
            : double.IsNaN(value.Number) ? "number NaN"
            : double.IsInfinity(value.Number) ? "number Infinity"
            : "number";
        return ($"{type} {text} / {value.ToText()} / {value.ToBoolean()}", kind);
    }

    private static string Theirs(JsonElement result)
    {
        if (result.TryGetProperty("error", out var e))
        {
            return $"error {e.GetProperty("code").GetString()} {e.GetProperty("position").GetInt32()} {e.GetProperty("detail").GetString()} / {e.GetProperty("english").GetString()} / {e.GetProperty("ukrainian").GetString()}";
        }
        var value = result.GetProperty("value");
        var type = value.GetProperty("type").GetString();
        var text = value.GetProperty("value").GetString()!;
        if (type == "number")
        {
            text = NumberBits(text switch
            {
                "NaN" => double.NaN,
                "Infinity" => double.PositiveInfinity,
                "-Infinity" => double.NegativeInfinity,
                "-0" => -0.0,
                _ => double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture),
            });
        }
        var boolean = result.GetProperty("boolean").GetBoolean();
        return $"{type} {text} / {result.GetProperty("text").GetString()} / {boolean}";
    }

    /// <summary>A number to the bit: NaN as one, -0 apart from 0.</summary>
    private static string NumberBits(double value) =>
        double.IsNaN(value) ? "NaN" : $"{value.ToString("R", CultureInfo.InvariantCulture)} ({BitConverter.DoubleToInt64Bits(value):X16})";
}
