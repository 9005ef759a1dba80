import { InputError } from '../../errors.js';

/** Where a linked workspace's sales live: a table (or view) of a ClickHouse server, reached over HTTP(S). */
export interface ClickHouseTarget {
  /** http(s)://host:port — no credentials. */
  url: string;
  username: string;
  password: string;
  database: string;
  table: string;
  /** The URL as the user wrote it, without a password: what status, reports and messages show. */
  display: string;
}

/** The environment variable the ClickHouse password is read from (never from the command line or a file). */
export const CLICKHOUSE_PASSWORD_ENV = 'CLIENTELE_CLICKHOUSE_PASSWORD';

export function isClickHouseUrl(text: string): boolean {
  return /^clickhouse:\/\//i.test(text.trim());
}

/**
 * Reads `clickhouse://user@host[:port]/database/table` (port 8123, or 8443 with `ssl`; user `default`). A
 * password written in the URL is refused: it would end up in shell histories and logs.
 */
export function parseClickHouseUrl(
  text: string,
  options: { ssl?: boolean; password?: string } = {},
): ClickHouseTarget {
  const example = 'clickhouse://analyst@dwh.example:8123/retail/sales';
  let parsed: URL;
  try {
    parsed = new URL(text.trim());
  } catch {
    throw new InputError(`"${text}" is not a ClickHouse address; write it as ${example}.`);
  }
  if (parsed.protocol.toLowerCase() !== 'clickhouse:' || !parsed.hostname) {
    throw new InputError(`"${text}" is not a ClickHouse address; write it as ${example}.`);
  }
  if (parsed.password) {
    throw new InputError(
      `The ClickHouse address must not contain the password; set it in the environment variable ${CLICKHOUSE_PASSWORD_ENV}.`,
    );
  }
  const parts = parsed.pathname
    .split('/')
    .filter((p) => p !== '')
    .map((p) => decodeURIComponent(p));
  if (parts.length !== 2) {
    throw new InputError(
      `The ClickHouse address must name the database and the table, as in ${example}; got "${text}".`,
    );
  }
  const ssl = options.ssl ?? false;
  const port = parsed.port || (ssl ? '8443' : '8123');
  const username = decodeURIComponent(parsed.username) || 'default';
  const host = parsed.hostname;
  const [database, table] = parts as [string, string];
  if (!/^[0-9]+$/.test(port))
    throw new InputError(`The port "${port}" of the ClickHouse address is not a number.`);
  return {
    url: `${ssl ? 'https' : 'http'}://${host}:${port}`,
    username,
    password: options.password ?? '',
    database,
    table,
    display: `clickhouse://${encodeURIComponent(username)}@${host}:${port}/${encodeURIComponent(database)}/${encodeURIComponent(table)}`,
  };
}
