import { CAMPAIGN_COLUMNS, defaultLastDay, type Campaign } from '../../../campaigns/index.js';
import { identifiedSalesRange, type Workspace } from '../../../db/index.js';
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

/** Where the loaded sales stand against a campaign's default window. */
export function windowStatus(c: Pick<Campaign, 'start' | 'end'>, salesUntil: string | null): WindowStatus {
  if (salesUntil === null || salesUntil < c.start) return 'before_start';
  return salesUntil < defaultLastDay(c) ? 'in_progress' : 'complete';
}

/** The day of the latest sale of an identified customer, or null. */
export async function salesUntil(ws: Workspace): Promise<string | null> {
  return (await identifiedSalesRange(ws)).last;
}
