import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/errors.js';
import { compileExpression, ExpressionError } from '../../src/expr/index.js';
import { FIELDS } from './fields.js';

function failure(text: string): { message: string; column: number } {
  try {
    compileExpression(text, FIELDS);
  } catch (error) {
    if (error instanceof ExpressionError) return { message: error.message, column: error.column };
    throw error;
  }
  throw new Error(`"${text}" compiled without an error`);
}

describe('expression errors', () => {
  it.each([
    // empty, incomplete, trailing garbage, parentheses
    ['', 'Expected a condition such as revenue > 1000 at column 1, but the expression is empty', 1],
    ['   ', 'Expected a condition such as revenue > 1000 at column 4, but the expression is empty', 4],
    ['revenue >', 'Expected a value after ">" at column 10', 10],
    ["stage = 'asleep' and revenue >", 'Expected a value after ">" at column 31', 31],
    ['revenue > and orders = 1', 'Expected a value after ">" at column 11, got "and"', 11],
    ['revenue > 1 and', 'Expected a field name after "and" at column 16', 16],
    ['and revenue > 1', 'Expected a field name at column 1, got "and"', 1],
    [
      'revenue > 1 orders > 2',
      'Expected "and", "or" or the end of the expression at column 13, got "orders"',
      13,
    ],
    ['(revenue > 1', 'Expected ")" at column 13 to match the "(" at column 1', 13],
    ['((revenue > 1) or (orders > 2)', 'Expected ")" at column 31 to match the "(" at column 1', 31],
    ['revenue > 1)', 'Unmatched ")" at column 12', 12],
    ['()', 'Expected a field name after "(" at column 2, got ")"', 2],
    // operators and values
    [
      'revenue 5000',
      'Expected an operator such as =, >, in, between, contains or is null after "revenue" at column 9, got 5000',
      9,
    ],
    ['revenue not 5', 'Expected "in", "between" or "contains" after "not" at column 13, got 5', 13],
    ['email is empty', 'Expected "null" after "is" at column 10, got "empty"', 10],
    ['email is not', 'Expected "null" after "not" at column 13', 13],
    [
      'revenue = null',
      'Expected a value after "=" at column 11, got "null" — write "is null" to find missing values',
      11,
    ],
    ["stage in 'a'", 'Expected "(" after "in" at column 10, got \'a\'', 10],
    [
      "stage in ('a' 'b')",
      'Expected "," or ")" after \'a\' at column 15 to match the "(" at column 10, got \'b\'',
      15,
    ],
    ['revenue between 1 or 2', 'Expected "and" after 1 at column 19, got "or"', 19],
    [
      'churn_risk > 0,5',
      'Expected "and", "or" or the end of the expression at column 15, got "," — write decimals with a dot, as in 0.5',
      15,
    ],
    // characters and literals
    ['revenue > 0; DROP TABLE sales', 'Unexpected character ";" at column 12', 12],
    [
      'region = “Москва”',
      'Unexpected character "“" at column 10 — quote text with straight quotes \' or "',
      10,
    ],
    ["region = 'Москва", "Unterminated text starting at column 10 — expected a closing '", 10],
    ['last_purchase < 01.02.2024', 'Expected a date as YYYY-MM-DD at column 17, got 01.02.2024', 17],
    ['last_purchase < 2024-1-5', 'Expected a date as YYYY-MM-DD at column 17, got 2024-1-5', 17],
    ['last_purchase < 2023-02-29', 'Invalid date 2023-02-29 at column 17 — there is no such day', 17],
    [
      '"revenue" > 0',
      'Expected a field name at column 1, got "revenue" — field names are written without quotes',
      1,
    ],
    // fields
    ['revnue > 5000', 'Unknown field "revnue" at column 1 — did you mean "revenue"?', 1],
    [
      "stage = 'a' and recency > 90",
      'Unknown field "recency" at column 17 — did you mean "recency_days"?',
      17,
    ],
    ["ргеион = 'Москва'", 'Unknown field "ргеион" at column 1 — did you mean "Регион"?', 1],
    ['zzz > 1', 'Unknown field "zzz" at column 1', 1],
    // types
    [
      "region > 'a'",
      'Cannot use ">" on the text field "region" at column 8 — expected =, !=, in, contains or is null',
      8,
    ],
    [
      "stage between 'a' and 'b'",
      'Cannot use "between" on the text field "stage" at column 7 — expected =, !=, in, contains or is null',
      7,
    ],
    [
      "revenue contains '5'",
      'Cannot use "contains" on the number field "revenue" at column 9 — expected =, !=, <, <=, >, >=, in, between or is null',
      9,
    ],
    [
      'is_vip < true',
      'Cannot use "<" on the boolean field "is_vip" at column 8 — expected = true, = false or is null',
      8,
    ],
    ["revenue > 'abc'", 'Expected a number for "revenue" at column 11, got \'abc\'', 11],
    [
      "revenue > '5000'",
      'Expected a number for "revenue" at column 11, got \'5000\' — write it without quotes',
      11,
    ],
    ['region = 5', 'Expected text in quotes for "region" at column 10, got 5 — write \'5\'', 10],
    ["stage in ('a', 2)", 'Expected text in quotes for "stage" at column 16, got 2 — write \'2\'', 16],
    ['last_purchase > 5', 'Expected a date as YYYY-MM-DD for "last_purchase" at column 17, got 5', 17],
    [
      "last_purchase > 'yesterday'",
      'Expected a date as YYYY-MM-DD for "last_purchase" at column 17, got \'yesterday\'',
      17,
    ],
    ['is_vip = 1', 'Expected true or false for "is_vip" at column 10, got 1', 10],
    [
      'revenue',
      'Expected =, !=, <, <=, >, >=, in, between or is null after the number field "revenue" at column 8',
      8,
    ],
    [
      'churn_risk between 0.9 and 0.5',
      'The range at column 12 is empty because 0.9 is greater than 0.5 — write the smaller value first',
      12,
    ],
  ])('%s', (text, message, column) => {
    expect(failure(text)).toEqual({ message, column });
  });

  it('reports the first problem from the left, syntax before fields', () => {
    expect(failure('revnue > ; x').message).toBe('Unexpected character ";" at column 10');
    expect(failure('revnue > 1 )').message).toBe('Unmatched ")" at column 12');
  });

  it('is an InputError so the CLI exits with code 2', () => {
    expect(() => compileExpression('', FIELDS)).toThrow(InputError);
  });

  it('refuses a name that matches two declared fields only by case', () => {
    const fields = [
      { name: 'Region', type: 'text' },
      { name: 'REGION', type: 'text' },
    ] as const;
    expect(() => compileExpression(`region = 'x'`, fields)).toThrow(
      'Ambiguous field "region" at column 1 — write it exactly as "Region" or "REGION"',
    );
    expect(compileExpression(`REGION = 'x'`, fields).fields).toEqual(['REGION']);
  });
});
