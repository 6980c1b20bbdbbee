namespace Varta.Community.Forms.Expressions;

/// <summary>
/// Evaluates a parsed expression. Total: every input gives a value (NaN, Infinity and "" included), nothing
/// throws. forms.js evaluates the same way; the parity test holds the two together.
/// </summary>
internal static class ExpressionEvaluator
{
    public static XValue Evaluate(Expr expr, EvaluationContext context) => expr switch
    {
        NumberExpr number => XValue.Of(number.Value),
        StringExpr text => XValue.String(text.Value),
        FieldExpr field => context.Field(field.Name),
        CurrentExpr => context.CurrentValue(),
        NegateExpr negate => XValue.Of(-Evaluate(negate.Operand, context).ToNumber()),
        BinaryExpr binary => Binary(binary, context),
        RegexExpr regex => XValue.Of(regex.Compiled.IsMatch(Evaluate(regex.Subject, context).ToText())),
        CallExpr call => Call(call, context),
        _ => throw new InvalidOperationException($"Unknown expression node {expr.GetType().Name}."),
    };

    /// <summary>boolean() of the value: what relevant, required and constraint use.</summary>
    public static bool IsTrue(Expr expr, EvaluationContext context) => Evaluate(expr, context).ToBoolean();

    private static XValue Binary(BinaryExpr binary, EvaluationContext context)
    {
        switch (binary.Operator)
        {
            case BinaryOperator.Or:
                return XValue.Of(IsTrue(binary.Left, context) || IsTrue(binary.Right, context));
            case BinaryOperator.And:
                return XValue.Of(IsTrue(binary.Left, context) && IsTrue(binary.Right, context));
            default:
                break;
        }
        var left = Evaluate(binary.Left, context);
        var right = Evaluate(binary.Right, context);
        switch (binary.Operator)
        {
            case BinaryOperator.Equal:
                return XValue.Of(AreEqual(left, right));
            case BinaryOperator.NotEqual:
                return XValue.Of(!AreEqual(left, right));
            case BinaryOperator.Less or BinaryOperator.LessOrEqual or BinaryOperator.Greater or BinaryOperator.GreaterOrEqual:
                var (a, b) = Relational(left, right);
                return XValue.Of(binary.Operator switch
                {
                    BinaryOperator.Less => a < b,
                    BinaryOperator.LessOrEqual => a <= b,
                    BinaryOperator.Greater => a > b,
                    _ => a >= b,
                });
            default:
                var x = left.ToNumber();
                var y = right.ToNumber();
                return XValue.Of(binary.Operator switch
                {
                    BinaryOperator.Add => x + y,
                    BinaryOperator.Subtract => x - y,
                    BinaryOperator.Multiply => x * y,
                    BinaryOperator.Divide => x / y,
                    _ => x % y,
                });
        }
    }

    /// <summary>XPath 1.0 '=' without node-sets: booleans if either is one, else numbers if either is one, else text.</summary>
    private static bool AreEqual(XValue left, XValue right)
    {
        if (left.Kind == XKind.Boolean || right.Kind == XKind.Boolean)
        {
            return left.ToBoolean() == right.ToBoolean();
        }
        if (left.Kind == XKind.Number || right.Kind == XKind.Number)
        {
            return left.ToNumber() == right.ToNumber();
        }
        // Two dates, a date and its yyyy-MM-dd text, or two strings: the same text is the same day.
        return left.ToText() == right.ToText();
    }

    /// <summary>Numbers, except that a string compared with a date is read as a date (ODK compares dates by day).</summary>
    private static (double, double) Relational(XValue left, XValue right)
    {
        if (left.Kind == XKind.Date && right.Kind == XKind.String)
        {
            return (left.Number, DayOrNaN(right.Text));
        }
        if (right.Kind == XKind.Date && left.Kind == XKind.String)
        {
            return (DayOrNaN(left.Text), right.Number);
        }
        return (left.ToNumber(), right.ToNumber());
    }

    private static double DayOrNaN(string text) => CivilDate.TryParse(text, out var day) ? day : double.NaN;

    private static XValue Call(CallExpr call, EvaluationContext context)
    {
        var args = call.Arguments;
        XValue Arg(int i) => Evaluate(args[i], context);
        switch (call.Function)
        {
            case "if":
                return IsTrue(args[0], context) ? Arg(1) : Arg(2);
            case "coalesce":
                var first = Arg(0);
                return first.ToText().Length > 0 ? first : Arg(1);
            case "today":
                return XValue.Day(CivilDate.ToDay(context.Today));
            case "true":
                return XValue.Of(true);
            case "false":
                return XValue.Of(false);
            case "concat":
                return XValue.String(string.Concat(args.Select(a => Evaluate(a, context).ToText())));
            default:
                break;
        }
        var value = Arg(0);
        return call.Function switch
        {
            "selected" => XValue.Of(Selections(value.ToText()).Contains(Arg(1).ToText())),
            "count-selected" => XValue.Of(Selections(value.ToText()).Count),
            "string-length" => XValue.Of(CodePoints(value.ToText())),
            "int" => XValue.Of(Math.Truncate(value.ToNumber())),
            "number" => XValue.Of(value.ToNumber()),
            "string" => XValue.String(value.ToText()),
            "boolean" => XValue.Of(value.ToBoolean()),
            "not" => XValue.Of(!value.ToBoolean()),
            "contains" => XValue.Of(value.ToText().Contains(Arg(1).ToText(), StringComparison.Ordinal)),
            "starts-with" => XValue.Of(value.ToText().StartsWith(Arg(1).ToText(), StringComparison.Ordinal)),
            "ends-with" => XValue.Of(value.ToText().EndsWith(Arg(1).ToText(), StringComparison.Ordinal)),
            "date" => ToDate(value),
            _ => throw new InvalidOperationException($"Function {call.Function} has no implementation."),
        };
    }

    /// <summary>date(): a date stays, a yyyy-MM-dd text or a day number (days since 1970-01-01) becomes one, anything else is "".</summary>
    private static XValue ToDate(XValue value)
    {
        switch (value.Kind)
        {
            case XKind.Date:
                return value;
            case XKind.String:
                return CivilDate.TryParse(value.Text, out var day) ? XValue.Day(day) : XValue.Empty;
            case XKind.Number:
                var floor = Math.Floor(value.Number);
                return floor >= CivilDate.MinDay && floor <= CivilDate.MaxDay ? XValue.Day((int)floor) : XValue.Empty;
            default:
                return XValue.Empty;
        }
    }

    /// <summary>The names of a select_multiple answer: split on blanks, empty pieces dropped.</summary>
    public static List<string> Selections(string answer) =>
        [.. answer.Split([' ', '\t', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries)];

    /// <summary>Characters as XPath counts them: a surrogate pair is one.</summary>
    public static int CodePoints(string text)
    {
        var count = 0;
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }
            count++;
        }
        return count;
    }
}
