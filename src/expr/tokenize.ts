/*
 * Tokens of the segment expression language:
 *   identifier  [letter _][letter digit _]*        letters include Cyrillic; matched case-insensitively later
 *   keyword     and or not in between is null contains true false (any case); && || ! as and, or, not
 *   comparator  = == != <> < <= > >=
 *   number      -?digits(.digits)?                  a dot is the only decimal mark
 *   date        YYYY-MM-DD                          unquoted
 *   string      '…' or "…"                          a doubled quote inside stands for itself
 *   punctuation ( ) ,
 * Tokenizing stops at the first bad character with an `invalid` token, so the parser reports problems in the
 * order they appear. Columns are 1-based and count characters (code points), not UTF-16 units.
 */
import { ExpressionError } from './expression-error.js';
import { KEYWORDS, type Token } from './token.js';

type Symbolic = Extract<Token, { kind: 'keyword' | 'comparator' | 'punctuation' }>;
type Unplaced<T> = T extends unknown ? Omit<T, 'text' | 'column'> : never;
type SymbolKind = Unplaced<Symbolic>;

const SYMBOLS: Readonly<Record<string, SymbolKind>> = {
  '&&': { kind: 'keyword', keyword: 'and' },
  '||': { kind: 'keyword', keyword: 'or' },
  '!=': { kind: 'comparator', op: '!=' },
  '<>': { kind: 'comparator', op: '!=' },
  '==': { kind: 'comparator', op: '=' },
  '<=': { kind: 'comparator', op: '<=' },
  '>=': { kind: 'comparator', op: '>=' },
  '!': { kind: 'keyword', keyword: 'not' },
  '=': { kind: 'comparator', op: '=' },
  '<': { kind: 'comparator', op: '<' },
  '>': { kind: 'comparator', op: '>' },
  '(': { kind: 'punctuation' },
  ')': { kind: 'punctuation' },
  ',': { kind: 'punctuation' },
};

const WHITESPACE = /\s+/uy;
const IDENTIFIER = /[\p{L}_][\p{L}\p{M}\p{N}_]*/uy;
const DATE = /\d{4}-\d{2}-\d{2}(?![\p{L}\p{N}_])/uy;
const LOOSE_DATE = /(?:\d{4}-\d{1,2}-\d{1,2}|\d{1,2}\.\d{1,2}\.\d{4})(?![\p{L}\p{N}_])/uy;
const NUMBER = /-?\d+(?:\.\d+)?/uy;
const CURLY_QUOTES = '‘’‚“”„«»';

export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let index = 0;
  let column = 1;
  const match = (pattern: RegExp): string | undefined => {
    pattern.lastIndex = index;
    return pattern.exec(text)?.[0];
  };
  const advance = (source: string): void => {
    index += source.length;
    column += [...source].length;
  };
  while (index < text.length) {
    const space = match(WHITESPACE);
    if (space !== undefined) {
      advance(space);
      continue;
    }
    const symbol = [text.slice(index, index + 2), text.slice(index, index + 1)].find((s) => s in SYMBOLS);
    const word = match(IDENTIFIER);
    const date = match(DATE);
    const number = match(NUMBER);
    let token: Token;
    if (symbol !== undefined) {
      token = { ...(SYMBOLS[symbol] as SymbolKind), text: symbol, column };
    } else if (text[index] === "'" || text[index] === '"') {
      token = readString(text, index, column);
    } else if (word !== undefined) {
      const keyword = KEYWORDS.find((k) => k === word.toLowerCase());
      token =
        keyword === undefined
          ? { kind: 'identifier', name: word, text: word, column }
          : { kind: 'keyword', keyword, text: word, column };
    } else if (date !== undefined) {
      token = { kind: 'date', value: date, text: date, column };
    } else if (match(LOOSE_DATE) === undefined && number !== undefined) {
      token = { kind: 'number', value: Number(number), text: number, column };
    } else {
      token = invalid(text, index, column, match(LOOSE_DATE));
    }
    tokens.push(token);
    if (token.kind === 'invalid') return tokens;
    advance(token.text);
  }
  tokens.push({ kind: 'end', text: '', column });
  return tokens;
}

function readString(text: string, start: number, column: number): Token {
  const quote = text[start] as string;
  let value = '';
  for (let i = start + 1; i < text.length; i++) {
    const ch = text[i] as string;
    if (ch === quote) {
      if (text[i + 1] !== quote) return { kind: 'string', value, text: text.slice(start, i + 1), column };
      i++;
    }
    value += ch;
  }
  const message = `Unterminated text starting at column ${column} — expected a closing ${quote}`;
  return { kind: 'invalid', error: new ExpressionError(message, column), text: text.slice(start), column };
}

function invalid(text: string, index: number, column: number, looseDate: string | undefined): Token {
  const ch = String.fromCodePoint(text.codePointAt(index) as number);
  const message =
    looseDate !== undefined
      ? `Expected a date as YYYY-MM-DD at column ${column}, got ${looseDate}`
      : `Unexpected character "${ch}" at column ${column}` +
        (CURLY_QUOTES.includes(ch) ? ` — quote text with straight quotes ' or "` : '');
  return { kind: 'invalid', error: new ExpressionError(message, column), text: looseDate ?? ch, column };
}
