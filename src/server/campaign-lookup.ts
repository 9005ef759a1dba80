import { addDays } from '../campaigns/calendar-days.js';
import { CAMPAIGN_COLUMNS } from '../campaigns/find-campaign.js';
import { compileSegment, type Campaign } from '../campaigns/index.js';
import { identifiedSalesRange } from '../db/sales-summary.js';
import type { Workspace } from '../db/workspace.js';
import { isInputError } from '../errors.js';
import { hasPredictions, hasSnapshot } from '../profile/profile.js';
import { ApiError } from './api-error.js';
import type { WindowStatus } from './campaign-schemas.js';

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
  const segment = apiInput(() => compileSegment(selection));
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

/** The library speaks in CLI flags (`--control`); the API's fields have other names. */
const FIELDS: Record<string, string> = {
  '--segment': 'selection',
  '--control': 'control_share',
  '--as-of': 'as_of',
  '--start': 'start',
  '--end': 'end',
  '--seed': 'seed',
  '--name': 'name',
  '--cost-per-contact': 'cost_per_contact',
  '--stratify': 'stratify',
  '--mde': 'mde',
  '--metric': 'metric',
  '--power': 'power',
  '--margin': 'margin',
  '--window': 'window_days',
  '--bootstrap': 'bootstrap',
};

/** A library message with its flags renamed to API fields, leaving `clientele …` commands in backticks alone. */
export function apiWording(message: string): string {
  return message
    .split('`')
    .map((part, i) => (i % 2 === 1 ? part : part.replace(/--[a-z-]+/g, (flag) => FIELDS[flag] ?? flag)))
    .join('`');
}

/** The error with its message in API words; its class (and so its HTTP status) is kept. */
function reworded(error: unknown): unknown {
  if (isInputError(error)) error.message = apiWording(error.message);
  return error;
}

/** Runs library code, rewording its input errors for the API. */
export function apiInput<T>(fn: () => T): T {
  try {
    return fn();
  } catch (error) {
    throw reworded(error);
  }
}

/** `apiInput` for async library code. */
export async function apiInputAsync<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (error) {
    throw reworded(error);
  }
}

/** The default evaluation window's last day (the library's: start to end, else 30 days). */
export function defaultLastDay(c: Pick<Campaign, 'start' | 'end'>): string {
  return c.end ?? addDays(c.start, 29);
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
