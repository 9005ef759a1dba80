import { partitionsFor } from '../db/partitions.js';
import { ident } from '../db/sql.js';
import type { Workspace } from '../db/workspace.js';
import type { ProfileColumnGroups } from './profile-columns.js';
import { groupsQuery, lineMetricsQuery, rhythmAndGroupsQuery, type Query } from './profile-sql.js';
import { profileWorkingSet } from './profile-working-set.js';
import { STORED_PROFILE_TABLE, storedLinesAt } from './stored-profile.js';

/** Where the profile goes: a table of the workspace, or a temp table of this connection. */
export interface ProfileTarget {
  table: string;
  temp: boolean;
}

/** How the profile was made: joined to the stored line-level columns, or computed in `partitions` partitions. */
export type ProfileSource = { reused: true } | { reused: false; partitions: number };

const METRICS = 'cl_profile_lines';

/**
 * Writes the profile at `asOf` with the given column groups into `target`: the one path of the stored
 * profile, `clientele profile` and the API. When the stored profile's line-level columns are current at that
 * date they are joined to the groups (seconds); otherwise the line-level metrics are aggregated one customer
 * partition at a time (partitions.ts, sized by profile-working-set.ts) into a work table, and the population's
 * rhythm, global, is computed over all of it afterwards, so the result does not depend on the partitions.
 */
export async function writeProfile(
  ws: Workspace,
  asOf: string,
  groups: ProfileColumnGroups,
  target: ProfileTarget,
): Promise<ProfileSource> {
  const create = (q: Query): Promise<void> =>
    ws.run(
      `CREATE OR REPLACE ${target.temp ? 'TEMP ' : ''}TABLE ${ident(target.table)} AS ${q.sql}`,
      q.params,
    );
  if (await storedLinesAt(ws, asOf)) {
    await create(groupsQuery(STORED_PROFILE_TABLE, asOf, groups));
    return { reused: true };
  }
  const parts = partitionsFor(ws, await profileWorkingSet(ws, asOf));
  for (let part = 0; part < parts.count; part++) {
    const q = lineMetricsQuery(asOf, parts.filter('s.customer_id', part));
    await ws.run(
      part === 0
        ? `CREATE OR REPLACE TEMP TABLE ${METRICS} AS ${q.sql}`
        : `INSERT INTO ${METRICS} SELECT * FROM (${q.sql})`,
      q.params,
    );
  }
  await create(rhythmAndGroupsQuery(METRICS, asOf, groups));
  await ws.run(`DROP TABLE ${METRICS}`);
  return { reused: false, partitions: parts.count };
}
