import { identifiedSalesRange } from '../db/sales-summary.js';
import type { Workspace } from '../db/workspace.js';
import { InputError } from '../errors.js';
import { addDays, daysBetween } from './calendar-days.js';
import type { Campaign } from './find-campaign.js';

/** The days over which a campaign's outcomes are counted, and the pre-period of the same length before it. */
export interface EvaluationWindow {
  days: number;
  /** First day of the window: the campaign's start. */
  start: string;
  /** The day after the window (exclusive bound): outcomes are sales with start ≤ ts < end. */
  end: string;
  last_day: string;
  /** Pre-period [pre_start, start) of the same length, for CUPED and difference-in-differences. */
  pre_start: string;
  /** Whether the workspace has sales from the pre-period's first day on (otherwise no pre-period adjustment). */
  pre_period_observed: boolean;
  /** The day of the latest sale in the workspace. */
  sales_until: string;
  /** The sales reach the window's last day. */
  complete: boolean;
  /** How the length was chosen. */
  basis: 'given' | 'campaign start to end' | 'default 30 days';
}

/** Days of the default evaluation window: from the campaign's start to its end day inclusive, else 30. */
export function defaultWindowDays(c: Pick<Campaign, 'start' | 'end'>): number {
  return c.end === null ? 30 : daysBetween(c.start, c.end) + 1;
}

/** The last day of the default evaluation window. */
export function defaultLastDay(c: Pick<Campaign, 'start' | 'end'>): string {
  return addDays(c.start, defaultWindowDays(c) - 1);
}

/**
 * The evaluation window of a campaign: `days` from its start when given, else from its start to its end day
 * inclusive, else 30 days. Fails when no sale has been loaded from the start on.
 */
export async function evaluationWindow(
  ws: Workspace,
  campaign: Campaign,
  days: number | undefined,
): Promise<EvaluationWindow> {
  const length = days ?? defaultWindowDays(campaign);
  const { first, last } = await identifiedSalesRange(ws);
  if (last === null || last < campaign.start) {
    throw new InputError(
      `Campaign "${campaign.name}" starts on ${campaign.start}, but the latest sale loaded is ${last ?? 'none'}: load the sales of the campaign period (\`clientele ingest FILE\`) and evaluate again.`,
    );
  }
  const preStart = addDays(campaign.start, -length);
  const lastDay = addDays(campaign.start, length - 1);
  return {
    days: length,
    start: campaign.start,
    end: addDays(campaign.start, length),
    last_day: lastDay,
    pre_start: preStart,
    pre_period_observed: first !== null && first <= preStart,
    sales_until: last,
    complete: last >= lastDay,
    basis: days !== undefined ? 'given' : campaign.end === null ? 'default 30 days' : 'campaign start to end',
  };
}
