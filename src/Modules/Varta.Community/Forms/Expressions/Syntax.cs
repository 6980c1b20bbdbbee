using System.Text.RegularExpressions;

namespace Varta.Community.Forms.Expressions;

internal enum BinaryOperator
{
    Or,
    And,
    Equal,
    NotEqual,
    Less,
    LessOrEqual,
    Greater,
    GreaterOrEqual,
    Add,
    Subtract,
    Multiply,
    Divide,
    Modulo,
}

/// <summary>A parsed expression. Positions are 1-based character positions in the source.</summary>
internal abstract record Expr(int Position);

internal sealed record NumberExpr(double Value, int Position) : Expr(Position);

internal sealed record StringExpr(string Value, int Position) : Expr(Position);

/// <summary><c>${name}</c>.</summary>
internal sealed record FieldExpr(string Name, int Position) : Expr(Position);

/// <summary><c>.</c>, the answer being checked.</summary>
internal sealed record CurrentExpr(int Position) : Expr(Position);

internal sealed record NegateExpr(Expr Operand, int Position) : Expr(Position);

internal sealed record BinaryExpr(BinaryOperator Operator, Expr Left, Expr Right, int Position) : Expr(Position);

internal sealed record CallExpr(string Function, IReadOnlyList<Expr> Arguments, int Position) : Expr(Position);

/// <summary><c>regex(subject, 'pattern')</c>: the pattern is a literal, checked and compiled when parsed.</summary>
internal sealed record RegexExpr(Expr Subject, string Pattern, Regex Compiled, int Position) : Expr(Position);

internal static class ExprWalk
{
    /// <summary>Every <c>${name}</c> in the expression, in source order.</summary>
    public static IEnumerable<FieldExpr> Fields(Expr expr)
    {
        switch (expr)
        {
            case FieldExpr field:
                yield return field;
                break;
            case NegateExpr negate:
                foreach (var f in Fields(negate.Operand))
                {
                    yield return f;
                }
                break;
            case BinaryExpr binary:
                foreach (var f in Fields(binary.Left).Concat(Fields(binary.Right)))
                {
                    yield return f;
                }
                break;
            case CallExpr call:
                foreach (var f in call.Arguments.SelectMany(Fields))
                {
                    yield return f;
                }
                break;
            case RegexExpr regex:
                foreach (var f in Fields(regex.Subject))
                {
                    yield return f;
                }
                break;
            default:
                break;
        }
    }
}
