import { PROFILE_VERSION_SQL } from '../db/content-version.js';
import { notePrecomputed, precomputedAt } from '../db/precomputed.js';
import { salesVersionAt } from '../db/sales-version.js';
import { literal } from '../db/sql.js';
import type { Workspace } from '../db/workspace.js';
import { VERSION } from '../version.js';
import { profileColumnGroups, type ProfileColumnGroups } from './profile-columns.js';
import { partitionsFor } from '../db/partitions.js';
import { recommendationColumnsSql, recommendedSkusSql } from './profile-sql.js';

/**
 * The stored profile: every customer's metrics at the date of the latest analyze, predict or recommend run,
 * kept so that the web app's customer list, card and overview read a table instead of computing ~60 metrics
 * for every customer on the first request (written by precompute.ts).
 */
export const STORED_PROFILE_TABLE = 'stored_profile';
/** The whole stored profile, current while the data and the runs behind its column groups are unchanged. */
const NAME = 'profile';
/** Its line-level columns alone, current while what they are computed from is unchanged (linesVersionAt). */
const LINES = 'profile_lines';

/** The stored profile's column groups when it is at this date and still current; otherwise undefined. */
export function storedProfileAt(ws: Workspace, asOf: string): Promise<ProfileColumnGroups | undefined> {
  return precomputedAt<ProfileColumnGroups & Record<string, unknown>>(ws, NAME, asOf, PROFILE_VERSION_SQL);
}

/**
 * What the profile's line-level columns (all but the column groups) at a date are computed from: the sales
 * lines up to that date (sales-version.ts), the customers (region, registration date), the products
 * (categories), and this version of the code. A load of later sales lines leaves it unchanged.
 */
export async function linesVersionAt(ws: Workspace, asOf: string): Promise<string> {
  const lists = await ws.scalar(
    `SELECT md5(coalesce(string_agg(kind || ':' || load_id || ':' || content_hash, ',' ORDER BY load_id), ''))
     FROM loads WHERE kind IN ('customers', 'products')`,
  );
  return `${VERSION}|${await salesVersionAt(ws, asOf)}|${String(lists)}`;
}

/**
 * Whether the stored profile's line-level columns are those of this date and still current, so that a
 * profile with other column groups can be made from them by a join (write-profile.ts).
 */
export async function storedLinesAt(ws: Workspace, asOf: string): Promise<boolean> {
  if (!(await ws.tableExists(STORED_PROFILE_TABLE))) return false;
  const version = await linesVersionAt(ws, asOf);
  return (await precomputedAt(ws, LINES, asOf, literal(version))) !== undefined;
}

/** Notes the profile just written to STORED_PROFILE_TABLE at the date, with its column groups. */
export async function noteStoredProfile(
  ws: Workspace,
  asOf: string,
  groups: ProfileColumnGroups,
): Promise<void> {
  await notePrecomputed(ws, LINES, asOf, literal(await linesVersionAt(ws, asOf)));
  await notePrecomputed(ws, NAME, asOf, PROFILE_VERSION_SQL, { ...groups });
}

/** Bytes per stored recommendation while they are gathered per customer (recommendedSkusSql). */
const RECOMMENDATION_BYTES = 150;

/**
 * Stores the profile at `asOf` after `clientele recommend` there. When the stored profile was current just
 * before (`before`: its column groups, from storedProfileAt), nothing but the recommendations changed, so only
 * its recommendation columns are computed again (customer partition by partition) and updated in place,
 * instead of the ~60 metrics of every customer; otherwise `store` stores it all.
 */
export async function storeProfileAfterRecommend(
  ws: Workspace,
  asOf: string,
  before: ProfileColumnGroups | undefined,
  store: () => Promise<void>,
): Promise<void> {
  const groups = await profileColumnGroups(ws, asOf);
  const same = before?.segments === groups.segments && before.predictions === groups.predictions;
  if (!before || !same || !groups.recommendations) return store();
  const rows = Number(
    await ws.scalar(`SELECT count(*) FROM recommendations WHERE as_of = CAST($1 AS DATE)`, [asOf]),
  );
  const parts = partitionsFor(ws, rows * RECOMMENDATION_BYTES);
  try {
    await ws.run(`CREATE OR REPLACE TEMP TABLE profile_rc (customer_id VARCHAR, recommended_skus VARCHAR)`);
    for (let part = 0; part < parts.count; part++) {
      await ws.run(`INSERT INTO profile_rc ${recommendedSkusSql(parts.filter('customer_id', part))}`, [asOf]);
    }
    const sql = recommendationColumnsSql(STORED_PROFILE_TABLE, 'profile_rc');
    if (!before.recommendations) for (const add of sql.add) await ws.run(add);
    await ws.run(sql.update);
  } finally {
    await ws.run(`DROP TABLE IF EXISTS profile_rc`);
  }
  await noteStoredProfile(ws, asOf, groups);
}
