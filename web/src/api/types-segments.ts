/** The shapes of the segments area's API answers (RFM, segment lists, products, pivot); see /docs. */
import type { Unit } from '../i18n/numbers-dates.js';
import type { Row } from './types.js';
import type { GetRfm, GetSegments } from './generated/api-responses.js';

/** A name or method text in both languages, as the API sends segment and stage names. */
export interface Text {
  en: string;
  ru: string;
}

export interface ValueLabels {
  rfm_segment: Record<string, Text>;
  stage: Record<string, Text>;
}

export interface RfmCell {
  r: number;
  fm: number;
  segment: string;
  customers: number;
  revenue: number;
}

export interface RfmSegmentTotal {
  segment: string;
  name: Text;
  customers: number;
  revenue: number;
  customer_share: number | null;
  revenue_share: number | null;
  cells: number;
}

export type RfmGrid = GetRfm;

export type SegmentCustomers = GetSegments;

export interface MatrixCell {
  abc: string;
  xyz: string | null;
  count: number;
  revenue: number;
  count_share: number | null;
  revenue_share: number | null;
}

export interface ProductsAnswer {
  as_of: string;
  from_month: string;
  thresholds: { a: number; b: number; x: number; y: number };
  products: number;
  revenue: number;
  quantity: number;
  matrix: MatrixCell[];
  pareto: { rank: number; sku_share: number; revenue_share: number | null }[];
  customers: { as_of: string; month: string; matrix: MatrixCell[] } | null;
  customers_error: string | null;
  total: number;
  limit: number;
  offset: number;
  rows: Row[];
}

export interface PivotOption {
  id: string;
  name: Text;
  method: Text;
}

export interface PivotMeasureOption extends PivotOption {
  unit: Unit;
  additive: boolean;
  predictions: boolean;
}

export interface PivotOptions {
  dimensions: PivotOption[];
  measures: PivotMeasureOption[];
  predictions: boolean;
  analysis: { as_of: string; snapshots: { as_of: string; month: string }[] } | null;
  labels: ValueLabels;
}

export interface PivotAnswer {
  rows: string;
  cols: string | null;
  measures: string[];
  filters: string[];
  as_of: string | null;
  month: string | null;
  columns: string[];
  cells: Row[];
  truncated: boolean;
  labels: ValueLabels;
}
