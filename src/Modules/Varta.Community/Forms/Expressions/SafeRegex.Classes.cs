using System.Globalization;

namespace Varta.Community.Forms.Expressions;

/// <summary>Escapes and character classes of the safe regex subset.</summary>
internal sealed partial class SafeRegex
{
    private void Escape()
    {
        var start = _i;
        if (_i + 1 >= _pattern.Length)
        {
            throw new Failure(TrailingBackslash, start);
        }
        switch (_pattern[_i + 1])
        {
            case 'd':
                _out.Append('[').Append(Digit).Append(']');
                break;
            case 'D':
                _out.Append("[^").Append(Digit).Append(']');
                break;
            case 'w':
                _out.Append('[').Append(Word).Append(']');
                break;
            case 'W':
                _out.Append("[^").Append(Word).Append(']');
                break;
            case 's':
                _out.Append('[').Append(Space).Append(']');
                break;
            case 'S':
                _out.Append("[^").Append(Space).Append(']');
                break;
            default:
                Literal(EscapedCharacter(start));
                return;
        }
        _i += 2;
    }

    /// <summary>The character of a \t, \n, \r, \uXXXX or \punctuation escape at <paramref name="start"/>; moves past it.</summary>
    private char EscapedCharacter(int start)
    {
        var c = _pattern[start + 1];
        switch (c)
        {
            case 't':
                _i = start + 2;
                return '\t';
            case 'n':
                _i = start + 2;
                return '\n';
            case 'r':
                _i = start + 2;
                return '\r';
            case 'u':
                var code = 0;
                if (start + 6 > _pattern.Length || !_pattern.AsSpan(start + 2, 4).ToString().All(char.IsAsciiHexDigit)
                    || !int.TryParse(_pattern.AsSpan(start + 2, 4), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out code))
                {
                    throw new Failure(UnsupportedEscape, start);
                }
                _i = start + 6;
                return (char)code;
            default:
                if (!IsAsciiPunctuation(c))
                {
                    throw new Failure(UnsupportedEscape, start);
                }
                _i = start + 2;
                return c;
        }
    }

    private void Class()
    {
        var start = _i;
        _i++;
        _out.Append('[');
        if (_i < _pattern.Length && _pattern[_i] == '^')
        {
            _out.Append('^');
            _i++;
        }
        if (_i < _pattern.Length && _pattern[_i] == ']')
        {
            throw new Failure(BadClass, start);
        }
        while (true)
        {
            if (_i >= _pattern.Length)
            {
                throw new Failure(BadClass, start);
            }
            if (_pattern[_i] == ']')
            {
                _i++;
                break;
            }
            var itemStart = _i;
            var (set, low) = ClassAtom();
            var isRange = _i + 1 < _pattern.Length && _pattern[_i] == '-' && _pattern[_i + 1] != ']';
            if (set is not null)
            {
                if (isRange)
                {
                    throw new Failure(BadRange, _i);
                }
                _out.Append(set);
                continue;
            }
            if (!isRange)
            {
                AppendCode(low);
                continue;
            }
            _i++;
            var highStart = _i;
            var (highSet, high) = ClassAtom();
            if (highSet is not null)
            {
                throw new Failure(BadRange, highStart);
            }
            if (high < low)
            {
                throw new Failure(BadRange, itemStart);
            }
            AppendCode(low);
            _out.Append('-');
            AppendCode(high);
        }
        _out.Append(']');
    }

    private (string? Set, char Character) ClassAtom()
    {
        var start = _i;
        var c = _pattern[_i];
        if (c == '[')
        {
            throw new Failure(UnescapedBracket, start);
        }
        if (c != '\\')
        {
            _i++;
            return (null, c);
        }
        if (_i + 1 >= _pattern.Length)
        {
            throw new Failure(TrailingBackslash, start);
        }
        switch (_pattern[_i + 1])
        {
            case 'd':
                _i += 2;
                return (Digit, '\0');
            case 'w':
                _i += 2;
                return (Word, '\0');
            case 's':
                _i += 2;
                return (Space, '\0');
            case 'D' or 'W' or 'S':
                throw new Failure(UnsupportedEscape, start);
            default:
                return (null, EscapedCharacter(start));
        }
    }
}
