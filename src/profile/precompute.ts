import type { Workspace } from '../db/workspace.js';
import { storeMonthlyOverview } from './monthly-overview.js';
import { storeProfile } from './stored-profile.js';

/**
 * What the readers of the workspace need at once, stored at the as-of date of a command that changed the
 * results: the profile with every stored column group, and the month-by-month overview.
 */
export async function precomputeForReaders(ws: Workspace, asOf: string): Promise<void> {
  await storeProfile(ws, asOf);
  await storeMonthlyOverview(ws, asOf);
}
