import { describe, expect, it } from 'vitest';
import { describeExpression, parseExpression, type Expression } from '../../src/expr/index.js';

/** The tree as a compact string: and/or/not as prefix lists, conditions by their description. */
function shape(e: Expression): string {
  switch (e.type) {
    case 'and':
    case 'or':
      return `${e.type}(${e.operands.map(shape).join(', ')})`;
    case 'not':
      return `not(${shape(e.operand)})`;
    default:
      return describeExpression(e);
  }
}

describe('parseExpression', () => {
  it.each([
    ['a = 1 or b = 2 and c = 3', 'or(a = 1, and(b = 2, c = 3))'],
    ['a = 1 and b = 2 or c = 3', 'or(and(a = 1, b = 2), c = 3)'],
    ['not a = 1 and b = 2', 'and(not(a = 1), b = 2)'],
    ['not a = 1 or not not b = 2', 'or(not(a = 1), not(not(b = 2)))'],
    ['(a = 1 or b = 2) and c = 3', 'and(or(a = 1, b = 2), c = 3)'],
    ['a = 1 and b = 2 and c = 3 or d = 4 or e = 5', 'or(and(a = 1, b = 2, c = 3), d = 4, e = 5)'],
    ['((a = 1))', 'a = 1'],
    ['x between 1 and 2 and y = 3', 'and(x between 1 and 2, y = 3)'],
    ['x not between 1 and 2 or y = 3', 'or(x not between 1 and 2, y = 3)'],
    ['A>1 || B<2 && !C=3', 'or(A > 1, and(B < 2, not(C = 3)))'],
    ['AND_x = 1 AnD or_y = 2', 'and(AND_x = 1, or_y = 2)'],
  ])('%s  →  %s', (text, expected) => {
    expect(shape(parseExpression(text))).toBe(expected);
  });

  it('builds typed conditions with the column of their operator', () => {
    expect(parseExpression(`s in ('a', "b") and e is not null`)).toEqual({
      type: 'and',
      operands: [
        {
          type: 'in',
          field: { name: 's', column: 1 },
          column: 3,
          negated: false,
          values: [
            { kind: 'text', value: 'a', column: 7 },
            { kind: 'text', value: 'b', column: 12 },
          ],
        },
        { type: 'null', field: { name: 'e', column: 21 }, column: 23, negated: true },
      ],
    });
    expect(parseExpression('v = true')).toMatchObject({ value: { kind: 'boolean', value: true } });
    expect(parseExpression('d < 2024-02-29')).toMatchObject({ value: { kind: 'date', value: '2024-02-29' } });
    expect(parseExpression('t not contains "x"')).toMatchObject({ type: 'contains', negated: true });
    expect(parseExpression('flag')).toEqual({ type: 'flag', field: { name: 'flag', column: 1 }, column: 1 });
  });

  it('describes what it understood in one normalized form that parses back to itself', () => {
    const cases: [string, string][] = [
      ['A>1 || B<2 && !C=3', 'A > 1 or (B < 2 and not (C = 3))'],
      [`x == "it's" AND y <> 2024-01-01`, `x = 'it''s' and y != 2024-01-01`],
      ['s NOT IN (1,2) or E IS NULL', 's not in (1, 2) or E is null'],
      ['not (a = 1 or b = 2)', 'not (a = 1 or b = 2)'],
      [`регион contains 'моск' and flag`, `регион contains 'моск' and flag`],
    ];
    for (const [text, described] of cases) {
      expect(describeExpression(parseExpression(text))).toBe(described);
      expect(describeExpression(parseExpression(described))).toBe(described);
    }
  });
});
