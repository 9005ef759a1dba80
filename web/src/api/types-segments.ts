/** The shapes of the segments area's API answers (RFM, segment lists, products, pivot); see /docs. */
import type { GetPivot, GetPivotOptions, GetProducts, GetRfm, GetSegments } from './generated/index.js';

/** A name or method text in both languages, as the API sends segment and stage names. */
export type Text = PivotOption['name'];

export type ValueLabels = PivotOptions['labels'];

export type RfmCell = GetRfm['cells'][number];

export type RfmSegmentTotal = GetRfm['segments'][number];

export type RfmGrid = GetRfm;

export type SegmentCustomers = GetSegments;

export type MatrixCell = GetProducts['matrix'][number];

export type ProductsAnswer = GetProducts;

export type PivotOption = PivotOptions['dimensions'][number];

export type PivotMeasureOption = PivotOptions['measures'][number];

export type PivotOptions = GetPivotOptions;

export type PivotAnswer = GetPivot;
