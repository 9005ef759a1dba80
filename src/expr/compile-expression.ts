import { ident } from '../db/sql.js';
import type { Expression, Literal } from './ast.js';
import type { ExpressionField } from './expression-field.js';
import { parseExpression } from './parse-expression.js';
import { resolveExpression } from './resolve-expression.js';

export type SqlParam = string | number | boolean | null;

export interface CompileOptions {
  /** Number of the first placeholder, so the caller can append to its own parameters (default 1 → `$1`). */
  firstParam?: number;
}

export interface CompiledExpression {
  /** A parenthesized boolean SQL expression, safe to put after WHERE or to join with AND. */
  sql: string;
  /** Values for the placeholders `$firstParam`, `$firstParam + 1`, … in order. */
  params: SqlParam[];
  /** Fields the expression uses, as declared, in order of first use. */
  fields: string[];
}

const SQL_COMPARATORS = { '=': '=', '!=': '<>', '<': '<', '<=': '<=', '>': '>', '>=': '>=' } as const;

/**
 * Turns a segment expression over the given fields into a SQL condition. Field names go through `ident`, every
 * value is a bound parameter (dates as 'YYYY-MM-DD' text cast to DATE), so nothing the user typed reaches the SQL
 * text. Example: `compileExpression("stage = 'asleep' and revenue > 5000", fields)` →
 * `{ sql: '("stage" = $1 AND "revenue" > $2)', params: ['asleep', 5000], fields: ['stage', 'revenue'] }`.
 */
export function compileExpression(
  text: string,
  fields: readonly ExpressionField[],
  options: CompileOptions = {},
): CompiledExpression {
  const firstParam = options.firstParam ?? 1;
  if (!Number.isInteger(firstParam) || firstParam < 1) {
    throw new RangeError(`firstParam must be a positive integer, got ${firstParam}`);
  }
  const expression = resolveExpression(parseExpression(text), fields);
  const params: SqlParam[] = [];
  const used = new Set<string>();
  const param = (literal: Literal): string => {
    params.push(literal.value);
    const placeholder = `$${firstParam + params.length - 1}`;
    return literal.kind === 'date' ? `CAST(${placeholder} AS DATE)` : placeholder;
  };
  const emit = (e: Expression): string => {
    switch (e.type) {
      case 'and':
      case 'or':
        return `(${e.operands.map(emit).join(e.type === 'and' ? ' AND ' : ' OR ')})`;
      case 'not':
        return e.operand.type === 'and' || e.operand.type === 'or'
          ? `NOT ${emit(e.operand)}`
          : `NOT (${emit(e.operand)})`;
    }
    used.add(e.field.name);
    const field = ident(e.field.name);
    const not = e.type !== 'compare' && e.type !== 'flag' && e.negated ? 'NOT ' : '';
    switch (e.type) {
      case 'compare':
        return `${field} ${SQL_COMPARATORS[e.op]} ${param(e.value)}`;
      case 'in':
        return `${field} ${not}IN (${e.values.map(param).join(', ')})`;
      case 'between':
        return `${field} ${not}BETWEEN ${param(e.low)} AND ${param(e.high)}`;
      case 'null':
        return `${field} IS ${not}NULL`;
      case 'contains':
        return `${not}contains(lower(${field}), lower(${param(e.value)}))`;
      case 'flag':
        return field;
    }
  };
  const sql = emit(expression);
  const grouped = expression.type === 'and' || expression.type === 'or';
  return { sql: grouped ? sql : `(${sql})`, params, fields: [...used] };
}
