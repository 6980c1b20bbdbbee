namespace Varta.Community.Forms.Expressions;

/// <summary>
/// Why an expression does not parse. <see cref="Code"/> and <see cref="Detail"/> are the same in forms.js (the
/// parity test compares them); <see cref="Position"/> is 1-based. For "bad_regex" the detail is the reason code and
/// the position points at the offending character of the pattern.
/// </summary>
internal sealed record ExpressionSyntaxError(string Code, int Position, string Detail)
{
    public const string UnexpectedToken = "unexpected_token";
    public const string UnexpectedEnd = "unexpected_end";
    public const string UnexpectedCharacter = "unexpected_character";
    public const string UnterminatedString = "unterminated_string";
    public const string BadReference = "bad_reference";
    public const string UnknownFunction = "unknown_function";
    public const string WrongArity = "wrong_arity";
    public const string RegexNotLiteral = "regex_not_literal";
    public const string BadRegex = "bad_regex";
    public const string TooDeep = "too_deep";
    public const string TooLong = "too_long";

    public string English => Code switch
    {
        UnexpectedToken => $"unexpected '{Detail}' at position {Position}",
        UnexpectedEnd => $"unexpected end of the expression at position {Position}",
        UnexpectedCharacter => $"unexpected character '{Detail}' at position {Position}",
        UnterminatedString => $"the string starting at position {Position} is not closed",
        BadReference => $"bad field reference '{Detail}' at position {Position}",
        UnknownFunction => $"unknown function '{Detail}' at position {Position}",
        WrongArity => $"wrong number of arguments to '{Detail}' at position {Position}",
        RegexNotLiteral => $"the pattern of regex() at position {Position} must be a quoted string",
        BadRegex => $"regular expression not supported at position {Position}: {RegexReason(Detail).English}",
        TooDeep => $"the expression is nested too deeply at position {Position}",
        TooLong => $"the expression has too many operators at position {Position}",
        _ => $"{Code} at position {Position}",
    };

    public string Ukrainian => Code switch
    {
        UnexpectedToken => $"неочікуване «{Detail}» на позиції {Position}",
        UnexpectedEnd => $"вираз обривається на позиції {Position}",
        UnexpectedCharacter => $"неочікуваний символ «{Detail}» на позиції {Position}",
        UnterminatedString => $"рядок, що починається на позиції {Position}, не закрито",
        BadReference => $"хибне посилання на поле «{Detail}» на позиції {Position}",
        UnknownFunction => $"невідома функція «{Detail}» на позиції {Position}",
        WrongArity => $"неправильна кількість аргументів функції «{Detail}» на позиції {Position}",
        RegexNotLiteral => $"шаблон regex() на позиції {Position} має бути рядком у лапках",
        BadRegex => $"регулярний вираз не підтримується на позиції {Position}: {RegexReason(Detail).Ukrainian}",
        TooDeep => $"вираз занадто глибоко вкладений на позиції {Position}",
        TooLong => $"у виразі забагато операторів на позиції {Position}",
        _ => $"{Code} на позиції {Position}",
    };

    public override string ToString() => English;

    private static (string English, string Ukrainian) RegexReason(string reason) => reason switch
    {
        SafeRegex.UnsupportedEscape => ("this escape is not supported", "ця екранована послідовність не підтримується"),
        SafeRegex.UnsupportedGroup => ("only (…) and (?:…) groups are supported", "підтримуються лише групи (…) і (?:…)"),
        SafeRegex.NothingToRepeat => ("a quantifier must follow something to repeat", "квантифікатор має стояти після того, що повторюється"),
        SafeRegex.BadQuantifier => ("a {n,m} quantifier needs n ≤ m ≤ 100", "квантифікатор {n,m} потребує n ≤ m ≤ 100"),
        SafeRegex.UnbalancedParenthesis => ("unbalanced parenthesis", "незбалансовані дужки"),
        SafeRegex.BadClass => ("a […] class is empty or not closed", "клас […] порожній або не закритий"),
        SafeRegex.BadRange => ("bad range in a […] class", "хибний діапазон у класі […]"),
        SafeRegex.UnescapedBracket => ("write ], }, { and a [ inside […] with a backslash", "пишіть ], }, { і [ усередині […] зі зворотною скісною рискою"),
        SafeRegex.TrailingBackslash => ("the pattern ends with a backslash", "шаблон закінчується зворотною скісною рискою"),
        SafeRegex.PatternTooLong => ("the pattern is longer than 500 characters", "шаблон довший за 500 символів"),
        SafeRegex.GroupsTooDeep => ("groups are nested deeper than 20", "групи вкладені глибше ніж 20"),
        SafeRegex.PatternTooComplex => ("the pattern unrolls to more than 1000 steps", "шаблон розгортається більш ніж у 1000 кроків"),
        _ => (reason, reason),
    };
}
