import { PROFILE_VERSION_SQL } from '../db/content-version.js';
import { partitionsFor } from '../db/partitions.js';
import { notePrecomputed, precomputedAt } from '../db/precomputed.js';
import type { Workspace } from '../db/workspace.js';
import { profileColumnGroups, type ProfileColumnGroups } from './profile-columns.js';
import { profileSql, recommendationColumnsSql, recommendedSkusSql } from './profile-sql.js';

/** The stored profile: every customer's metrics at the date of the latest analyze, predict or recommend run. */
export const STORED_PROFILE_TABLE = 'stored_profile';
const NAME = 'profile';

/**
 * Computes the profile at the as-of date with every column group stored there and keeps it in the workspace,
 * so that the web app's customer list, card and overview read a table instead of computing ~60 metrics for
 * every customer on the first request. Run at the end of each command whose results are profile columns
 * (analyze, predict, recommend), inside its transaction, after its run is recorded.
 */
export async function storeProfile(ws: Workspace, asOf: string): Promise<void> {
  const groups = await profileColumnGroups(ws, asOf);
  await ws.run(`CREATE OR REPLACE TABLE ${STORED_PROFILE_TABLE} AS ${profileSql(groups)}`, [asOf]);
  await notePrecomputed(ws, NAME, asOf, PROFILE_VERSION_SQL, { ...groups });
}

/** The stored profile's column groups when it is at this date and still current; otherwise undefined. */
export function storedProfileAt(ws: Workspace, asOf: string): Promise<ProfileColumnGroups | undefined> {
  return precomputedAt<ProfileColumnGroups & Record<string, unknown>>(ws, NAME, asOf, PROFILE_VERSION_SQL);
}

/** Bytes per stored recommendation while they are gathered per customer (recommendedSkusSql). */
const RECOMMENDATION_BYTES = 150;

/**
 * Stores the profile at `asOf` after `clientele recommend` there. When the stored profile was current just
 * before (`before`: its column groups, from storedProfileAt), nothing but the recommendations changed, so only
 * its recommendation columns are computed again (customer partition by partition) and updated in place,
 * instead of the ~60 metrics of every customer.
 */
export async function storeProfileAfterRecommend(
  ws: Workspace,
  asOf: string,
  before: ProfileColumnGroups | undefined,
): Promise<void> {
  const groups = await profileColumnGroups(ws, asOf);
  const same = before?.segments === groups.segments && before.predictions === groups.predictions;
  if (!before || !same || !groups.recommendations) return storeProfile(ws, asOf);
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
  await notePrecomputed(ws, NAME, asOf, PROFILE_VERSION_SQL, { ...groups });
}
