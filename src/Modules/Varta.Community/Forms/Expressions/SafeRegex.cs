using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Varta.Community.Forms.Expressions;

/// <summary>
/// The part of regular expressions that means the same in .NET and in JavaScript, rewritten into a canonical
/// pattern for each engine (forms.js has the twin of this class). Supported: literals, <c>.</c>, <c>^</c>, <c>$</c>,
/// <c>|</c>, groups <c>(…)</c> and <c>(?:…)</c>, classes <c>[…]</c> and <c>[^…]</c> with ranges, the escapes
/// <c>\d \D \w \W \s \S</c> (ASCII meanings; only the positive ones inside a class), <c>\t \n \r \uXXXX</c> and a
/// backslash before any ASCII punctuation, and the greedy quantifiers <c>* + ?</c> and <c>{n} {n,} {n,m}</c>
/// (m ≤ 100), as long as the pattern unrolls to at most 1000 steps (each atom counts 1, times the upper bound of
/// its quantifiers; <c>{n,}</c> counts n + 1). Not supported: lazy quantifiers, back-references, look-arounds, named groups, inline flags,
/// <c>\b</c>. A match is of the whole string (ODK's regex()). The .NET side runs without backtracking, so a
/// pattern cannot hang the server.
/// </summary>
internal sealed partial class SafeRegex
{
    public const string UnsupportedEscape = "unsupported_escape";
    public const string UnsupportedGroup = "unsupported_group";
    public const string NothingToRepeat = "nothing_to_repeat";
    public const string BadQuantifier = "bad_quantifier";
    public const string UnbalancedParenthesis = "unbalanced_parenthesis";
    public const string BadClass = "bad_class";
    public const string BadRange = "bad_range";
    public const string UnescapedBracket = "unescaped_bracket";
    public const string TrailingBackslash = "trailing_backslash";
    public const string PatternTooLong = "pattern_too_long";
    public const string GroupsTooDeep = "groups_too_deep";
    public const string PatternTooComplex = "pattern_too_complex";

    public const int MaxLength = 500;
    public const int MaxCount = 100;
    public const int MaxGroupDepth = 20;
    public const int MaxSize = 1000;

    private const string AnyButNewline = @"[^\u000A\u000D\u2028\u2029]";
    private const string Digit = "0-9";
    private const string Word = "0-9A-Za-z_";
    private const string Space = @"\u0009-\u000D\u0020";

    private readonly string _pattern;
    private readonly StringBuilder _out = new();
    private int _i;
    private int _depth;

    private SafeRegex(string pattern) => _pattern = pattern;

    /// <summary>Checks and compiles <paramref name="pattern"/>, or says why not (reason code, 0-based index in the pattern).</summary>
    public static bool TryCompile(string pattern, out Regex? regex, out string reason, out int index)
    {
        regex = null;
        var translator = new SafeRegex(pattern);
        try
        {
            var translated = translator.Translate();
            try
            {
                regex = new Regex(translated, RegexOptions.CultureInvariant | RegexOptions.NonBacktracking);
            }
            catch (NotSupportedException)
            {
                // The size rule keeps patterns well below the engine's automaton limit; should one still pass it,
                // the server refuses the pattern rather than fail (forms.js would accept it).
                throw new Failure(PatternTooComplex, 0);
            }
            reason = string.Empty;
            index = 0;
            return true;
        }
        catch (Failure failure)
        {
            reason = failure.Reason;
            index = failure.Index;
            return false;
        }
    }

    private string Translate()
    {
        if (_pattern.Length > MaxLength)
        {
            throw new Failure(PatternTooLong, MaxLength);
        }
        var size = Alternation();
        if (_i < _pattern.Length)
        {
            throw new Failure(UnbalancedParenthesis, _i);
        }
        if (size > MaxSize)
        {
            throw new Failure(PatternTooComplex, 0);
        }
        return "^(?:" + _out + @")\z";
    }

    /// <summary>Translates up to an unmatched ')' or the end; returns the unrolled size (capped just above <see cref="MaxSize"/>).</summary>
    private int Alternation()
    {
        var size = Sequence();
        while (_i < _pattern.Length && _pattern[_i] == '|')
        {
            _out.Append('|');
            _i++;
            size = Cap(size + Sequence());
        }
        return size;
    }

    private int Sequence()
    {
        var size = 0;
        while (_i < _pattern.Length && _pattern[_i] is not ('|' or ')'))
        {
            var start = _i;
            var repeatable = true;
            var atom = 1;
            switch (_pattern[_i])
            {
                case '(':
                    atom = Group(start);
                    break;
                case '[':
                    Class();
                    break;
                case '.':
                    _out.Append(AnyButNewline);
                    _i++;
                    break;
                case '^':
                    _out.Append('^');
                    _i++;
                    repeatable = false;
                    break;
                case '$':
                    _out.Append(@"\z");
                    _i++;
                    repeatable = false;
                    break;
                case '\\':
                    Escape();
                    break;
                case '*' or '+' or '?':
                    throw new Failure(NothingToRepeat, _i);
                case '{' or '}' or ']':
                    throw new Failure(UnescapedBracket, _i);
                default:
                    Literal(_pattern[_i]);
                    _i++;
                    break;
            }
            if (_i < _pattern.Length && IsQuantifier(_pattern[_i]))
            {
                if (!repeatable)
                {
                    throw new Failure(NothingToRepeat, _i);
                }
                atom = Cap(atom * Quantifier());
                if (_i < _pattern.Length && IsQuantifier(_pattern[_i]))
                {
                    throw new Failure(NothingToRepeat, _i);
                }
            }
            size = Cap(size + atom);
        }
        return size;
    }

    private static int Cap(int size) => Math.Min(size, MaxSize + 1);

    private int Group(int start)
    {
        if (_i + 1 < _pattern.Length && _pattern[_i + 1] == '?')
        {
            if (_i + 2 >= _pattern.Length || _pattern[_i + 2] != ':')
            {
                throw new Failure(UnsupportedGroup, start);
            }
            _i += 3;
        }
        else
        {
            _i++;
        }
        if (++_depth > MaxGroupDepth)
        {
            throw new Failure(GroupsTooDeep, start);
        }
        _out.Append("(?:");
        var size = Alternation();
        if (_i >= _pattern.Length || _pattern[_i] != ')')
        {
            throw new Failure(UnbalancedParenthesis, start);
        }
        _i++;
        _depth--;
        _out.Append(')');
        return Math.Max(size, 1);
    }

    /// <summary>Translates a quantifier; returns how many times it may repeat its atom, for the size rule.</summary>
    private int Quantifier()
    {
        var start = _i;
        var c = _pattern[_i];
        if (c != '{')
        {
            _out.Append(c);
            _i++;
            return 1;
        }
        _i++;
        var min = Count() ?? throw new Failure(BadQuantifier, start);
        int? max = min;
        var open = false;
        if (_i < _pattern.Length && _pattern[_i] == ',')
        {
            _i++;
            max = Count();
            open = max is null;
        }
        if (_i >= _pattern.Length || _pattern[_i] != '}' || (max is not null && max < min))
        {
            throw new Failure(BadQuantifier, start);
        }
        _i++;
        _out.Append('{').Append(min.ToString(CultureInfo.InvariantCulture));
        if (open)
        {
            _out.Append(',');
        }
        else if (max != min)
        {
            _out.Append(',').Append(max!.Value.ToString(CultureInfo.InvariantCulture));
        }
        _out.Append('}');
        return open ? min + 1 : Math.Max(max!.Value, 1);
    }

    private int? Count()
    {
        var start = _i;
        var value = 0;
        while (_i < _pattern.Length && XPathNumber.IsDigit(_pattern[_i]))
        {
            value = Math.Min(value * 10 + (_pattern[_i] - '0'), MaxCount + 1);
            _i++;
        }
        if (_i == start)
        {
            return null;
        }
        return value > MaxCount ? throw new Failure(BadQuantifier, start) : value;
    }

    private void Literal(char c) => AppendCode(c);

    private void AppendCode(char c) => _out.Append(@"\u").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture));

    private static bool IsQuantifier(char c) => c is '*' or '+' or '?' or '{';

    private static bool IsAsciiPunctuation(char c) => c is (>= ' ' and <= '/') or (>= ':' and <= '@') or (>= '[' and <= '`') or (>= '{' and <= '~');

    private sealed class Failure(string reason, int index) : Exception(reason)
    {
        public string Reason { get; } = reason;

        public int Index { get; } = index;
    }
}
