import type { Workspace } from '../db/workspace.js';
import { storeMonthlyOverview } from './monthly-overview.js';
import type { ProfileColumnGroups } from './profile-columns.js';
import { storeProfile, storeProfileAfterRecommend } from './stored-profile.js';

/**
 * What the readers of the workspace need at once, stored at the as-of date of a command that changed the
 * results: the profile with every stored column group, and the month-by-month overview.
 */
export async function precomputeForReaders(ws: Workspace, asOf: string): Promise<void> {
  await storeProfile(ws, asOf);
  await storeMonthlyOverview(ws, asOf);
}

/** precomputeForReaders after `clientele recommend`, given the stored profile's groups before it (if current). */
export async function precomputeAfterRecommend(
  ws: Workspace,
  asOf: string,
  before: ProfileColumnGroups | undefined,
): Promise<void> {
  await storeProfileAfterRecommend(ws, asOf, before);
  await storeMonthlyOverview(ws, asOf);
}
