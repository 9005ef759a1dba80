import type { Metric } from '../metrics/metric.js';

export type FieldType = 'number' | 'text' | 'date' | 'boolean';

/** A column an expression may test, with the type its values must have. */
export interface ExpressionField {
  name: string;
  type: FieldType;
}

const FIELD_TYPES: Readonly<Record<Metric['type'], FieldType>> = {
  VARCHAR: 'text',
  DOUBLE: 'number',
  BIGINT: 'number',
  INTEGER: 'number',
  DATE: 'date',
  TIMESTAMP: 'date',
};

/** The fields of profile metrics, typed from their DuckDB types: `metricFields(PROFILE_METRICS)`. */
export function metricFields(metrics: readonly Pick<Metric, 'id' | 'type'>[]): ExpressionField[] {
  return metrics.map((m) => ({ name: m.id, type: FIELD_TYPES[m.type] }));
}
