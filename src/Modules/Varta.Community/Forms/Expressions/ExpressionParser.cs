namespace Varta.Community.Forms.Expressions;

internal sealed record ParseResult(Expr? Expression, ExpressionSyntaxError? Error)
{
    public bool Succeeded => Expression is not null;
}

/// <summary>
/// Recursive descent over the XPath 1.0 precedence: or, and, = !=, &lt; &lt;= &gt; &gt;=, + -, * div mod, unary minus.
/// Names are only function names and, after an operand, the operators and/or/div/mod.
/// </summary>
internal sealed class ExpressionParser
{
    public const int MaxNesting = 64;
    public const int MaxOperators = 256;

    private readonly List<Token> _tokens;
    private int _k;
    private int _nesting;
    private int _operators;

    private ExpressionParser(List<Token> tokens) => _tokens = tokens;

    public static ParseResult Parse(string source)
    {
        try
        {
            var parser = new ExpressionParser(ExpressionLexer.Tokenize(source));
            var expression = parser.Or();
            if (parser.Current.Kind != TokenKind.End)
            {
                throw parser.Unexpected();
            }
            return new ParseResult(expression, null);
        }
        catch (ExpressionSyntaxException e)
        {
            return new ParseResult(null, e.Error);
        }
    }

    /// <summary>The parsed expression; throws <see cref="ArgumentException"/> with the reason when it does not parse.</summary>
    public static Expr ParseOrThrow(string source)
    {
        var result = Parse(source);
        return result.Expression ?? throw new ArgumentException($"'{source}': {result.Error!.English}", nameof(source));
    }

    private Token Current => _tokens[_k];

    private Expr Or()
    {
        var left = And();
        while (IsName("or"))
        {
            var op = Next();
            left = Binary(BinaryOperator.Or, left, And(), op);
        }
        return left;
    }

    private Expr And()
    {
        var left = Equality();
        while (IsName("and"))
        {
            var op = Next();
            left = Binary(BinaryOperator.And, left, Equality(), op);
        }
        return left;
    }

    private Expr Equality()
    {
        var left = Relational();
        while (IsSymbol("=") || IsSymbol("!="))
        {
            var op = Next();
            left = Binary(op.Value == "=" ? BinaryOperator.Equal : BinaryOperator.NotEqual, left, Relational(), op);
        }
        return left;
    }

    private Expr Relational()
    {
        var left = Additive();
        while (IsSymbol("<") || IsSymbol("<=") || IsSymbol(">") || IsSymbol(">="))
        {
            var op = Next();
            var kind = op.Value switch
            {
                "<" => BinaryOperator.Less,
                "<=" => BinaryOperator.LessOrEqual,
                ">" => BinaryOperator.Greater,
                _ => BinaryOperator.GreaterOrEqual,
            };
            left = Binary(kind, left, Additive(), op);
        }
        return left;
    }

    private Expr Additive()
    {
        var left = Multiplicative();
        while (IsSymbol("+") || IsSymbol("-"))
        {
            var op = Next();
            left = Binary(op.Value == "+" ? BinaryOperator.Add : BinaryOperator.Subtract, left, Multiplicative(), op);
        }
        return left;
    }

    private Expr Multiplicative()
    {
        var left = Unary();
        while (IsSymbol("*") || IsName("div") || IsName("mod"))
        {
            var op = Next();
            var kind = op.Value switch
            {
                "*" => BinaryOperator.Multiply,
                "div" => BinaryOperator.Divide,
                _ => BinaryOperator.Modulo,
            };
            left = Binary(kind, left, Unary(), op);
        }
        return left;
    }

    private Expr Unary()
    {
        if (!IsSymbol("-"))
        {
            return Primary();
        }
        var minus = Next();
        Enter(minus);
        var operand = Unary();
        _nesting--;
        return new NegateExpr(operand, minus.Position);
    }

    private Expr Primary()
    {
        var token = Current;
        switch (token.Kind)
        {
            case TokenKind.Number:
                _k++;
                return new NumberExpr(XPathNumber.ParseDigits(token.Value), token.Position);
            case TokenKind.String:
                _k++;
                return new StringExpr(token.Value, token.Position);
            case TokenKind.Field:
                _k++;
                return new FieldExpr(token.Value, token.Position);
            case TokenKind.Dot:
                _k++;
                return new CurrentExpr(token.Position);
            case TokenKind.Open:
                _k++;
                Enter(token);
                var inner = Or();
                Expect(TokenKind.Close);
                _nesting--;
                return inner;
            case TokenKind.Name when _tokens[_k + 1].Kind == TokenKind.Open:
                return Call();
            default:
                throw Unexpected();
        }
    }

    private Expr Call()
    {
        var name = Next();
        if (!Functions.Arity.TryGetValue(name.Value, out var arity))
        {
            throw new ExpressionSyntaxException(new(ExpressionSyntaxError.UnknownFunction, name.Position, name.Value));
        }
        _k++;
        Enter(name);
        var arguments = new List<Expr>();
        if (Current.Kind == TokenKind.Close)
        {
            _k++;
        }
        else
        {
            while (true)
            {
                arguments.Add(Or());
                if (Current.Kind == TokenKind.Comma)
                {
                    _k++;
                    continue;
                }
                Expect(TokenKind.Close);
                break;
            }
        }
        _nesting--;
        if (arguments.Count < arity.Min || arguments.Count > arity.Max)
        {
            throw new ExpressionSyntaxException(new(ExpressionSyntaxError.WrongArity, name.Position, name.Value));
        }
        return name.Value == "regex" ? Regex(arguments, name) : new CallExpr(name.Value, arguments, name.Position);
    }

    private static RegexExpr Regex(List<Expr> arguments, Token name)
    {
        if (arguments[1] is not StringExpr pattern)
        {
            throw new ExpressionSyntaxException(new(ExpressionSyntaxError.RegexNotLiteral, arguments[1].Position, "regex"));
        }
        if (!SafeRegex.TryCompile(pattern.Value, out var compiled, out var reason, out var index))
        {
            // The literal has no escapes, so the pattern's index maps straight onto the source (+1 for the quote).
            throw new ExpressionSyntaxException(new(ExpressionSyntaxError.BadRegex, pattern.Position + 1 + index, reason));
        }
        return new RegexExpr(arguments[0], pattern.Value, compiled!, name.Position);
    }

    private BinaryExpr Binary(BinaryOperator kind, Expr left, Expr right, Token op)
    {
        if (++_operators > MaxOperators)
        {
            throw new ExpressionSyntaxException(new(ExpressionSyntaxError.TooLong, op.Position, op.Raw));
        }
        return new BinaryExpr(kind, left, right, op.Position);
    }

    private void Enter(Token token)
    {
        if (++_nesting > MaxNesting)
        {
            throw new ExpressionSyntaxException(new(ExpressionSyntaxError.TooDeep, token.Position, token.Raw));
        }
    }

    private void Expect(TokenKind kind)
    {
        if (Current.Kind != kind)
        {
            throw Unexpected();
        }
        _k++;
    }

    private Token Next() => _tokens[_k++];

    private bool IsName(string name) => Current.Kind == TokenKind.Name && Current.Value == name;

    private bool IsSymbol(string symbol) => Current.Kind == TokenKind.Symbol && Current.Value == symbol;

    private ExpressionSyntaxException Unexpected() => Current.Kind == TokenKind.End
        ? new(new(ExpressionSyntaxError.UnexpectedEnd, Current.Position, string.Empty))
        : new(new(ExpressionSyntaxError.UnexpectedToken, Current.Position, Current.Raw));
}
