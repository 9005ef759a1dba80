import type { Workspace } from './workspace.js';

/**
 * Results computed ahead of time for readers that must answer at once (the web app on a million customers),
 * each stored in its own table and noted in `precomputed` with the as-of date and the content version
 * (content-version.ts) it was computed from. A reader uses it only while both still match, and computes
 * afresh otherwise, so a stored result is never shown after the data or the analysis behind it changed.
 */
export async function notePrecomputed(
  ws: Workspace,
  name: string,
  asOf: string,
  versionSql: string,
  info: Record<string, unknown> = {},
): Promise<void> {
  await ws.run(`DELETE FROM precomputed WHERE name = $1`, [name]);
  await ws.run(
    `INSERT INTO precomputed SELECT $1, CAST($2 AS DATE), (${versionSql}), CAST($3 AS JSON), now()::TIMESTAMP`,
    [name, asOf, JSON.stringify(info)],
  );
}

/** The info noted with a precomputed result when it is at this date and still current; otherwise undefined. */
export async function precomputedAt<T extends Record<string, unknown>>(
  ws: Workspace,
  name: string,
  asOf: string,
  versionSql: string,
): Promise<T | undefined> {
  const row = await ws.one<{ info: string }>(
    `SELECT CAST(info AS VARCHAR) AS info FROM precomputed
     WHERE name = $1 AND as_of = CAST($2 AS DATE) AND version = (${versionSql})`,
    [name, asOf],
  );
  return row ? (JSON.parse(row.info) as T) : undefined;
}

/** The info noted with a precomputed result that is still current, whatever its date; otherwise undefined. */
export async function precomputedCurrent<T extends Record<string, unknown>>(
  ws: Workspace,
  name: string,
  versionSql: string,
): Promise<T | undefined> {
  const row = await ws.one<{ info: string }>(
    `SELECT CAST(info AS VARCHAR) AS info FROM precomputed WHERE name = $1 AND version = (${versionSql})`,
    [name],
  );
  return row ? (JSON.parse(row.info) as T) : undefined;
}
