import type { Expression } from './ast.js';
import { showLiteral as show } from './show-literal.js';

/**
 * The expression as it was understood, in one normalized form: keywords in lower case, `=`/`!=` for `==`/`<>`,
 * texts in single quotes, and parentheses wherever precedence decided the grouping.
 * `describeExpression(parseExpression('A>1 || B<2 && !C=3'))` → `A > 1 or (B < 2 and not (C = 3))`.
 */
export function describeExpression(expression: Expression): string {
  switch (expression.type) {
    case 'and':
    case 'or':
      return expression.operands
        .map((e) =>
          e.type === 'and' || e.type === 'or' ? `(${describeExpression(e)})` : describeExpression(e),
        )
        .join(` ${expression.type} `);
    case 'not':
      return `not (${describeExpression(expression.operand)})`;
  }
  const field = expression.field.name;
  const not = expression.type !== 'compare' && expression.type !== 'flag' && expression.negated ? 'not ' : '';
  switch (expression.type) {
    case 'compare':
      return `${field} ${expression.op} ${show(expression.value)}`;
    case 'in':
      return `${field} ${not}in (${expression.values.map(show).join(', ')})`;
    case 'between':
      return `${field} ${not}between ${show(expression.low)} and ${show(expression.high)}`;
    case 'null':
      return `${field} is ${not}null`;
    case 'contains':
      return `${field} ${not}contains ${show(expression.value)}`;
    case 'flag':
      return field;
  }
}
