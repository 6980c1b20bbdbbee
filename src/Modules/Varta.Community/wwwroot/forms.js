/*
 * Varta questionnaire logic for the offline interviewer page: the XLSForm/ODK expression subset (parse, evaluate),
 * skip logic (relevantSet) and answer checks (validate). It is the twin of the C# engine in
 * src/Modules/Varta.Community/Forms (ExpressionParser, ExpressionEvaluator, SafeRegex, FormLogic); a parity test
 * evaluates thousands of expressions in both and requires identical results, so change both together.
 * Plain ES2020, no dependencies. In a page: window.VartaForms; under Node: require('.../forms.js').
 */
(function (root) {
  'use strict';

  // ---------------------------------------------------------------- numbers (XPath 1.0)

  function isBlank(c) { return c === ' ' || c === '\t' || c === '\n' || c === '\r'; }
  function isDigit(c) { return c !== undefined && c >= '0' && c <= '9'; }

  /** Whether text[start..end) is -?(digits(.digits?)?|.digits). */
  function isNumeral(text, start, end) {
    let i = start;
    if (i < end && text[i] === '-') { i++; }
    let digits = 0;
    while (i < end && isDigit(text[i])) { i++; digits++; }
    if (i < end && text[i] === '.') {
      i++;
      while (i < end && isDigit(text[i])) { i++; digits++; }
    }
    return i === end && digits > 0;
  }

  /** number() of a string: only the XPath numeral with blanks around; anything else is NaN. */
  function parseNumber(text) {
    let start = 0;
    let end = text.length;
    while (start < end && isBlank(text[start])) { start++; }
    while (end > start && isBlank(text[end - 1])) { end--; }
    return isNumeral(text, start, end) ? Number(text.slice(start, end)) : NaN;
  }

  /** string() of a number: no exponent, NaN, Infinity, -Infinity, and 0 for both zeros. */
  function formatNumber(value) {
    if (Number.isNaN(value)) { return 'NaN'; }
    if (value === Infinity) { return 'Infinity'; }
    if (value === -Infinity) { return '-Infinity'; }
    if (value === 0) { return '0'; }
    let shortest = String(value);
    const negative = shortest[0] === '-';
    if (negative) { shortest = shortest.slice(1); }
    let exponent = 0;
    const e = shortest.search(/[eE]/);
    if (e >= 0) {
      exponent = parseInt(shortest.slice(e + 1), 10);
      shortest = shortest.slice(0, e);
    }
    const dot = shortest.indexOf('.');
    let digits = dot >= 0 ? shortest.slice(0, dot) + shortest.slice(dot + 1) : shortest;
    let integerDigits = (dot >= 0 ? dot : shortest.length) + exponent;
    let leadingZeros = 0;
    while (leadingZeros < digits.length - 1 && digits[leadingZeros] === '0') { leadingZeros++; }
    digits = digits.slice(leadingZeros).replace(/0+$/, '');
    integerDigits -= leadingZeros;
    let text;
    if (integerDigits <= 0) {
      text = '0.' + '0'.repeat(-integerDigits) + digits;
    } else if (integerDigits >= digits.length) {
      text = digits + '0'.repeat(integerDigits - digits.length);
    } else {
      text = digits.slice(0, integerDigits) + '.' + digits.slice(integerDigits);
    }
    return negative ? '-' + text : text;
  }

  // ---------------------------------------------------------------- dates (yyyy-MM-dd, days since 1970-01-01)

  function daysFromCivil(y, m, d) {
    y -= m <= 2 ? 1 : 0;
    const era = Math.floor(y / 400);
    const yoe = y - era * 400;
    const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
    const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
    return era * 146097 + doe - 719468;
  }

  function civilFromDays(day) {
    const z = day + 719468;
    const era = Math.floor(z / 146097);
    const doe = z - era * 146097;
    const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
    const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
    const mp = Math.floor((5 * doy + 2) / 153);
    const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
    const m = mp + (mp < 10 ? 3 : -9);
    return [yoe + era * 400 + (m <= 2 ? 1 : 0), m, d];
  }

  const MIN_DAY = daysFromCivil(1, 1, 1);
  const MAX_DAY = daysFromCivil(9999, 12, 31);

  function daysInMonth(y, m) {
    if (m === 2) { return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0 ? 29 : 28; }
    return m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31;
  }

  /** Strict yyyy-MM-dd of a real day (years 0001-9999) to its day number, else null. */
  function parseDate(text) {
    if (typeof text !== 'string' || text.length !== 10 || text[4] !== '-' || text[7] !== '-') { return null; }
    for (let i = 0; i < 10; i++) {
      if (i !== 4 && i !== 7 && !isDigit(text[i])) { return null; }
    }
    const y = Number(text.slice(0, 4));
    const m = Number(text.slice(5, 7));
    const d = Number(text.slice(8, 10));
    if (y < 1 || m < 1 || m > 12 || d < 1 || d > daysInMonth(y, m)) { return null; }
    return daysFromCivil(y, m, d);
  }

  function pad(n, width) { return String(n).padStart(width, '0'); }

  function formatDate(day) {
    const [y, m, d] = civilFromDays(day);
    return pad(y, 4) + '-' + pad(m, 2) + '-' + pad(d, 2);
  }

  // ---------------------------------------------------------------- values

  /** A calendar day; the other values are JavaScript strings, numbers and booleans. */
  class XDate {
    constructor(day) { this.day = day; }
    toString() { return formatDate(this.day); }
  }

  function toNumber(v) {
    if (typeof v === 'string') { return parseNumber(v); }
    if (typeof v === 'boolean') { return v ? 1 : 0; }
    if (v instanceof XDate) { return v.day; }
    return v;
  }

  function toText(v) {
    if (typeof v === 'string') { return v; }
    if (typeof v === 'number') { return formatNumber(v); }
    if (typeof v === 'boolean') { return v ? 'true' : 'false'; }
    return formatDate(v.day);
  }

  function toBoolean(v) {
    if (typeof v === 'string') { return v.length > 0; }
    if (typeof v === 'number') { return v !== 0 && !Number.isNaN(v); }
    if (typeof v === 'boolean') { return v; }
    return true;
  }

  // ---------------------------------------------------------------- syntax errors

  const REGEX_REASONS = {
    unsupported_escape: ['this escape is not supported', 'ця екранована послідовність не підтримується'],
    unsupported_group: ['only (…) and (?:…) groups are supported', 'підтримуються лише групи (…) і (?:…)'],
    nothing_to_repeat: ['a quantifier must follow something to repeat', 'квантифікатор має стояти після того, що повторюється'],
    bad_quantifier: ['a {n,m} quantifier needs n ≤ m ≤ 100', 'квантифікатор {n,m} потребує n ≤ m ≤ 100'],
    unbalanced_parenthesis: ['unbalanced parenthesis', 'незбалансовані дужки'],
    bad_class: ['a […] class is empty or not closed', 'клас […] порожній або не закритий'],
    bad_range: ['bad range in a […] class', 'хибний діапазон у класі […]'],
    unescaped_bracket: ['write ], }, { and a [ inside […] with a backslash', 'пишіть ], }, { і [ усередині […] зі зворотною скісною рискою'],
    trailing_backslash: ['the pattern ends with a backslash', 'шаблон закінчується зворотною скісною рискою'],
    pattern_too_long: ['the pattern is longer than 500 characters', 'шаблон довший за 500 символів'],
    groups_too_deep: ['groups are nested deeper than 20', 'групи вкладені глибше ніж 20'],
    pattern_too_complex: ['the pattern unrolls to more than 1000 steps', 'шаблон розгортається більш ніж у 1000 кроків'],
  };

  function syntaxMessage(code, position, detail, uk) {
    const reason = REGEX_REASONS[detail] || [detail, detail];
    const en = {
      unexpected_token: `unexpected '${detail}' at position ${position}`,
      unexpected_end: `unexpected end of the expression at position ${position}`,
      unexpected_character: `unexpected character '${detail}' at position ${position}`,
      unterminated_string: `the string starting at position ${position} is not closed`,
      bad_reference: `bad field reference '${detail}' at position ${position}`,
      unknown_function: `unknown function '${detail}' at position ${position}`,
      wrong_arity: `wrong number of arguments to '${detail}' at position ${position}`,
      regex_not_literal: `the pattern of regex() at position ${position} must be a quoted string`,
      bad_regex: `regular expression not supported at position ${position}: ${reason[0]}`,
      too_deep: `the expression is nested too deeply at position ${position}`,
      too_long: `the expression has too many operators at position ${position}`,
    };
    const ua = {
      unexpected_token: `неочікуване «${detail}» на позиції ${position}`,
      unexpected_end: `вираз обривається на позиції ${position}`,
      unexpected_character: `неочікуваний символ «${detail}» на позиції ${position}`,
      unterminated_string: `рядок, що починається на позиції ${position}, не закрито`,
      bad_reference: `хибне посилання на поле «${detail}» на позиції ${position}`,
      unknown_function: `невідома функція «${detail}» на позиції ${position}`,
      wrong_arity: `неправильна кількість аргументів функції «${detail}» на позиції ${position}`,
      regex_not_literal: `шаблон regex() на позиції ${position} має бути рядком у лапках`,
      bad_regex: `регулярний вираз не підтримується на позиції ${position}: ${reason[1]}`,
      too_deep: `вираз занадто глибоко вкладений на позиції ${position}`,
      too_long: `у виразі забагато операторів на позиції ${position}`,
    };
    return (uk ? ua : en)[code] || `${code} at position ${position}`;
  }

  /** code, position (1-based) and detail are the same as the C# ExpressionSyntaxError's. */
  class ExpressionSyntaxError extends Error {
    constructor(code, position, detail) {
      super(syntaxMessage(code, position, detail, false));
      this.name = 'ExpressionSyntaxError';
      this.code = code;
      this.position = position;
      this.detail = detail;
      this.english = this.message;
      this.ukrainian = syntaxMessage(code, position, detail, true);
    }
  }

  // ---------------------------------------------------------------- safe regular expressions

  const REGEX_MAX_LENGTH = 500;
  const REGEX_MAX_COUNT = 100;
  const REGEX_MAX_GROUP_DEPTH = 20;
  const REGEX_MAX_SIZE = 1000;
  const ANY_BUT_NEWLINE = '[^\\u000A\\u000D\\u2028\\u2029]';
  const DIGIT = '0-9';
  const WORD = '0-9A-Za-z_';
  const SPACE = '\\u0009-\\u000D\\u0020';

  class RegexFailure {
    constructor(reason, index) { this.reason = reason; this.index = index; }
  }

  function isHex(c) { return c !== undefined && /^[0-9A-Fa-f]$/.test(c); }
  function isAsciiPunctuation(c) {
    return (c >= ' ' && c <= '/') || (c >= ':' && c <= '@') || (c >= '[' && c <= '`') || (c >= '{' && c <= '~');
  }
  function isQuantifier(c) { return c === '*' || c === '+' || c === '?' || c === '{'; }
  function code4(c) { return '\\u' + c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0'); }

  /**
   * The same subset and checks as SafeRegex.cs (the size rule included: each atom counts 1, times the upper bound
   * of its quantifiers, at most 1000 in all); returns the JavaScript pattern for a whole-string match.
   */
  function translateRegex(p) {
    let i = 0;
    let depth = 0;
    let out = '';
    const fail = (reason, index) => { throw new RegexFailure(reason, index); };
    const cap = (size) => Math.min(size, REGEX_MAX_SIZE + 1);

    function alternation() {
      let size = sequence();
      while (i < p.length && p[i] === '|') {
        out += '|';
        i++;
        size = cap(size + sequence());
      }
      return size;
    }

    function sequence() {
      let size = 0;
      while (i < p.length && p[i] !== '|' && p[i] !== ')') {
        const start = i;
        let repeatable = true;
        let atom = 1;
        const c = p[i];
        if (c === '(') {
          atom = group(start);
        } else if (c === '[') {
          charClass();
        } else if (c === '.') {
          out += ANY_BUT_NEWLINE;
          i++;
        } else if (c === '^') {
          out += '^';
          i++;
          repeatable = false;
        } else if (c === '$') {
          out += '$';
          i++;
          repeatable = false;
        } else if (c === '\\') {
          escape();
        } else if (c === '*' || c === '+' || c === '?') {
          fail('nothing_to_repeat', i);
        } else if (c === '{' || c === '}' || c === ']') {
          fail('unescaped_bracket', i);
        } else {
          out += code4(c);
          i++;
        }
        if (i < p.length && isQuantifier(p[i])) {
          if (!repeatable) { fail('nothing_to_repeat', i); }
          atom = cap(atom * quantifier());
          if (i < p.length && isQuantifier(p[i])) { fail('nothing_to_repeat', i); }
        }
        size = cap(size + atom);
      }
      return size;
    }

    function group(start) {
      if (i + 1 < p.length && p[i + 1] === '?') {
        if (i + 2 >= p.length || p[i + 2] !== ':') { fail('unsupported_group', start); }
        i += 3;
      } else {
        i++;
      }
      if (++depth > REGEX_MAX_GROUP_DEPTH) { fail('groups_too_deep', start); }
      out += '(?:';
      const size = alternation();
      if (i >= p.length || p[i] !== ')') { fail('unbalanced_parenthesis', start); }
      i++;
      depth--;
      out += ')';
      return Math.max(size, 1);
    }

    function count() {
      const start = i;
      let value = 0;
      while (i < p.length && isDigit(p[i])) {
        value = Math.min(value * 10 + (p.charCodeAt(i) - 48), REGEX_MAX_COUNT + 1);
        i++;
      }
      if (i === start) { return null; }
      if (value > REGEX_MAX_COUNT) { fail('bad_quantifier', start); }
      return value;
    }

    function quantifier() {
      const start = i;
      const c = p[i];
      if (c !== '{') {
        out += c;
        i++;
        return 1;
      }
      i++;
      const min = count();
      if (min === null) { fail('bad_quantifier', start); }
      let max = min;
      let open = false;
      if (i < p.length && p[i] === ',') {
        i++;
        max = count();
        open = max === null;
      }
      if (i >= p.length || p[i] !== '}' || (max !== null && max < min)) { fail('bad_quantifier', start); }
      i++;
      out += '{' + min;
      if (open) {
        out += ',';
      } else if (max !== min) {
        out += ',' + max;
      }
      out += '}';
      return open ? min + 1 : Math.max(max, 1);
    }

    function escapedCharacter(start) {
      const c = p[start + 1];
      if (c === 't') { i = start + 2; return '\t'; }
      if (c === 'n') { i = start + 2; return '\n'; }
      if (c === 'r') { i = start + 2; return '\r'; }
      if (c === 'u') {
        if (start + 6 > p.length || ![2, 3, 4, 5].every((k) => isHex(p[start + k]))) { fail('unsupported_escape', start); }
        i = start + 6;
        return String.fromCharCode(parseInt(p.slice(start + 2, start + 6), 16));
      }
      if (!isAsciiPunctuation(c)) { fail('unsupported_escape', start); }
      i = start + 2;
      return c;
    }

    function escape() {
      const start = i;
      if (i + 1 >= p.length) { fail('trailing_backslash', start); }
      const shorthand = { d: '[' + DIGIT + ']', D: '[^' + DIGIT + ']', w: '[' + WORD + ']', W: '[^' + WORD + ']', s: '[' + SPACE + ']', S: '[^' + SPACE + ']' }[p[i + 1]];
      if (shorthand !== undefined) {
        out += shorthand;
        i += 2;
        return;
      }
      out += code4(escapedCharacter(start));
    }

    function classAtom() {
      const start = i;
      const c = p[i];
      if (c === '[') { fail('unescaped_bracket', start); }
      if (c !== '\\') {
        i++;
        return { set: null, ch: c };
      }
      if (i + 1 >= p.length) { fail('trailing_backslash', start); }
      const e = p[i + 1];
      if (e === 'd' || e === 'w' || e === 's') {
        i += 2;
        return { set: e === 'd' ? DIGIT : e === 'w' ? WORD : SPACE, ch: '\0' };
      }
      if (e === 'D' || e === 'W' || e === 'S') { fail('unsupported_escape', start); }
      return { set: null, ch: escapedCharacter(start) };
    }

    function charClass() {
      const start = i;
      i++;
      out += '[';
      if (i < p.length && p[i] === '^') {
        out += '^';
        i++;
      }
      if (i < p.length && p[i] === ']') { fail('bad_class', start); }
      for (;;) {
        if (i >= p.length) { fail('bad_class', start); }
        if (p[i] === ']') {
          i++;
          break;
        }
        const itemStart = i;
        const low = classAtom();
        const isRange = i + 1 < p.length && p[i] === '-' && p[i + 1] !== ']';
        if (low.set !== null) {
          if (isRange) { fail('bad_range', i); }
          out += low.set;
          continue;
        }
        if (!isRange) {
          out += code4(low.ch);
          continue;
        }
        i++;
        const highStart = i;
        const high = classAtom();
        if (high.set !== null) { fail('bad_range', highStart); }
        if (high.ch.charCodeAt(0) < low.ch.charCodeAt(0)) { fail('bad_range', itemStart); }
        out += code4(low.ch) + '-' + code4(high.ch);
      }
      out += ']';
    }

    if (p.length > REGEX_MAX_LENGTH) { fail('pattern_too_long', REGEX_MAX_LENGTH); }
    const size = alternation();
    if (i < p.length) { fail('unbalanced_parenthesis', i); }
    if (size > REGEX_MAX_SIZE) { fail('pattern_too_complex', 0); }
    return '^(?:' + out + ')$';
  }

  // ---------------------------------------------------------------- lexer

  function isNameStart(c) { return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c === '_'; }
  function isNameChar(c) { return isNameStart(c) || isDigit(c) || c === '-' || c === '.'; }
  function isName(text) {
    if (text.length === 0 || !isNameStart(text[0])) { return false; }
    for (let i = 1; i < text.length; i++) {
      if (!isNameChar(text[i])) { return false; }
    }
    return true;
  }

  function tokenize(source) {
    const tokens = [];
    let i = 0;
    while (i < source.length) {
      const c = source[i];
      const position = i + 1;
      if (isBlank(c)) {
        i++;
        continue;
      }
      const start = i;
      if (isDigit(c) || (c === '.' && isDigit(source[i + 1]))) {
        while (i < source.length && isDigit(source[i])) { i++; }
        if (i < source.length && source[i] === '.') {
          i++;
          while (i < source.length && isDigit(source[i])) { i++; }
        }
        const number = source.slice(start, i);
        tokens.push({ kind: 'number', value: number, raw: number, position });
        continue;
      }
      if (c === "'" || c === '"') {
        const close = source.indexOf(c, i + 1);
        if (close < 0) { throw new ExpressionSyntaxError('unterminated_string', position, c); }
        tokens.push({ kind: 'string', value: source.slice(i + 1, close), raw: source.slice(i, close + 1), position });
        i = close + 1;
        continue;
      }
      if (c === '$' && source[i + 1] === '{') {
        const close = source.indexOf('}', i + 2);
        if (close < 0) { throw new ExpressionSyntaxError('bad_reference', position, source.slice(i)); }
        const name = source.slice(i + 2, close);
        if (!isName(name)) { throw new ExpressionSyntaxError('bad_reference', position, source.slice(i, close + 1)); }
        tokens.push({ kind: 'field', value: name, raw: source.slice(i, close + 1), position });
        i = close + 1;
        continue;
      }
      if (isNameStart(c)) {
        while (i < source.length && isNameChar(source[i])) { i++; }
        const name = source.slice(start, i);
        tokens.push({ kind: 'name', value: name, raw: name, position });
        continue;
      }
      let kind;
      let length = 1;
      if (c === '.') {
        kind = 'dot';
      } else if (c === '(') {
        kind = 'open';
      } else if (c === ')') {
        kind = 'close';
      } else if (c === ',') {
        kind = 'comma';
      } else if (c === '=' || c === '+' || c === '-' || c === '*') {
        kind = 'symbol';
      } else if (c === '<' || c === '>') {
        kind = 'symbol';
        length = source[i + 1] === '=' ? 2 : 1;
      } else if (c === '!' && source[i + 1] === '=') {
        kind = 'symbol';
        length = 2;
      } else {
        const code = source.charCodeAt(i);
        const next = source.charCodeAt(i + 1);
        const pair = code >= 0xD800 && code <= 0xDBFF && next >= 0xDC00 && next <= 0xDFFF;
        throw new ExpressionSyntaxError('unexpected_character', position, pair ? source.slice(i, i + 2) : c);
      }
      const text = source.substr(i, length);
      tokens.push({ kind, value: text, raw: text, position });
      i += length;
    }
    tokens.push({ kind: 'end', value: '', raw: '', position: source.length + 1 });
    return tokens;
  }

  // ---------------------------------------------------------------- parser

  const MAX_NESTING = 64;
  const MAX_OPERATORS = 256;
  const FUNCTIONS = {
    'selected': [2, 2], 'count-selected': [1, 1], 'string-length': [1, 1], 'regex': [2, 2], 'today': [0, 0],
    'date': [1, 1], 'int': [1, 1], 'number': [1, 1], 'string': [1, 1], 'boolean': [1, 1], 'not': [1, 1],
    'true': [0, 0], 'false': [0, 0], 'if': [3, 3], 'coalesce': [2, 2], 'concat': [1, Infinity],
    'contains': [2, 2], 'starts-with': [2, 2], 'ends-with': [2, 2],
  };
  const RELATIONAL = { '<': 'lt', '<=': 'le', '>': 'gt', '>=': 'ge' };

  function parseTokens(tokens) {
    let k = 0;
    let nesting = 0;
    let operators = 0;
    const current = () => tokens[k];
    const isNameToken = (name) => tokens[k].kind === 'name' && tokens[k].value === name;
    const isSymbol = (symbol) => tokens[k].kind === 'symbol' && tokens[k].value === symbol;
    const unexpected = () => (tokens[k].kind === 'end'
      ? new ExpressionSyntaxError('unexpected_end', tokens[k].position, '')
      : new ExpressionSyntaxError('unexpected_token', tokens[k].position, tokens[k].raw));
    const enter = (token) => {
      if (++nesting > MAX_NESTING) { throw new ExpressionSyntaxError('too_deep', token.position, token.raw); }
    };
    const expect = (kind) => {
      if (tokens[k].kind !== kind) { throw unexpected(); }
      k++;
    };
    const binary = (op, left, right, token) => {
      if (++operators > MAX_OPERATORS) { throw new ExpressionSyntaxError('too_long', token.position, token.raw); }
      return { type: 'binary', op, left, right, position: token.position };
    };

    function or() {
      let left = and();
      while (isNameToken('or')) {
        const op = tokens[k++];
        left = binary('or', left, and(), op);
      }
      return left;
    }

    function and() {
      let left = equality();
      while (isNameToken('and')) {
        const op = tokens[k++];
        left = binary('and', left, equality(), op);
      }
      return left;
    }

    function equality() {
      let left = relational();
      while (isSymbol('=') || isSymbol('!=')) {
        const op = tokens[k++];
        left = binary(op.value === '=' ? 'eq' : 'ne', left, relational(), op);
      }
      return left;
    }

    function relational() {
      let left = additive();
      while (isSymbol('<') || isSymbol('<=') || isSymbol('>') || isSymbol('>=')) {
        const op = tokens[k++];
        left = binary(RELATIONAL[op.value], left, additive(), op);
      }
      return left;
    }

    function additive() {
      let left = multiplicative();
      while (isSymbol('+') || isSymbol('-')) {
        const op = tokens[k++];
        left = binary(op.value === '+' ? 'add' : 'sub', left, multiplicative(), op);
      }
      return left;
    }

    function multiplicative() {
      let left = unary();
      while (isSymbol('*') || isNameToken('div') || isNameToken('mod')) {
        const op = tokens[k++];
        left = binary(op.value === '*' ? 'mul' : op.value, left, unary(), op);
      }
      return left;
    }

    function unary() {
      if (!isSymbol('-')) { return primary(); }
      const minus = tokens[k++];
      enter(minus);
      const operand = unary();
      nesting--;
      return { type: 'negate', operand, position: minus.position };
    }

    function primary() {
      const token = current();
      switch (token.kind) {
        case 'number':
          k++;
          return { type: 'number', value: Number(token.value), position: token.position };
        case 'string':
          k++;
          return { type: 'string', value: token.value, position: token.position };
        case 'field':
          k++;
          return { type: 'field', name: token.value, position: token.position };
        case 'dot':
          k++;
          return { type: 'current', position: token.position };
        case 'open': {
          k++;
          enter(token);
          const inner = or();
          expect('close');
          nesting--;
          return inner;
        }
        case 'name':
          if (tokens[k + 1].kind === 'open') { return call(); }
          throw unexpected();
        default:
          throw unexpected();
      }
    }

    function call() {
      const name = tokens[k++];
      const arity = Object.prototype.hasOwnProperty.call(FUNCTIONS, name.value) ? FUNCTIONS[name.value] : null;
      if (arity === null) { throw new ExpressionSyntaxError('unknown_function', name.position, name.value); }
      k++;
      enter(name);
      const args = [];
      if (current().kind === 'close') {
        k++;
      } else {
        for (;;) {
          args.push(or());
          if (current().kind === 'comma') {
            k++;
            continue;
          }
          expect('close');
          break;
        }
      }
      nesting--;
      if (args.length < arity[0] || args.length > arity[1]) {
        throw new ExpressionSyntaxError('wrong_arity', name.position, name.value);
      }
      if (name.value !== 'regex') { return { type: 'call', fn: name.value, args, position: name.position }; }
      const pattern = args[1];
      if (pattern.type !== 'string') { throw new ExpressionSyntaxError('regex_not_literal', pattern.position, 'regex'); }
      let compiled;
      try {
        compiled = new RegExp(translateRegex(pattern.value));
      } catch (e) {
        if (e instanceof RegexFailure) {
          // The literal has no escapes, so the pattern's index maps straight onto the source (+1 for the quote).
          throw new ExpressionSyntaxError('bad_regex', pattern.position + 1 + e.index, e.reason);
        }
        throw e;
      }
      return { type: 'regex', subject: args[0], pattern: pattern.value, compiled, position: name.position };
    }

    const expression = or();
    if (current().kind !== 'end') { throw unexpected(); }
    return expression;
  }

  /**
   * Parses an expression. Returns { ast, error }: error is null on success, else an ExpressionSyntaxError with
   * code, position (1-based), detail, english and ukrainian.
   */
  function parse(source) {
    try {
      return { ast: parseTokens(tokenize(String(source))), error: null };
    } catch (e) {
      if (e instanceof ExpressionSyntaxError) { return { ast: null, error: e }; }
      throw e;
    }
  }

  function parseOrThrow(source) {
    const result = parse(source);
    if (result.error) { throw new Error(`'${source}': ${result.error.message}`); }
    return result.ast;
  }

  /** Every ${name} the expression refers to, in source order. */
  function fields(ast, found = []) {
    switch (ast.type) {
      case 'field': found.push(ast.name); break;
      case 'negate': fields(ast.operand, found); break;
      case 'binary': fields(ast.left, found); fields(ast.right, found); break;
      case 'call': ast.args.forEach((a) => fields(a, found)); break;
      case 'regex': fields(ast.subject, found); break;
      default: break;
    }
    return found;
  }

  // ---------------------------------------------------------------- evaluator

  function lookup(answers, name) {
    if (answers instanceof Map) { return answers.has(name) ? answers.get(name) : undefined; }
    return Object.prototype.hasOwnProperty.call(answers, name) ? answers[name] : undefined;
  }

  function typed(answer, isDate) {
    const text = answer === undefined || answer === null ? '' : String(answer);
    if (isDate) {
      const day = parseDate(text);
      if (day !== null) { return new XDate(day); }
    }
    return text;
  }

  function todayOf(context) {
    const day = parseDate(context.today);
    if (day === null) { throw new TypeError('context.today must be a date written yyyy-mm-dd'); }
    return day;
  }

  function selections(answer) { return answer.split(/[ \t\n\r]+/).filter((s) => s.length > 0); }

  function codePoints(text) {
    let count = 0;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c >= 0xD800 && c <= 0xDBFF && i + 1 < text.length) {
        const next = text.charCodeAt(i + 1);
        if (next >= 0xDC00 && next <= 0xDFFF) { i++; }
      }
      count++;
    }
    return count;
  }

  function dayOrNaN(text) {
    const day = parseDate(text);
    return day === null ? NaN : day;
  }

  function areEqual(left, right) {
    if (typeof left === 'boolean' || typeof right === 'boolean') { return toBoolean(left) === toBoolean(right); }
    if (typeof left === 'number' || typeof right === 'number') { return toNumber(left) === toNumber(right); }
    return toText(left) === toText(right);
  }

  function relationalOperands(left, right) {
    if (left instanceof XDate && typeof right === 'string') { return [left.day, dayOrNaN(right)]; }
    if (right instanceof XDate && typeof left === 'string') { return [dayOrNaN(left), right.day]; }
    return [toNumber(left), toNumber(right)];
  }

  function toDate(v) {
    if (v instanceof XDate) { return v; }
    if (typeof v === 'string') {
      const day = parseDate(v);
      return day === null ? '' : new XDate(day);
    }
    if (typeof v === 'number') {
      // + 0 turns -0 into 0: the C# engine keeps the day as an int, which has no negative zero.
      const floor = Math.floor(v) + 0;
      return floor >= MIN_DAY && floor <= MAX_DAY ? new XDate(floor) : '';
    }
    return '';
  }

  /**
   * Evaluates a parsed expression. context: { answers (object or Map of name -> string), today ('yyyy-mm-dd'),
   * dateFields (array or Set of the names of date questions), current (the answer '.' stands for),
   * currentIsDate }. Returns a string, a number, a boolean or an XDate; never throws on any answers.
   */
  function evaluate(ast, context) {
    const dateFields = context.dateFields instanceof Set ? context.dateFields : new Set(context.dateFields || []);
    const answers = context.answers || {};
    const run = (node) => {
      switch (node.type) {
        case 'number': return node.value;
        case 'string': return node.value;
        case 'field': return typed(lookup(answers, node.name), dateFields.has(node.name));
        case 'current': return typed(context.current, !!context.currentIsDate);
        case 'negate': return -toNumber(run(node.operand));
        case 'regex': return node.compiled.test(toText(run(node.subject)));
        case 'binary': return binaryOp(node);
        default: return callOp(node);
      }
    };
    const isTrue = (node) => toBoolean(run(node));

    function binaryOp(node) {
      if (node.op === 'or') { return isTrue(node.left) || isTrue(node.right); }
      if (node.op === 'and') { return isTrue(node.left) && isTrue(node.right); }
      const left = run(node.left);
      const right = run(node.right);
      switch (node.op) {
        case 'eq': return areEqual(left, right);
        case 'ne': return !areEqual(left, right);
        case 'lt': case 'le': case 'gt': case 'ge': {
          const [a, b] = relationalOperands(left, right);
          if (node.op === 'lt') { return a < b; }
          if (node.op === 'le') { return a <= b; }
          if (node.op === 'gt') { return a > b; }
          return a >= b;
        }
        default: {
          const x = toNumber(left);
          const y = toNumber(right);
          if (node.op === 'add') { return x + y; }
          if (node.op === 'sub') { return x - y; }
          if (node.op === 'mul') { return x * y; }
          if (node.op === 'div') { return x / y; }
          return x % y;
        }
      }
    }

    function callOp(node) {
      const args = node.args;
      switch (node.fn) {
        case 'if': return isTrue(args[0]) ? run(args[1]) : run(args[2]);
        case 'coalesce': {
          const first = run(args[0]);
          return toText(first).length > 0 ? first : run(args[1]);
        }
        case 'today': return new XDate(todayOf(context));
        case 'true': return true;
        case 'false': return false;
        case 'concat': return args.map((a) => toText(run(a))).join('');
        default: break;
      }
      const value = run(args[0]);
      switch (node.fn) {
        case 'selected': return selections(toText(value)).includes(toText(run(args[1])));
        case 'count-selected': return selections(toText(value)).length;
        case 'string-length': return codePoints(toText(value));
        case 'int': return Math.trunc(toNumber(value));
        case 'number': return toNumber(value);
        case 'string': return toText(value);
        case 'boolean': return toBoolean(value);
        case 'not': return !toBoolean(value);
        case 'contains': return toText(value).includes(toText(run(args[1])));
        case 'starts-with': return toText(value).startsWith(toText(run(args[1])));
        case 'ends-with': return toText(value).endsWith(toText(run(args[1])));
        case 'date': return toDate(value);
        default: throw new Error('Function ' + node.fn + ' has no implementation.');
      }
    }

    return run(ast);
  }

  // ---------------------------------------------------------------- form logic

  const PROBLEM_MESSAGES = {
    Required: ['An answer is required.', "Відповідь обов'язкова."],
    ConstraintFailed: ["The answer breaks the question's rule.", 'Відповідь порушує правило питання.'],
    NotRelevant: ['This question is not asked here, so it must have no answer.', 'Це питання тут не ставиться, тож відповіді бути не має.'],
    NotInList: ["The answer is not one of the question's choices.", 'Відповідь не є одним із варіантів питання.'],
    NotInteger: ['The answer must be a whole number.', 'Відповідь має бути цілим числом.'],
    NotDecimal: ['The answer must be a number.', 'Відповідь має бути числом.'],
    NotADate: ['The answer must be a date written yyyy-mm-dd.', 'Відповідь має бути датою у вигляді рррр-мм-дд.'],
    NotAnswerable: ['A note or a group takes no answer.', 'Примітка чи група не має відповіді.'],
    UnknownQuestion: ['There is no such question in the form.', 'У формі немає такого питання.'],
  };

  function problem(question, kind, formMessage) {
    const [english, ukrainian] = PROBLEM_MESSAGES[kind];
    return { question, kind, english, ukrainian, formMessage: formMessage || {} };
  }

  function isInteger(answer) {
    const negative = answer.startsWith('-');
    const digits = negative ? answer.slice(1) : answer;
    if (digits.length === 0) { return false; }
    for (const c of digits) {
      if (!isDigit(c)) { return false; }
    }
    const significant = digits.replace(/^0+/, '');
    if (significant.length > 10) { return false; }
    const value = significant.length === 0 ? 0 : Number(significant);
    return negative ? value <= 2147483648 : value <= 2147483647;
  }

  function isDecimal(answer) { return isNumeral(answer, 0, answer.length) && Number.isFinite(Number(answer)); }

  function localToday() {
    const now = new Date();
    return pad(now.getFullYear(), 4) + '-' + pad(now.getMonth() + 1, 2) + '-' + pad(now.getDate(), 2);
  }

  /** The same walk as FormLogic.cs: relevance in form order, then required, type and constraint of asked questions. */
  function walk(form, answers, options) {
    const today = (options && options.today) || localToday();
    const given = answers instanceof Map ? answers : new Map(Object.entries(answers || {}));
    const effective = new Map(given);
    const all = [];
    const collect = (items) => items.forEach((q) => { all.push(q); collect(q.children || []); });
    collect(form.questions);
    const names = new Set(all.map((q) => q.name));
    const dateFields = new Set(all.filter((q) => q.type === 'date').map((q) => q.name));
    const lists = new Map((form.choiceLists || []).map((l) => [l.name, new Set(l.choices.map((c) => c.name))]));
    const compiled = new Map();
    const relevant = [];
    const problems = [];

    const isTrue = (source, question, answer) => {
      if (source === null || source === undefined || source.trim().length === 0) { return true; }
      if (!compiled.has(source)) { compiled.set(source, parseOrThrow(source)); }
      return toBoolean(evaluate(compiled.get(source), {
        answers: effective, today, dateFields, current: answer, currentIsDate: question.type === 'date',
      }));
    };

    const inList = (question, picked) => {
      const list = question.list === null || question.list === undefined ? undefined : lists.get(question.list);
      return list !== undefined && picked.every((name) => list.has(name));
    };

    const typeProblem = (question, answer) => {
      switch (question.type) {
        case 'integer': return isInteger(answer) ? null : 'NotInteger';
        case 'decimal': return isDecimal(answer) ? null : 'NotDecimal';
        case 'date': return parseDate(answer) !== null ? null : 'NotADate';
        case 'select_one': return inList(question, [answer]) ? null : 'NotInList';
        case 'select_multiple': {
          const picked = selections(answer);
          return picked.length > 0 && new Set(picked).size === picked.length && inList(question, picked) ? null : 'NotInList';
        }
        default: return null;
      }
    };

    const visit = (question, parentAsked) => {
      const raw = given.get(question.name);
      const answer = raw === undefined || raw === null ? '' : String(raw);
      const asked = parentAsked && (question.relevant === null || question.relevant === undefined || isTrue(question.relevant, question, answer));
      if (asked) {
        relevant.push(question.name);
      } else {
        if (answer.length > 0) { problems.push(problem(question.name, 'NotRelevant')); }
        effective.set(question.name, '');
      }
      if (question.type === 'group') {
        if (asked && answer.length > 0) { problems.push(problem(question.name, 'NotAnswerable')); }
        (question.children || []).forEach((child) => visit(child, asked));
        return;
      }
      if (!asked) { return; }
      if (question.type === 'note') {
        if (answer.length > 0) { problems.push(problem(question.name, 'NotAnswerable')); }
        return;
      }
      if (answer.length === 0) {
        if (question.required !== null && question.required !== undefined && isTrue(question.required, question, answer)) {
          problems.push(problem(question.name, 'Required', question.requiredMessage));
        }
        return;
      }
      const wrongType = typeProblem(question, answer);
      if (wrongType !== null) {
        problems.push(problem(question.name, wrongType));
        return;
      }
      if (question.constraint !== null && question.constraint !== undefined && !isTrue(question.constraint, question, answer)) {
        problems.push(problem(question.name, 'ConstraintFailed', question.constraintMessage));
      }
    };

    form.questions.forEach((q) => visit(q, true));
    [...given.keys()].filter((name) => !names.has(name)).sort()
      .forEach((name) => problems.push(problem(name, 'UnknownQuestion')));
    return { relevant, problems };
  }

  /** The names of the questions and groups that are asked, in form order. form: the JSON of FormJson.cs. */
  function relevantSet(form, answers, options) { return walk(form, answers, options).relevant; }

  /** Problems { question, kind, english, ukrainian, formMessage } in form order, then unknown answers by name. */
  function validate(form, answers, options) { return walk(form, answers, options).problems; }

  const api = {
    parse, evaluate, relevantSet, validate, fields,
    toText, toNumber, toBoolean, formatNumber, parseNumber, parseDate, formatDate,
    XDate, ExpressionSyntaxError,
  };
  if (typeof module !== 'undefined' && module.exports) { module.exports = api; }
  if (typeof window !== 'undefined') { window.VartaForms = api; } else if (root) { root.VartaForms = api; }
}(typeof globalThis !== 'undefined' ? globalThis : this));
