import type { ExpressionField } from '../../src/expr/index.js';

/** The fields of the test table: a few profile metrics, a stage, RFM, predictions and a Cyrillic attribute. */
export const FIELDS: readonly ExpressionField[] = [
  { name: 'customer_id', type: 'text' },
  { name: 'stage', type: 'text' },
  { name: 'revenue', type: 'number' },
  { name: 'orders', type: 'number' },
  { name: 'recency_days', type: 'number' },
  { name: 'rfm_segment', type: 'text' },
  { name: 'region', type: 'text' },
  { name: 'Регион', type: 'text' },
  { name: 'last_purchase', type: 'date' },
  { name: 'churn_risk', type: 'number' },
  { name: 'clv', type: 'number' },
  { name: 'email', type: 'text' },
  { name: 'is_vip', type: 'boolean' },
];
