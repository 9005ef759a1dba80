import type { Workspace } from '../db/workspace.js';
import { storeMonthlyOverview } from './monthly-overview.js';
import { profileColumnGroups, type ProfileColumnGroups } from './profile-columns.js';
import { STORED_PROFILE_TABLE, noteStoredProfile, storeProfileAfterRecommend } from './stored-profile.js';
import { writeProfile } from './write-profile.js';

/**
 * What the readers of the workspace need at once, stored at the as-of date of a command that changed the
 * results: the profile with every stored column group, and the month-by-month overview. Run at the end of
 * each command whose results are profile columns (analyze, predict, recommend), inside its transaction, after
 * its run is recorded. The first at a date aggregates the sales lines; the next ones at the same date, on the
 * same sales, only join their columns to the stored line-level columns.
 */
export async function precomputeForReaders(ws: Workspace, asOf: string): Promise<void> {
  await storeProfile(ws, asOf);
  await storeMonthlyOverview(ws, asOf);
}

/** Stores the profile at `asOf` with every column group stored at that date, and notes it as current. */
export async function storeProfile(ws: Workspace, asOf: string): Promise<void> {
  const groups = await profileColumnGroups(ws, asOf);
  await writeProfile(ws, asOf, groups, { table: STORED_PROFILE_TABLE, temp: false });
  await noteStoredProfile(ws, asOf, groups);
}

/** precomputeForReaders after `clientele recommend`, given the stored profile's groups before it (if current). */
export async function precomputeAfterRecommend(
  ws: Workspace,
  asOf: string,
  before: ProfileColumnGroups | undefined,
): Promise<void> {
  await storeProfileAfterRecommend(ws, asOf, before, () => storeProfile(ws, asOf));
  await storeMonthlyOverview(ws, asOf);
}
