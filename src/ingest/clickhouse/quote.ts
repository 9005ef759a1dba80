/**
 * Quoting for the SQL sent to ClickHouse. Debian's clickhouse-server 18.16 has no server-side query parameters,
 * so every value and name is quoted here, on the client, and no user text reaches a query any other way.
 * ClickHouse string literals and back-quoted identifiers both escape with a backslash.
 */

function escape(text: string, quote: "'" | '`'): string {
  let out = '';
  for (const ch of text) {
    if (ch === '\\' || ch === quote) out += `\\${ch}`;
    else if (ch === '\0') out += '\\0';
    else if (ch === '\n') out += '\\n';
    else if (ch === '\r') out += '\\r';
    else if (ch === '\t') out += '\\t';
    else out += ch;
  }
  return out;
}

/** A string literal: `'it\'s'`. */
export function chString(value: string): string {
  return `'${escape(value, "'")}'`;
}

/** A name (database, table, column): `` `Код карты` ``. */
export function chIdent(name: string): string {
  return `\`${escape(name, '`')}\``;
}

/** `db`.`table`. */
export function chTable(database: string, table: string): string {
  return `${chIdent(database)}.${chIdent(table)}`;
}
