using Varta.Community.Forms.XlsForm;

namespace Varta.Community.Tests.Forms;

public sealed class XlsFormErrorTests
{
    private static readonly object?[] SurveyHeader = ["type", "name", "label::English (en)", "label::Ukrainian (uk)", "required", "relevant", "constraint"];
    private static readonly object?[] ChoicesHeader = ["list_name", "name", "label::English (en)"];

    private static readonly object?[]?[] Choices =
    [
        ChoicesHeader,
        ["yn", "yes", "Yes"],
        ["yn", "no", "No"],
    ];

    private static IReadOnlyList<XlsFormError> Errors(object?[]?[] survey, object?[]?[]? choices = null)
    {
        using var xlsx = XlsxBuilder.Build(("survey", survey), ("choices", choices ?? Choices));
        var result = XlsFormReader.Read(xlsx);
        Assert.Null(result.Form);
        Assert.All(result.Errors, e =>
        {
            Assert.False(string.IsNullOrWhiteSpace(e.English));
            Assert.False(string.IsNullOrWhiteSpace(e.Ukrainian));
            Assert.NotEqual(e.English, e.Ukrainian);
        });
        return result.Errors;
    }

    private static void AssertSingle(IReadOnlyList<XlsFormError> errors, XlsFormErrorKind kind, string sheet, int row, string column)
    {
        var error = Assert.Single(errors);
        Assert.Equal((kind, sheet, (int?)row, column), (error.Kind, error.Sheet, error.Row, error.Column));
    }

    [Fact]
    public void An_unknown_type_is_reported_at_its_type_cell()
    {
        var errors = Errors([SurveyHeader, ["integer", "age", "Age", "Вік"], ["geopoint", "where", "Where?", "Де?"]]);

        AssertSingle(errors, XlsFormErrorKind.UnknownType, "survey", 3, "type");
        Assert.Contains("geopoint", errors[0].English, StringComparison.Ordinal);
    }

    [Fact]
    public void A_select_list_missing_from_choices_is_reported()
    {
        var errors = Errors([SurveyHeader, ["select_one colours", "colour", "Colour", "Колір"]]);

        AssertSingle(errors, XlsFormErrorKind.UnknownChoiceList, "survey", 2, "type");
        Assert.Contains("colours", errors[0].Ukrainian, StringComparison.Ordinal);
    }

    [Fact]
    public void A_duplicate_name_is_reported_at_the_later_row()
    {
        var errors = Errors([SurveyHeader, ["integer", "age", "Age", "Вік"], null, ["text", "age", "Age again", "Знову вік"]]);

        AssertSingle(errors, XlsFormErrorKind.DuplicateName, "survey", 4, "name");
    }

    [Fact]
    public void Missing_and_invalid_names_are_reported()
    {
        var errors = Errors([SurveyHeader, ["integer", null, "Age", "Вік"], ["text", "full name", "Name", "Ім'я"]]);

        Assert.Equal(
            [(XlsFormErrorKind.MissingName, 2, "name"), (XlsFormErrorKind.InvalidName, 3, "name")],
            errors.Select(e => (e.Kind, e.Row ?? 0, e.Column)));
    }

    [Fact]
    public void A_question_without_a_label_in_any_language_is_reported_at_the_first_label_column()
    {
        var errors = Errors([SurveyHeader, ["integer", "age", null, null]]);

        AssertSingle(errors, XlsFormErrorKind.MissingLabel, "survey", 2, "label::English (en)");
    }

    [Fact]
    public void An_end_group_without_a_begin_and_a_begin_without_an_end_are_both_reported()
    {
        var errors = Errors(
        [
            SurveyHeader,
            ["end_group"],
            ["begin_group", "household", "Household", "Домогосподарство"],
            ["integer", "members", "Members", "Члени"],
        ]);

        Assert.Equal(
            [(XlsFormErrorKind.UnbalancedGroup, 2, "type"), (XlsFormErrorKind.UnbalancedGroup, 3, "type")],
            errors.Select(e => (e.Kind, e.Row ?? 0, e.Column)));
    }

    [Fact]
    public void An_expression_that_does_not_parse_is_reported_with_the_reason_and_position()
    {
        var errors = Errors([SurveyHeader, ["integer", "age", "Age", "Вік"], ["text", "school", "School", "Школа", null, "(${age} > 18))"]]);

        AssertSingle(errors, XlsFormErrorKind.ExpressionSyntax, "survey", 3, "relevant");
        Assert.Equal("The expression does not parse: unexpected ')' at position 14.", errors[0].English);
        Assert.Equal("Вираз не розбирається: неочікуване «)» на позиції 14.", errors[0].Ukrainian);
    }

    [Fact]
    public void A_required_expression_is_checked_too()
    {
        var errors = Errors([SurveyHeader, ["integer", "age", "Age", "Вік", "${age} >"]]);

        AssertSingle(errors, XlsFormErrorKind.ExpressionSyntax, "survey", 2, "required");
    }

    [Fact]
    public void A_reference_to_an_unknown_field_or_a_group_is_reported()
    {
        var errors = Errors(
        [
            SurveyHeader,
            ["begin_group", "household", "Household", "Домогосподарство"],
            ["integer", "age", "Age", "Вік", null, null, ". <= ${max_age}"],
            ["integer", "members", "Members", "Члени", null, "${household} != ''"],
            ["end_group"],
        ]);

        Assert.Equal(
            [(XlsFormErrorKind.UnknownReference, 3, "constraint"), (XlsFormErrorKind.UnknownReference, 4, "relevant")],
            errors.Select(e => (e.Kind, e.Row ?? 0, e.Column)));
        Assert.Contains("${max_age}", errors[0].English, StringComparison.Ordinal);
    }

    [Fact]
    public void A_choice_list_with_a_duplicate_name_is_reported_on_the_choices_sheet()
    {
        var errors = Errors(
            [SurveyHeader, ["select_one yn", "agree", "Agree?", "Згодні?"]],
            [ChoicesHeader, ["yn", "yes", "Yes"], ["yn", "no", "No"], ["other", "yes", "Yes, other list"], ["yn", "yes", "Yes again"]]);

        AssertSingle(errors, XlsFormErrorKind.DuplicateChoice, "choices", 5, "name");
    }

    [Fact]
    public void Choices_without_a_list_name_a_name_or_a_label_are_reported()
    {
        var errors = Errors(
            [SurveyHeader, ["select_one yn", "agree", "Agree?", "Згодні?"]],
            [ChoicesHeader, ["yn", "yes", "Yes"], [null, "maybe", "Maybe"], ["yn", null, "No"], ["yn", "no", null], ["yn", "not sure", "Not sure"]]);

        Assert.Equal(
            [
                (XlsFormErrorKind.MissingListName, 3, "list_name"),
                (XlsFormErrorKind.MissingName, 4, "name"),
                (XlsFormErrorKind.MissingLabel, 5, "label::English (en)"),
                (XlsFormErrorKind.InvalidName, 6, "name"),
            ],
            errors.Select(e => (e.Kind, e.Row ?? 0, e.Column)));
    }

    [Fact]
    public void A_row_without_a_type_and_a_sheet_without_a_name_column_are_reported()
    {
        var noType = Errors([SurveyHeader, [null, "age", "Age", "Вік"]]);
        var noName = Errors([["type", "label"], ["text", "Name"]]);

        AssertSingle(noType, XlsFormErrorKind.MissingType, "survey", 2, "type");
        AssertSingle(noName, XlsFormErrorKind.MissingColumn, "survey", 1, "name");
    }

    [Fact]
    public void A_workbook_without_a_survey_sheet_and_a_file_that_is_not_a_workbook_are_reported()
    {
        using var noSurvey = XlsxBuilder.Build(("questions", [["type", "name"]]));
        using var notXlsx = new MemoryStream("type,name,label\ntext,a,A\n"u8.ToArray());

        var missing = Assert.Single(XlsFormReader.Read(noSurvey).Errors);
        var invalid = Assert.Single(XlsFormReader.Read(notXlsx).Errors);

        Assert.Equal((XlsFormErrorKind.MissingSheet, "survey", (int?)null), (missing.Kind, missing.Sheet, missing.Row));
        Assert.Equal(XlsFormErrorKind.NotAWorkbook, invalid.Kind);
    }

    [Fact]
    public void Errors_name_the_sheet_as_the_workbook_spells_it_and_keep_excel_row_numbers_across_blank_rows()
    {
        using var xlsx = XlsxBuilder.Build(
            ("Survey", [SurveyHeader, null, null, ["integre", "age", "Age", "Вік"]]),
            ("Choices", Choices));

        var error = Assert.Single(XlsFormReader.Read(xlsx).Errors);

        Assert.Equal(("Survey", (int?)4, "type"), (error.Sheet, error.Row, error.Column));
    }

    [Fact]
    public void Several_errors_are_all_reported_in_sheet_and_row_order()
    {
        var errors = Errors(
            [SurveyHeader, ["integer", "age", "Age", "Вік", null, null, ". > ${nope}"], ["text", "age", null, null], ["select_one zz", "q", "Q", "П"]],
            [ChoicesHeader, ["yn", "yes", "Yes"], ["yn", "yes", "Yes"]]);

        Assert.Equal(
            [
                ("survey", 2, XlsFormErrorKind.UnknownReference),
                ("survey", 3, XlsFormErrorKind.DuplicateName),
                ("survey", 3, XlsFormErrorKind.MissingLabel),
                ("survey", 4, XlsFormErrorKind.UnknownChoiceList),
                ("choices", 3, XlsFormErrorKind.DuplicateChoice),
            ],
            errors.Select(e => (e.Sheet, e.Row ?? 0, e.Kind)));
    }
}
