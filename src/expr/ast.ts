import type { Comparator } from './token.js';

/** A value written in the expression. Dates are kept as their YYYY-MM-DD text. */
export type Literal = { column: number } & (
  | { kind: 'number'; value: number }
  | { kind: 'text'; value: string }
  | { kind: 'date'; value: string }
  | { kind: 'boolean'; value: boolean }
);

/** A field as written (after `resolveExpression`: as declared in the field list). */
export interface FieldRef {
  name: string;
  column: number;
}

/** A test on one field; `column` is where its operator starts (for a bare true/false field, the field). */
export type Condition = { field: FieldRef; column: number } & (
  | { type: 'compare'; op: Comparator; value: Literal }
  | { type: 'in'; values: Literal[]; negated: boolean }
  | { type: 'between'; low: Literal; high: Literal; negated: boolean }
  | { type: 'null'; negated: boolean }
  | { type: 'contains'; value: Literal; negated: boolean }
  | { type: 'flag' }
);

/** The parsed expression: `and`/`or` are flat (two or more operands), precedence not > and > or. */
export type Expression =
  | Condition
  | { type: 'and'; operands: Expression[] }
  | { type: 'or'; operands: Expression[] }
  | { type: 'not'; operand: Expression; column: number };
