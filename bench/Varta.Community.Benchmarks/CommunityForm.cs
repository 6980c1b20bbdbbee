using System.Reflection;

namespace Varta.Community.Benchmarks;

/// <summary>One question of the generated questionnaire: its name, how many choices, and whether several may be ticked.</summary>
internal sealed record BenchQuestion(string Name, string List, int Choices, bool Multiple);

/// <summary>
/// The benchmark's questionnaire: sex, age group and 38 opinion questions (select_one with 2–5 choices, every seventh
/// a select_multiple with 5), 40 choice questions in all. It is built as the module's own Form object and written with
/// its XlsFormWriter, so the survey row carries exactly the workbook and JSON an upload would. The form types are
/// internal to the module (open to its tests only), so they are reached by reflection.
/// </summary>
internal static class CommunityForm
{
    public static readonly string[] Sexes = ["f", "m"];

    public static readonly string[] AgeGroups = ["18-34", "35-49", "50-64", "65+"];

    public static IReadOnlyList<BenchQuestion> Questions { get; } = Build();

    private static List<BenchQuestion> Build()
    {
        var list = new List<BenchQuestion> { new("sex", "sex", 2, false), new("age_group", "age", 4, false) };
        for (var k = 1; k <= 38; k++)
        {
            var multiple = k % 7 == 5;
            list.Add(new BenchQuestion($"q{k:D2}", $"l{k:D2}", multiple ? 5 : 2 + (k % 4), multiple));
        }

        return list;
    }

    public static string Value(BenchQuestion q, int choice) => q.Name switch
    {
        "sex" => Sexes[choice],
        "age_group" => AgeGroups[choice],
        _ => Choices[choice],
    };

    private static readonly string[] Choices = ["c1", "c2", "c3", "c4", "c5"];

    /// <summary>(the XLSForm workbook, the form JSON the pages evaluate), both made by the module from one Form.</summary>
    public static (byte[] Xlsx, string Json) Write()
    {
        var assembly = typeof(CommunityModule).Assembly;
        Type T(string name) => assembly.GetType(name, throwOnError: true)!;
        var formType = T("Varta.Community.Forms.Form");
        var questionType = T("Varta.Community.Forms.Question");
        var listType = T("Varta.Community.Forms.ChoiceList");
        var choiceType = T("Varta.Community.Forms.Choice");
        var textType = T("Varta.Community.Forms.LocalizedText");
        var kindType = T("Varta.Community.Forms.QuestionType");
        var plain = textType.GetMethod("Plain", BindingFlags.Public | BindingFlags.Static, [typeof(string)])!;
        object Text(string s) => plain.Invoke(null, [s])!;

        object New(Type type, params (string Name, object? Value)[] values)
        {
            var o = Activator.CreateInstance(type)!;
            foreach (var (name, value) in values)
            {
                type.GetProperty(name)!.SetValue(o, value);
            }

            return o;
        }

        Array ArrayOf(Type type, IEnumerable<object> items)
        {
            var source = items.ToList();
            var array = Array.CreateInstance(type, source.Count);
            for (var i = 0; i < source.Count; i++)
            {
                array.SetValue(source[i], i);
            }

            return array;
        }

        var questions = Questions.Select(q => New(questionType,
            ("Type", Enum.Parse(kindType, q.Multiple ? "SelectMultiple" : "SelectOne")), ("Name", q.Name), ("ListName", q.List),
            ("Label", Text(q.Name switch { "sex" => "Sex", "age_group" => "Age group", _ => $"Opinion question {q.Name[1..]}" }))));
        var lists = Questions.Select(q => Activator.CreateInstance(listType, q.List,
            ArrayOf(choiceType, Enumerable.Range(0, q.Choices).Select(c => Activator.CreateInstance(choiceType, Value(q, c), Text($"Answer {Value(q, c)}"))!)))!);
        var form = New(formType, ("Id", "community_bench"), ("Version", "2026-1"), ("Title", Text("Community safety survey (benchmark)")),
            ("Questions", ArrayOf(questionType, questions)), ("ChoiceLists", ArrayOf(listType, lists)));
        var xlsx = (byte[])T("Varta.Community.Forms.XlsForm.XlsFormWriter").GetMethod("ToBytes")!.Invoke(null, [form])!;
        var json = (string)T("Varta.Community.Forms.FormJson").GetMethod("Serialize")!.Invoke(null, [form])!;
        return (xlsx, json);
    }
}
