import { partitionsFor } from '../db/partitions.js';
import { ident } from '../db/sql.js';
import type { Workspace } from '../db/workspace.js';
import type { ProfileColumnGroups } from './profile-columns.js';
import {
  groupsQuery,
  lineMetricsQuery,
  populationRhythmSql,
  rhythmAndGroupsQuery,
  type Query,
} from './profile-sql.js';
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
const POPULATION = 'cl_profile_population';

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
  // Written under another name, one partition at a time, then put in place: the stored profile is also a
  // source of the profile it is replaced by.
  const staged = `${target.table}_next`;
  const write = async (queries: Query[]): Promise<void> => {
    for (const [i, q] of queries.entries()) {
      await ws.run(
        i === 0
          ? `CREATE OR REPLACE ${target.temp ? 'TEMP ' : ''}TABLE ${ident(staged)} AS ${q.sql}`
          : `INSERT INTO ${ident(staged)} ${q.sql}`,
        q.params,
      );
    }
    await ws.run(`DROP TABLE IF EXISTS ${ident(target.table)}`);
    await ws.run(`ALTER TABLE ${ident(staged)} RENAME TO ${ident(target.table)}`);
  };
  if (await storedLinesAt(ws, asOf)) {
    const parts = partitionsFor(ws, await profileWorkingSet(ws, asOf));
    await write(
      range(parts.count).map((p) =>
        groupsQuery(STORED_PROFILE_TABLE, asOf, groups, parts.filter('customer_id', p)),
      ),
    );
    return { reused: true };
  }
  const ready = prepared.get(ws);
  const partitions = ready?.asOf === asOf ? ready.partitions : await computeLines(ws, asOf);
  prepared.delete(ws);
  // The population's rhythm over everyone first, then each partition with its column groups.
  await ws.run(`CREATE OR REPLACE TEMP TABLE ${POPULATION} AS ${populationRhythmSql(METRICS)}`);
  const filter = (p: number): string =>
    partitions === 1 ? 'true' : `hash(customer_id) % ${partitions} = ${p}`;
  await write(
    range(partitions).map((p) =>
      rhythmAndGroupsQuery(METRICS, asOf, groups, { pop: POPULATION, filter: filter(p) }),
    ),
  );
  await ws.run(`DROP TABLE ${METRICS}`);
  await ws.run(`DROP TABLE ${POPULATION}`);
  return { reused: false, partitions };
}

function range(n: number): number[] {
  return Array.from({ length: n }, (_, i) => i);
}

/** What `prepareProfileLines` left in a connection's work table. */
const prepared = new WeakMap<Workspace, { asOf: string; partitions: number }>();

/**
 * Computes the line-level metrics at `asOf` into the work table ahead of `writeProfile`, unless the stored
 * ones are current: a command that stores the profile in its transaction (analyze) does the heavy part first,
 * while no other work of the transaction holds memory.
 */
export async function prepareProfileLines(ws: Workspace, asOf: string): Promise<void> {
  if (await storedLinesAt(ws, asOf)) return;
  prepared.set(ws, { asOf, partitions: await computeLines(ws, asOf) });
}

/** The line-level metrics at `asOf`, one customer partition at a time, into the work table; the partition count. */
async function computeLines(ws: Workspace, asOf: string): Promise<number> {
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
  return parts.count;
}
