import type { Literal } from './ast.js';

/** A literal as the user would write it: 5000, 'it''s', 2024-01-01, true. */
export function showLiteral(literal: Literal): string {
  return literal.kind === 'text' ? `'${literal.value.replaceAll("'", "''")}'` : String(literal.value);
}
