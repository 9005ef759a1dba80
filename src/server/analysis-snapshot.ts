import { requireAnalysis, listSnapshots, type SnapshotRow } from '../analyze/index.js';
import { type Workspace } from '../db/index.js';
import { InputError, isInputError } from '../errors.js';
import { parseDate } from '../profile/index.js';
import { ApiError } from './api-error.js';
import { apiMessage } from './api-words.js';

/** The stored analysis, or a 409 that says to run `clientele analyze` (the API's "not computed yet"). */
export async function analysisOr409(ws: Workspace): Promise<{ as_of: string; months: number }> {
  try {
    return await requireAnalysis(ws);
  } catch (error) {
    if (isInputError(error)) throw new ApiError(409, apiMessage(error));
    throw error;
  }
}

/**
 * The analysis snapshot an API request reads: the latest when `asOf` is not given; the snapshot of that date or
 * month (`YYYY-MM`) when there is one; otherwise the latest snapshot before the date, so nothing after the
 * requested day is ever used. The answer says which snapshot it is.
 */
export async function analysisSnapshot(ws: Workspace, asOf: string | undefined): Promise<SnapshotRow> {
  await analysisOr409(ws);
  const all = await listSnapshots(ws);
  const last = all[all.length - 1]!;
  if (asOf === undefined) return last;
  const exact = all.find((s) => s.month === asOf || s.as_of === asOf);
  if (exact) return exact;
  const date = parseDate(asOf, 'as_of');
  const before = all.filter((s) => s.as_of <= date).at(-1);
  if (!before) {
    throw new InputError(
      `as_of ${date} is before the first snapshot of the analysis (${all[0]?.as_of}); ` +
        'run `clientele analyze --as-of DATE --months N` to cover earlier dates.',
    );
  }
  return before;
}
