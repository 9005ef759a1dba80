import type { Workspace } from '../db/workspace.js';
import { writeQuery, type WriteResult } from '../export/write.js';
import { resolveAsOf } from './as-of.js';
import { profileColumnGroups } from './profile-columns.js';
import { STORED_PROFILE_TABLE, storedProfileAt } from './stored-profile.js';
import { writeProfile } from './write-profile.js';
import { profileFiguresSql, type ProfileFigures } from './profile-figures.js';

export interface ProfileSummary extends ProfileFigures {
  as_of: string;
  columns: string[];
  /** Stage, RFM and ABC/XYZ columns are included (an analysis exists at this date). */
  segments: boolean;
  /** CLV, P(alive) and churn-risk columns are included (`clientele predict` ran at this date). */
  predictions: boolean;
  out: WriteResult | null;
}

/**
 * Computes the customer profile as of a date (default: the latest sale) and optionally writes it to a file.
 * Returns the figures a summary shows.
 */
export async function runProfile(
  ws: Workspace,
  options: { asOf?: string; out?: string },
): Promise<ProfileSummary> {
  const asOf = await resolveAsOf(ws, options.asOf);
  // The profile stored by the last analyze / predict / recommend at this date when current, else computed.
  const stored = await storedProfileAt(ws, asOf);
  const groups = stored ?? (await profileColumnGroups(ws, asOf));
  const { segments, predictions } = groups;
  const table = stored ? STORED_PROFILE_TABLE : 'cl_profile';
  if (!stored) await writeProfile(ws, asOf, groups, { table, temp: true });
  const s = await ws.one<ProfileFigures>(profileFiguresSql(table));
  const columns = (await ws.all<{ column_name: string }>(`DESCRIBE ${table}`)).map((c) => c.column_name);
  const out = options.out
    ? await writeQuery(ws, `SELECT * FROM ${table} ORDER BY revenue DESC, customer_id`, [], options.out)
    : null;
  return { as_of: asOf, ...s!, columns, segments, predictions, out };
}

/** Whether `clientele analyze` stored a snapshot at this date (its segment columns then join the profile). */
export async function hasSnapshot(ws: Workspace, asOf: string): Promise<boolean> {
  if (!(await ws.tableExists('snapshots'))) return false;
  return Number(await ws.scalar(`SELECT count(*) FROM snapshots WHERE as_of = CAST($1 AS DATE)`, [asOf])) > 0;
}

/** Whether `clientele recommend` stored recommendations at this date. */
export async function hasRecommendations(ws: Workspace, asOf: string): Promise<boolean> {
  if (!(await ws.tableExists('recommendations'))) return false;
  return (
    Number(await ws.scalar(`SELECT count(*) FROM recommendations WHERE as_of = CAST($1 AS DATE)`, [asOf])) > 0
  );
}

/** Whether `clientele predict` stored predictions at this date. */
export async function hasPredictions(ws: Workspace, asOf: string): Promise<boolean> {
  if (!(await ws.tableExists('predictions'))) return false;
  return (
    Number(await ws.scalar(`SELECT count(*) FROM predictions WHERE as_of = CAST($1 AS DATE)`, [asOf])) > 0
  );
}
