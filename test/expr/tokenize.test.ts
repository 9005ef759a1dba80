import { describe, expect, it } from 'vitest';
import { tokenize } from '../../src/expr/tokenize.js';

const kinds = (text: string): string[] =>
  tokenize(text).map((t) => (t.kind === 'end' ? 'end' : `${t.kind}:${t.text}@${t.column}`));

describe('tokenize', () => {
  it('reads every kind of token with its 1-based column', () => {
    expect(kinds(`revenue >= -12.5 AND region <> 'a''b' || d == 2024-01-31`)).toEqual([
      'identifier:revenue@1',
      'comparator:>=@9',
      'number:-12.5@12',
      'keyword:AND@18',
      'identifier:region@22',
      'comparator:<>@29',
      "string:'a''b'@32",
      'keyword:||@39',
      'identifier:d@42',
      'comparator:==@44',
      'date:2024-01-31@47',
      'end',
    ]);
  });

  it('normalizes operators and keywords whatever their spelling', () => {
    const tokens = tokenize('a <> 1 && !b == 2 Or c != 3');
    expect(tokens.flatMap((t) => (t.kind === 'comparator' ? [t.op] : []))).toEqual(['!=', '=', '!=']);
    expect(tokens.flatMap((t) => (t.kind === 'keyword' ? [t.keyword] : []))).toEqual(['and', 'not', 'or']);
  });

  it('unescapes doubled quotes of either kind and keeps the other quote as is', () => {
    const values = tokenize(`'it''s "x"' "say ""hi"" 'y'"`).flatMap((t) =>
      t.kind === 'string' ? [t.value] : [],
    );
    expect(values).toEqual([`it's "x"`, `say "hi" 'y'`]);
  });

  it('reads Cyrillic identifiers and counts columns in characters, not UTF-16 units', () => {
    expect(kinds(`Регион = 'Москва' and 😀`)).toEqual([
      'identifier:Регион@1',
      'comparator:=@8',
      "string:'Москва'@10",
      'keyword:and@19',
      'invalid:😀@23',
    ]);
    expect(kinds(`'😀😀' = x`)).toEqual([`string:'😀😀'@1`, 'comparator:=@6', 'identifier:x@8', 'end']);
  });

  it('stops at the first bad character', () => {
    const tokens = tokenize('a > 0; DROP TABLE x');
    expect(tokens.map((t) => t.kind)).toEqual(['identifier', 'comparator', 'number', 'invalid']);
  });
});
