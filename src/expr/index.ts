// Public API of the segment expression language: a small, safe filter language compiled to a parameterized
// SQL condition. Tokens, the parser's internals and the field checks stay inside.

// Compile
export {
  compileExpression,
  type CompileOptions,
  type CompiledExpression,
  type SqlParam,
} from './compile-expression.js';
export { metricFields, type ExpressionField, type FieldType } from './expression-field.js';
export { ExpressionError } from './expression-error.js';

// Inspect
export { parseExpression } from './parse-expression.js';
export { resolveExpression } from './resolve-expression.js';
export { describeExpression } from './describe-expression.js';
export type { Expression, Condition, Literal, FieldRef } from './ast.js';
export type { Comparator } from './token.js';
