import type { Stage } from './stages.js';

/**
 * Lifecycle stage at a snapshot date, from the customer's own rhythm (r, s) and thresholds derived from the
 * data as of that date:
 *   G  = the 90th percentile of the gap between first and second purchase (customers with a second purchase)
 *   L  = the 95th percentile of all gaps between consecutive purchase days (the population lapse point)
 * Rules, first match wins (recency = days since the last purchase):
 *   new             the first purchase falls in the snapshot's month
 *   one_time        one purchase day, recency ≤ G
 *   asleep          one purchase day, G < recency ≤ max(G, L)
 *   lost            one purchase day, recency > max(G, L)
 *   active          recency ≤ r + s
 *   falling_asleep  r + s < recency ≤ r + 2s
 *   asleep          r + 2s < recency ≤ max(L, r + 3s)
 *   lost            recency > max(L, r + 3s)
 *   restored        instead of active: the last purchase was made in a month that began with the customer
 *                   asleep or lost (at the previous snapshot), and no purchase has followed it
 */
export interface LifecycleOptions {
  /** Weight of the population rhythm, in gaps. */
  kappa: number;
  /** Quantile of first-to-second purchase gaps that ends the one-time stage. */
  oneTimeQuantile: number;
  /** Quantile of all gaps beyond which a customer is lost. */
  lapseQuantile: number;
}

export const DEFAULT_LIFECYCLE: LifecycleOptions = { kappa: 2, oneTimeQuantile: 0.9, lapseQuantile: 0.95 };

export interface StageColumns {
  firstInPeriod: string;
  purchaseDays: string;
  recency: string;
  r: string;
  s: string;
  g: string;
  l: string;
}

/** The stage before `restored` is considered (restored needs the previous snapshot's stage). */
export function baseStageSql(c: StageColumns): string {
  const one = `greatest(${c.g}, ${c.l})`;
  const stage = (s: Stage): string => `'${s}'`;
  return `CASE
    WHEN ${c.firstInPeriod} THEN ${stage('new')}
    WHEN ${c.purchaseDays} = 1 AND ${c.recency} <= ${c.g} THEN ${stage('one_time')}
    WHEN ${c.purchaseDays} = 1 AND ${c.recency} <= ${one} THEN ${stage('asleep')}
    WHEN ${c.purchaseDays} = 1 THEN ${stage('lost')}
    WHEN ${c.recency} <= ${c.r} + ${c.s} THEN ${stage('active')}
    WHEN ${c.recency} <= ${c.r} + 2 * ${c.s} THEN ${stage('falling_asleep')}
    WHEN ${c.recency} <= greatest(${c.l}, ${c.r} + 3 * ${c.s}) THEN ${stage('asleep')}
    ELSE ${stage('lost')} END`;
}

/** The day the current stage began, for stages defined by recency (null otherwise). */
export function recencyStageStartSql(stage: string, c: StageColumns & { lastPurchase: string }): string {
  const after = (threshold: string): string => `${c.lastPurchase} + CAST(floor(${threshold}) AS INTEGER) + 1`;
  return `CASE
    WHEN ${stage} = 'falling_asleep' THEN ${after(`${c.r} + ${c.s}`)}
    WHEN ${stage} = 'asleep' AND ${c.purchaseDays} = 1 THEN ${after(c.g)}
    WHEN ${stage} = 'asleep' THEN ${after(`${c.r} + 2 * ${c.s}`)}
    WHEN ${stage} = 'lost' AND ${c.purchaseDays} = 1 THEN ${after(`greatest(${c.g}, ${c.l})`)}
    WHEN ${stage} = 'lost' THEN ${after(`greatest(${c.l}, ${c.r} + 3 * ${c.s})`)}
  END`;
}
