namespace Varta.Community.Forms.Expressions;

internal enum TokenKind
{
    Number,
    String,
    Field,
    Dot,
    Open,
    Close,
    Comma,
    Symbol,
    Name,
    End,
}

/// <summary>A token: <see cref="Value"/> is the number text, the string without quotes, the field name, the symbol or the name; <see cref="Raw"/> is the source text.</summary>
internal readonly record struct Token(TokenKind Kind, string Value, string Raw, int Position);

internal static class ExpressionLexer
{
    /// <summary>Splits <paramref name="source"/> into tokens ending with <see cref="TokenKind.End"/>, or throws <see cref="ExpressionSyntaxException"/>.</summary>
    public static List<Token> Tokenize(string source)
    {
        var tokens = new List<Token>();
        var i = 0;
        while (i < source.Length)
        {
            var c = source[i];
            var position = i + 1;
            if (XPathNumber.IsBlank(c))
            {
                i++;
                continue;
            }
            var start = i;
            if (XPathNumber.IsDigit(c) || (c == '.' && i + 1 < source.Length && XPathNumber.IsDigit(source[i + 1])))
            {
                while (i < source.Length && XPathNumber.IsDigit(source[i]))
                {
                    i++;
                }
                if (i < source.Length && source[i] == '.')
                {
                    i++;
                    while (i < source.Length && XPathNumber.IsDigit(source[i]))
                    {
                        i++;
                    }
                }
                var number = source[start..i];
                tokens.Add(new Token(TokenKind.Number, number, number, position));
                continue;
            }
            if (c is '\'' or '"')
            {
                var close = source.IndexOf(c, i + 1);
                if (close < 0)
                {
                    throw new ExpressionSyntaxException(new(ExpressionSyntaxError.UnterminatedString, position, c.ToString()));
                }
                tokens.Add(new Token(TokenKind.String, source[(i + 1)..close], source[i..(close + 1)], position));
                i = close + 1;
                continue;
            }
            if (c == '$' && i + 1 < source.Length && source[i + 1] == '{')
            {
                var close = source.IndexOf('}', i + 2);
                if (close < 0)
                {
                    throw new ExpressionSyntaxException(new(ExpressionSyntaxError.BadReference, position, source[i..]));
                }
                var name = source[(i + 2)..close];
                if (!IsName(name))
                {
                    throw new ExpressionSyntaxException(new(ExpressionSyntaxError.BadReference, position, source[i..(close + 1)]));
                }
                tokens.Add(new Token(TokenKind.Field, name, source[i..(close + 1)], position));
                i = close + 1;
                continue;
            }
            if (IsNameStart(c))
            {
                while (i < source.Length && IsNameChar(source[i]))
                {
                    i++;
                }
                var name = source[start..i];
                tokens.Add(new Token(TokenKind.Name, name, name, position));
                continue;
            }
            var (kind, length) = c switch
            {
                '.' => (TokenKind.Dot, 1),
                '(' => (TokenKind.Open, 1),
                ')' => (TokenKind.Close, 1),
                ',' => (TokenKind.Comma, 1),
                '=' or '+' or '-' or '*' => (TokenKind.Symbol, 1),
                '<' or '>' => (TokenKind.Symbol, i + 1 < source.Length && source[i + 1] == '=' ? 2 : 1),
                '!' when i + 1 < source.Length && source[i + 1] == '=' => (TokenKind.Symbol, 2),
                _ => throw new ExpressionSyntaxException(new(ExpressionSyntaxError.UnexpectedCharacter, position, CharacterAt(source, i))),
            };
            var text = source.Substring(i, length);
            tokens.Add(new Token(kind, text, text, position));
            i += length;
        }
        tokens.Add(new Token(TokenKind.End, string.Empty, string.Empty, source.Length + 1));
        return tokens;
    }

    /// <summary>The character at <paramref name="i"/>, both halves of a surrogate pair when it starts one.</summary>
    private static string CharacterAt(string source, int i) =>
        char.IsHighSurrogate(source[i]) && i + 1 < source.Length && char.IsLowSurrogate(source[i + 1]) ? source.Substring(i, 2) : source[i].ToString();

    /// <summary>A question or choice-list name as XLSForm allows it (ASCII): a letter or _, then letters, digits, _, - and '.'.</summary>
    public static bool IsName(string text) =>
        text.Length > 0 && IsNameStart(text[0]) && text.All(IsNameChar);

    private static bool IsNameStart(char c) => c is (>= 'A' and <= 'Z') or (>= 'a' and <= 'z') or '_';

    private static bool IsNameChar(char c) => IsNameStart(c) || XPathNumber.IsDigit(c) || c is '-' or '.';
}

internal sealed class ExpressionSyntaxException(ExpressionSyntaxError error) : Exception(error.English)
{
    public ExpressionSyntaxError Error { get; } = error;
}
