import { CUSTOMER_FIELDS, PRODUCT_FIELDS, SALES_FIELDS } from './field-names.js';

/**
 * What each kind of file holds: its canonical fields (src/db/schema.ts), which are required, and
 * the header names (English and Russian) that map onto each field automatically. Header names are compared
 * after `normalizeHeader` (lower case, ё → е, no spaces or punctuation).
 */
export const KINDS = ['sales', 'customers', 'products'] as const;
export type Kind = (typeof KINDS)[number];

export type FieldType = 'id' | 'text' | 'timestamp' | 'number' | 'money';

export interface FieldSpec {
  field: string;
  type: FieldType;
  /** Header names recognised for this field, best first. */
  synonyms: readonly string[];
}

export interface KindSpec {
  fields: readonly FieldSpec[];
  /** Each entry is satisfied when any of its fields is mapped. */
  required: readonly (readonly string[])[];
  /** The field that identifies a row (duplicates are rejected) — customers and products only. */
  key?: string;
}

export const KIND_SPECS: Record<Kind, KindSpec> = {
  sales: {
    fields: SALES_FIELDS,
    required: [['customer_id'], ['ts'], ['amount', 'price']],
  },
  customers: {
    key: 'customer_id',
    fields: CUSTOMER_FIELDS,
    required: [['customer_id']],
  },
  products: {
    key: 'sku',
    fields: PRODUCT_FIELDS,
    required: [['sku']],
  },
};

/** `Код карты` → `кодкарты`; `Customer ID` → `customerid`; `number_of_cds` → `numberofcds`. */
export function normalizeHeader(header: string): string {
  return header
    .toLowerCase()
    .replaceAll('ё', 'е')
    .replace(/[^\p{L}\p{N}]+/gu, '');
}

export function fieldSpec(kind: Kind, field: string): FieldSpec | undefined {
  return KIND_SPECS[kind].fields.find((f) => f.field === field);
}
