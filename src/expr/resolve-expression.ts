import type { Condition, Expression, FieldRef, Literal } from './ast.js';
import { isCalendarDate } from './calendar-date.js';
import { showLiteral as show } from './show-literal.js';
import { closestName } from './closest-name.js';
import { ExpressionError } from './expression-error.js';
import type { ExpressionField, FieldType } from './expression-field.js';

type Operator = 'compare' | 'order' | 'in' | 'between' | 'contains';

const ALLOWED: Readonly<Record<FieldType, { operators: readonly Operator[]; list: string; value: string }>> =
  {
    number: {
      operators: ['compare', 'order', 'in', 'between'],
      list: '=, !=, <, <=, >, >=, in, between or is null',
      value: 'a number',
    },
    date: {
      operators: ['compare', 'order', 'in', 'between'],
      list: '=, !=, <, <=, >, >=, in, between or is null',
      value: 'a date as YYYY-MM-DD',
    },
    text: {
      operators: ['compare', 'in', 'contains'],
      list: '=, !=, in, contains or is null',
      value: 'text in quotes',
    },
    boolean: { operators: ['compare', 'in'], list: '= true, = false or is null', value: 'true or false' },
  };

/**
 * Checks an expression against the fields it may use: every field exists (matched without regard to case, and
 * renamed to its declared spelling), every operator suits the field's type, every value has that type (a quoted
 * YYYY-MM-DD becomes a date for a date field). Returns the checked tree or throws an `ExpressionError`.
 */
export function resolveExpression(expression: Expression, fields: readonly ExpressionField[]): Expression {
  switch (expression.type) {
    case 'and':
    case 'or':
      return { ...expression, operands: expression.operands.map((e) => resolveExpression(e, fields)) };
    case 'not':
      return { ...expression, operand: resolveExpression(expression.operand, fields) };
    default:
      return resolveCondition(expression, fields);
  }
}

function resolveCondition(condition: Condition, fields: readonly ExpressionField[]): Condition {
  const declared = findField(condition.field, fields);
  const field: FieldRef = { name: declared.name, column: condition.field.column };
  const type = declared.type;
  const allowed = ALLOWED[type];
  const value = (literal: Literal): Literal => checkValue(literal, declared);
  const operator = operatorOf(condition);
  if (operator !== undefined && !allowed.operators.includes(operator.kind)) {
    throw new ExpressionError(
      `Cannot use "${operator.text}" on the ${type} field "${declared.name}" at column ${condition.column} — expected ${allowed.list}`,
      condition.column,
    );
  }
  switch (condition.type) {
    case 'compare':
      return { ...condition, field, value: value(condition.value) };
    case 'in':
      return { ...condition, field, values: condition.values.map(value) };
    case 'between': {
      const [low, high] = [value(condition.low), value(condition.high)];
      if (low.value > high.value) {
        throw new ExpressionError(
          `The range at column ${condition.column} is empty because ${show(low)} is greater than ${show(high)} — write the smaller value first`,
          condition.column,
        );
      }
      return { ...condition, field, low, high };
    }
    case 'contains':
      return { ...condition, field, value: value(condition.value) };
    case 'null':
      return { ...condition, field };
    case 'flag': {
      if (type === 'boolean') return { ...condition, field };
      const column = condition.column + [...condition.field.name].length;
      throw new ExpressionError(
        `Expected ${allowed.list} after the ${type} field "${declared.name}" at column ${column}`,
        column,
      );
    }
  }
}

function operatorOf(condition: Condition): { kind: Operator; text: string } | undefined {
  const not = 'negated' in condition && condition.negated ? 'not ' : '';
  switch (condition.type) {
    case 'compare':
      return { kind: ['=', '!='].includes(condition.op) ? 'compare' : 'order', text: condition.op };
    case 'in':
    case 'between':
    case 'contains':
      return { kind: condition.type, text: not + condition.type };
    default:
      return undefined;
  }
}

function findField(ref: FieldRef, fields: readonly ExpressionField[]): ExpressionField {
  const exact = fields.find((f) => f.name === ref.name);
  if (exact) return exact;
  const matches = fields.filter((f) => f.name.toLowerCase() === ref.name.toLowerCase());
  if (matches.length === 1) return matches[0] as ExpressionField;
  if (matches.length > 1) {
    const names = matches.map((f) => `"${f.name}"`).join(' or ');
    throw new ExpressionError(
      `Ambiguous field "${ref.name}" at column ${ref.column} — write it exactly as ${names}`,
      ref.column,
    );
  }
  const suggestion = closestName(
    ref.name,
    fields.map((f) => f.name),
  );
  const hint = suggestion === undefined ? '' : ` — did you mean "${suggestion}"?`;
  throw new ExpressionError(`Unknown field "${ref.name}" at column ${ref.column}${hint}`, ref.column);
}

function checkValue(literal: Literal, field: ExpressionField): Literal {
  if (literal.kind === field.type) return literal;
  if (field.type === 'date' && literal.kind === 'text' && isCalendarDate(literal.value)) {
    return { kind: 'date', value: literal.value, column: literal.column };
  }
  const hint =
    field.type === 'text' && literal.kind !== 'text'
      ? ` — write '${String(literal.value)}'`
      : field.type === 'number' && literal.kind === 'text' && /^-?\d+(\.\d+)?$/.test(literal.value)
        ? ` — write it without quotes`
        : '';
  throw new ExpressionError(
    `Expected ${ALLOWED[field.type].value} for "${field.name}" at column ${literal.column}, got ${show(literal)}${hint}`,
    literal.column,
  );
}
