using Varta.Community.Forms;
using Varta.Community.Forms.XlsForm;

namespace Varta.Community.Tests.Forms;

public sealed class XlsFormRoundTripTests
{
    /// <summary>Every question type and every supported column, texts in two languages and in the plain column.</summary>
    private static Form EveryTypeAndColumn() => SampleForms.Safety() with
    {
        Questions =
        [
            .. SampleForms.Safety().Questions,
            new Question
            {
                Type = QuestionType.Group,
                Name = "outer",
                Label = SampleForms.Text("Neighbourhood", "Район"),
                Hint = LocalizedText.Plain("Only where the respondent lives."),
                Relevant = "${age} >= 18",
                Children =
                [
                    new Question
                    {
                        Type = QuestionType.Group,
                        Name = "inner",
                        Children =
                        [
                            new Question
                            {
                                Type = QuestionType.Date,
                                Name = "moved_in",
                                Label = SampleForms.Text("When did you move in?", "Коли ви заселилися?"),
                                Hint = SampleForms.Text("Day, month and year", "День, місяць і рік"),
                                Required = "${victim} = 'yes'",
                                RequiredMessage = LocalizedText.Of((SampleForms.English, "Needed for victims.")),
                                Constraint = ". <= today()",
                                ConstraintMessage = SampleForms.Text("Not in the future.", "Не в майбутньому."),
                            },
                        ],
                    },
                    new Question { Type = QuestionType.Note, Name = "bye", Label = LocalizedText.Plain("Thank you!") },
                ],
            },
        ],
    };

    [Fact]
    public void A_form_written_and_read_back_is_the_same_form()
    {
        var form = EveryTypeAndColumn();

        var bytes = XlsFormWriter.ToBytes(form);
        var read = XlsFormReader.Read(new MemoryStream(bytes));

        Assert.Empty(read.Errors);
        Assert.Equal(FormJson.Serialize(form), FormJson.Serialize(read.Form!));
        Assert.Equal(
            Enum.GetValues<QuestionType>().Order(),
            read.Form!.AllQuestions().Select(q => q.Type).Distinct().Order());
        Assert.Equal(["", SampleForms.English, SampleForms.Ukrainian], read.Form.Languages());
        var movedIn = read.Form.FindQuestion("moved_in")!;
        Assert.Equal("${victim} = 'yes'", movedIn.Required);
        Assert.Equal("Не в майбутньому.", movedIn.ConstraintMessage[SampleForms.Ukrainian]);
        Assert.Equal(SampleForms.Text("Community safety survey", "Опитування про безпеку в громаді"), read.Form.Title);
    }

    [Fact]
    public void The_written_workbook_has_the_three_XLSForm_sheets_with_language_columns()
    {
        var bytes = XlsFormWriter.ToBytes(EveryTypeAndColumn());

        var sheets = SheetTable.ReadWorkbook(new MemoryStream(bytes));

        Assert.Equal(["survey", "choices", "settings"], sheets.Keys);
        Assert.Contains("label::Ukrainian (uk)", sheets["survey"].Columns.Select(c => c.Header));
        Assert.Contains("constraint_message::English (en)", sheets["survey"].Columns.Select(c => c.Header));
        Assert.Contains(sheets["survey"].Rows, row => row.Cells.Values.Contains("select_multiple crimes"));
        Assert.Equal(3, sheets["survey"].Rows.Count(row => row.Cells.Values.Contains("end_group")));
        Assert.Contains(sheets["survey"].Rows, row => row.Cells.Values.Contains("yes"));
    }

    [Fact]
    public void A_workbook_from_another_tool_is_read_whatever_the_case_of_sheets_and_headers()
    {
        using var xlsx = XlsxBuilder.Build(
            ("Survey",
            [
                ["Type", "NAME", "Label::English (en)", "label::Ukrainian (uk)", "Required", "Relevant", "constraint", "Constraint_Message::English (en)", "appearance"],
                ["select_one yn", "agree", "Agree?", "Згодні?", true, null, null, null, "minimal"],
                null,
                ["begin group", "details", "Details", null, null, "${agree} = 'yes'"],
                ["integer", "count", "How many?", "Скільки?", "YES", null, ". > 0", "More than zero."],
                ["select  multiple   numbers", "picked", "Pick", null, false],
                ["end group"],
            ]),
            ("CHOICES",
            [
                ["List Name", "name", "label::English (en)"],
                ["yn", "yes", "Yes"],
                ["yn", "no", "No"],
                ["numbers", 1, "One"],
                ["numbers", 2.5, "Two and a half"],
            ]),
            ("settings",
            [
                ["form_title", "form_id", "version", "default_language"],
                ["Test", "test_form", 2025061201, "English (en)"],
            ]));

        var read = XlsFormReader.Read(xlsx);

        Assert.Empty(read.Errors);
        var form = read.Form!;
        Assert.Equal(("test_form", "2025061201", "English (en)"), (form.Id, form.Version, form.DefaultLanguage));
        Assert.Equal(LocalizedText.Plain("Test"), form.Title);
        Assert.Equal(["agree", "details"], form.Questions.Select(q => q.Name));
        Assert.Equal("true()", form.Questions[0].Required);
        Assert.Equal("Згодні?", form.Questions[0].Label["Ukrainian (uk)"]);
        var details = form.Questions[1];
        Assert.Equal((QuestionType.Group, "${agree} = 'yes'"), (details.Type, details.Relevant));
        Assert.Equal(["count", "picked"], details.Children.Select(q => q.Name));
        Assert.Equal(("true()", ". > 0", "More than zero."), (details.Children[0].Required, details.Children[0].Constraint, details.Children[0].ConstraintMessage["English (en)"]));
        Assert.Equal((QuestionType.SelectMultiple, "numbers", (string?)null), (details.Children[1].Type, details.Children[1].ListName, details.Children[1].Required));
        Assert.Equal(["1", "2.5"], form.FindList("numbers")!.Choices.Select(c => c.Name));
    }

    [Fact]
    public void The_form_json_for_the_interviewer_page_carries_the_tree_and_the_texts()
    {
        var json = System.Text.Json.JsonDocument.Parse(FormJson.Serialize(SampleForms.Safety())).RootElement;

        var police = json.GetProperty("questions").EnumerateArray().Single(q => q.GetProperty("name").GetString() == "police");
        Assert.Equal("group", police.GetProperty("type").GetString());
        Assert.Equal(["police_rating", "police_comment"], police.GetProperty("children").EnumerateArray().Select(q => q.GetProperty("name").GetString()));
        Assert.Equal("Так", json.GetProperty("choiceLists")[0].GetProperty("choices")[0].GetProperty("label").GetProperty(SampleForms.Ukrainian).GetString());
    }
}
