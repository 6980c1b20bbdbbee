namespace Varta.Community.Forms.XlsForm;

internal enum XlsFormErrorKind
{
    NotAWorkbook,
    MissingSheet,
    MissingColumn,
    MissingType,
    UnknownType,
    UnknownChoiceList,
    MissingName,
    InvalidName,
    DuplicateName,
    MissingLabel,
    UnbalancedGroup,
    ExpressionSyntax,
    UnknownReference,
    MissingListName,
    DuplicateChoice,
}

/// <summary>
/// A reason the workbook is not a usable form: the sheet as the workbook names it, the row as Excel numbers it
/// (the header is row 1 when it is the first row), and the column by its header; row and column are null when the
/// error is about a whole sheet or the file.
/// </summary>
internal sealed record XlsFormError(XlsFormErrorKind Kind, string Sheet, int? Row, string? Column, string English, string Ukrainian)
{
    public override string ToString() => $"{Sheet}{(Row is null ? "" : $" row {Row}")}{(Column is null ? "" : $" column '{Column}'")}: {English}";
}

internal sealed record XlsFormReadResult(Form? Form, IReadOnlyList<XlsFormError> Errors)
{
    public bool Succeeded => Form is not null;
}
