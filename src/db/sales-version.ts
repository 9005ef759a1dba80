import type { Workspace } from './workspace.js';

/**
 * What identifies the sales lines dated up to the end of `asOf`: a digest of the sales loads that hold such
 * lines (their ids and content hashes). Loads are never changed once committed, so any result computed from
 * the lines up to a date is still valid while this value is unchanged — a load of later lines leaves it as it
 * is, a load with a line dated on or before `asOf` changes it. No scan of the sales.
 */
export async function salesVersionAt(ws: Workspace, asOf: string): Promise<string> {
  const v = await ws.scalar(
    `SELECT md5(coalesce(string_agg(load_id || ':' || content_hash, ',' ORDER BY load_id), ''))
     FROM loads WHERE kind = 'sales' AND date_min < CAST($1 AS DATE) + INTERVAL 1 DAY`,
    [asOf],
  );
  return String(v);
}
