import { CUSTOMER_ID_METRIC, PROFILE_METRICS } from './catalogue.js';
import { RHYTHM_METRICS, SNAPSHOT_METRICS } from './segment-metrics.js';
import { segmentMethods, type SegmentSettings } from './segment-methods.js';
import { PREDICTION_METRICS } from './prediction-metrics.js';
import { RECOMMENDATION_METRICS } from './recommendation-metrics.js';
import type { Metric } from './metric.js';

export type { Metric, MetricGroup, Unit, Level, Text } from './metric.js';
export { UNITS } from './metric.js';
export { PROFILE_METRICS, CUSTOMER_ID_METRIC, PURCHASE, RETURN } from './catalogue.js';
export { RHYTHM_METRICS, SNAPSHOT_METRICS } from './segment-metrics.js';
export {
  DEFAULT_SEGMENT_SETTINGS,
  segmentMethods,
  abcMethod,
  xyzMethod,
  type SegmentSettings,
} from './segment-methods.js';
export { PREDICTION_METRICS } from './prediction-metrics.js';
export { RECOMMENDATION_METRICS } from './recommendation-metrics.js';

/** Profile columns in the order people read them. */
export const PROFILE_COLUMNS: readonly string[] = [
  'customer_id',
  'orders',
  'purchase_days',
  'gross_revenue',
  'returns',
  'revenue',
  'items',
  'distinct_skus',
  'first_purchase',
  'last_purchase',
  'recency_days',
  'tenure_days',
  'aov',
  'ipi_mean_days',
  'ipi_median_days',
  'ipi_std_days',
  'rhythm_days',
  'spread_days',
  'expected_next_purchase',
  'days_overdue',
  'orders_30d',
  'orders_90d',
  'orders_365d',
  'revenue_30d',
  'revenue_90d',
  'revenue_365d',
  'purchase_lines',
  'return_lines',
  'return_rate',
  'items_per_order',
  'avg_item_price',
  'distinct_categories',
  'favourite_category',
  'favourite_category_share',
  'category_breadth',
  'favourite_sku',
  'distinct_stores',
  'gross_margin',
  'lifespan_days',
  'orders_per_month',
  'region',
  'registered_at',
];

/** Columns the profile adds when `clientele analyze` has a snapshot at the same as-of date. */
export const SEGMENT_COLUMNS: readonly string[] = SNAPSHOT_METRICS.map((m) => m.id);

/** Columns the profile adds when `clientele predict` stored predictions at the same as-of date. */
export const PREDICTION_COLUMNS: readonly string[] = PREDICTION_METRICS.map((m) => m.id);

/** Columns the profile adds when `clientele recommend` stored recommendations at the same as-of date. */
export const RECOMMENDATION_COLUMNS: readonly string[] = RECOMMENDATION_METRICS.map((m) => m.id);

/**
 * Every documented column, by id. The method texts of the RFM scores, ABC and XYZ state `settings` (those of the
 * stored analysis, see `analysisSettings`), the defaults without.
 */
export function catalogue(settings?: SegmentSettings): Metric[] {
  const metrics = [
    CUSTOMER_ID_METRIC,
    ...PROFILE_METRICS,
    ...RHYTHM_METRICS,
    ...SNAPSHOT_METRICS,
    ...PREDICTION_METRICS,
    ...RECOMMENDATION_METRICS,
  ];
  if (!settings) return metrics;
  const methods = segmentMethods(settings);
  return metrics.map((m) => (methods[m.id] ? { ...m, method: methods[m.id]! } : m));
}

export function metricById(id: string): Metric | undefined {
  return catalogue().find((m) => m.id === id);
}
