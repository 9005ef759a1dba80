import { CAMPAIGN_COLUMNS, compileSegment, defaultLastDay, type Campaign } from '../../../campaigns/index.js';
import { identifiedSalesRange, type Workspace } from '../../../db/index.js';
import { hasPredictions, hasSnapshot } from '../../../profile/index.js';
import { ApiError } from '../../api-error.js';
import type { WindowStatus } from './schemas.js';

/** The stored campaign with this id, or a 404. */
export async function campaignById(ws: Workspace, id: number): Promise<Campaign> {
  const found = (await ws.tableExists('campaigns'))
    ? await ws.one<Campaign>(`SELECT ${CAMPAIGN_COLUMNS} FROM campaigns WHERE campaign_id = $1`, [id])
    : undefined;
  if (!found)
    throw new ApiError(404, `There is no campaign ${id} in this workspace (GET /api/campaigns lists them).`);
  return found;
}

/**
 * Checks a selection rule before the library runs it: a rule that does not parse is a 400 (with the parser's
 * message); a rule over analysis or prediction columns with no analysis or predictions at the selection date is a
 * 409 that says what to run.
 */
export async function requireSelectionData(ws: Workspace, selection: string, asOf: string): Promise<void> {
  const segment = compileSegment(selection);
  if (segment.needsSegments && !(await hasSnapshot(ws, asOf))) {
    throw new ApiError(
      409,
      `The selection uses stage, RFM or ABC/XYZ columns, which \`clientele analyze\` computes, but there is no analysis at ${asOf}. ` +
        `Run \`clientele analyze --as-of ${asOf}\`, or choose the date of a stored analysis as the selection date (as_of; GET /api/campaigns/fields lists them).`,
    );
  }
  if (segment.needsPredictions && !(await hasPredictions(ws, asOf))) {
    throw new ApiError(
      409,
      `The selection uses prediction columns (CLV, churn risk…), which \`clientele predict\` computes, but there are no predictions at ${asOf}. ` +
        `Run \`clientele predict --as-of ${asOf}\` first.`,
    );
  }
}

/** Where the loaded sales stand against a campaign's default window. */
export function windowStatus(c: Pick<Campaign, 'start' | 'end'>, salesUntil: string | null): WindowStatus {
  if (salesUntil === null || salesUntil < c.start) return 'before_start';
  return salesUntil < defaultLastDay(c) ? 'in_progress' : 'complete';
}

/** The day of the latest sale of an identified customer, or null. */
export async function salesUntil(ws: Workspace): Promise<string | null> {
  return (await identifiedSalesRange(ws)).last;
}
