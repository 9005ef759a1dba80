/**
 * SQL text helpers. Identifiers always go through `ident`, literals that cannot be bound as parameters
 * (table-function arguments such as file paths) through `literal`; every other value is a bound parameter.
 */

/** Quotes an identifier: `ident('a"b')` → `"a""b"`. */
export function ident(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

/** Quotes a string literal: `literal("it's")` → `'it''s'`. NUL characters are refused. */
export function literal(value: string): string {
  if (value.includes('\u0000')) throw new Error('NUL character in SQL literal');
  return `'${value.replaceAll("'", "''")}'`;
}

/** A DuckDB `E'…'`-free literal for a single character (delimiters, quotes), written as `chr(n)`. */
export function charLiteral(ch: string): string {
  const code = ch.codePointAt(0);
  if (code === undefined || ch.length === 0) throw new Error('empty character');
  return code >= 32 && code < 127 && ch !== "'" ? literal(ch) : `chr(${code})`;
}

/** `struct_pack`-free list literal of strings: `['a', 'b']`. */
export function listLiteral(values: readonly string[]): string {
  return `[${values.map(literal).join(', ')}]`;
}
