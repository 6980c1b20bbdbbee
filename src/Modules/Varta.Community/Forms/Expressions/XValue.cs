namespace Varta.Community.Forms.Expressions;

internal enum XKind
{
    String,
    Number,
    Boolean,
    /// <summary>A calendar day; <see cref="XValue.Number"/> holds the days since 1970-01-01.</summary>
    Date,
}

/// <summary>A value of an expression, with the XPath 1.0 conversions (string(), number(), boolean()) and ODK's dates.</summary>
internal readonly record struct XValue(XKind Kind, string Text, double Number, bool Boolean)
{
    public static XValue Empty { get; } = String(string.Empty);

    public static XValue String(string text) => new(XKind.String, text, 0, false);

    public static XValue Of(double number) => new(XKind.Number, string.Empty, number, false);

    public static XValue Of(bool value) => new(XKind.Boolean, string.Empty, 0, value);

    public static XValue Day(int day) => new(XKind.Date, string.Empty, day, false);

    public double ToNumber() => Kind switch
    {
        XKind.String => XPathNumber.Parse(Text),
        XKind.Boolean => Boolean ? 1 : 0,
        _ => Number,
    };

    public string ToText() => Kind switch
    {
        XKind.String => Text,
        XKind.Number => XPathNumber.Format(Number),
        XKind.Boolean => Boolean ? "true" : "false",
        _ => CivilDate.Format((int)Number),
    };

    public bool ToBoolean() => Kind switch
    {
        XKind.String => Text.Length > 0,
        XKind.Number => Number != 0 && !double.IsNaN(Number),
        XKind.Boolean => Boolean,
        _ => true,
    };

    public override string ToString() => Kind + ":" + ToText();
}
