import type { ExpressionError } from './expression-error.js';

export const KEYWORDS = [
  'and',
  'or',
  'not',
  'in',
  'between',
  'is',
  'null',
  'contains',
  'true',
  'false',
] as const;
export type Keyword = (typeof KEYWORDS)[number];

/** Comparison operators after normalization (`==` → `=`, `<>` → `!=`). */
export type Comparator = '=' | '!=' | '<' | '<=' | '>' | '>=';

interface Located {
  /** The source text of the token. */
  text: string;
  /** 1-based column of the first character, counted in characters (code points). */
  column: number;
}

export type Token = Located &
  (
    | { kind: 'identifier'; name: string }
    | { kind: 'keyword'; keyword: Keyword }
    | { kind: 'number'; value: number }
    | { kind: 'string'; value: string }
    | { kind: 'date'; value: string }
    | { kind: 'comparator'; op: Comparator }
    | { kind: 'punctuation' }
    | { kind: 'end' }
    | { kind: 'invalid'; error: ExpressionError }
  );

/** How a token is quoted in an error message: `"and"`, `5000`, `'text'`. */
export function showToken(token: Token): string {
  switch (token.kind) {
    case 'number':
    case 'string':
    case 'date':
      return token.text;
    case 'end':
      return 'the end of the expression';
    default:
      return `"${token.text}"`;
  }
}
