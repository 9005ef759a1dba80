import { ident, literal } from '../db/sql.js';
import type { Decimal, DateFormat } from './date-decimal.js';
import { KIND_SPECS, type FieldType, type Kind } from './kinds.js';
import type { Mapping } from './mapping.js';
import type { Source, SourceColumn } from './source.js';

export const STAGING_TABLE = 'cl_staging';

export interface ParseRules {
  decimal: Decimal;
  date: DateFormat;
}

/** Upper bound of |amount| that fits DECIMAL(18,2). */
const MAX_MONEY = 1e13;

/**
 * The SQL that reads every row of a source into the staging table: canonical fields parsed, and for each row
 * either reason = NULL (accepted) or the first rule it breaks (reason, message, column, raw text). Row order is
 * the file's, so the staging rowid is the row's ordinal in the source. Sales stage straight into the load's
 * own part table (see src/db/sales-parts.ts), which becomes the load's sales once the rejects are removed.
 */
export function stagingSql(
  kind: Kind,
  source: Source,
  mapping: Mapping,
  rules: ParseRules,
  target: { table: string; temporary: boolean; loadId?: number } = { table: STAGING_TABLE, temporary: true },
): string {
  const cols = source.columns;
  const s = (i: number): string => `s${i}`;
  const srcOf = (field: string): { ref: string; col: SourceColumn } | undefined => {
    const name = mapping[field];
    const i = cols.findIndex((c) => c.name === name);
    return i < 0 ? undefined : { ref: s(i), col: cols[i]! };
  };
  const inner: string[] = cols.map((c, i) => `${ident(c.name)} AS ${s(i)}`);
  if (source.lineMap.kind === 'column')
    inner.push(`CAST(${ident(source.lineMap.column)} AS BIGINT) AS src_line`);
  if (source.invalidColumn) inner.push(`${ident(source.invalidColumn)} AS src_invalid`);
  if (source.rawColumn) inner.push(`${ident(source.rawColumn)} AS src_raw`);

  const spec = KIND_SPECS[kind];
  const parsed: string[] = [];
  for (const f of spec.fields) {
    const src = srcOf(f.field);
    if (src) parsed.push(`${parseExpr(f.type, src.ref, src.col.type, rules)} AS p_${f.field}`);
  }
  const checks: Check[] = [];
  if (source.invalidColumn)
    checks.push({
      when: 'src_invalid IS NOT NULL',
      ok: 'src_invalid IS NULL',
      reason: 'bad_json',
      message: `'not a JSON object'`,
    });
  for (const f of spec.fields) {
    const src = srcOf(f.field);
    if (!src) continue;
    checks.push(...fieldChecks(kind, f.field, f.type, src.ref, mapping, rules));
  }
  if (kind === 'sales' && !mapping['amount'] && mapping['quantity'] && mapping['price']) {
    checks.push({
      when: `abs(p_quantity * p_price) >= ${MAX_MONEY}`,
      ok: `abs(p_quantity * p_price) < ${MAX_MONEY}`,
      reason: 'bad_amount',
      message: `'quantity × price is too large to be an amount'`,
      column: mapping['price'],
    });
  }
  // Most rows break no rule: one cheap test on the parsed values settles that, and only the other rows go
  // through the checks in order (DuckDB evaluates a CASE branch only for the rows that reach it).
  const allOk = [...new Set(checks.map((c) => c.ok))].join(' AND ');
  const reason = checks.length
    ? `CASE WHEN ${allOk} THEN NULL ELSE CASE ${checks.map((c) => `WHEN ${c.when} THEN '${c.reason}'`).join(' ')} END END`
    : 'NULL::VARCHAR';
  const message = checks.length
    ? `CASE ${checks.map((c) => `WHEN ${c.when} THEN ${c.message}`).join(' ')} END`
    : 'NULL';
  const column = checks.length
    ? `CASE ${checks.map((c) => `WHEN ${c.when} THEN ${c.column ? literal(c.column) : 'NULL'}`).join(' ')} END`
    : 'NULL';
  const rawSep =
    source.format === 'csv' && source.delimiter && source.delimiter !== 'whitespace' ? source.delimiter : ',';
  const raw = source.rawColumn ? 'src_raw' : rawLineExpr(cols.length, rawSep);
  const outCols = outputColumns(kind, mapping);
  if (kind !== 'sales') outCols.push(['attributes', attributesExpr(source, mapping)]);
  if (target.loadId !== undefined) outCols.unshift(['load_id', `CAST(${target.loadId} AS INTEGER)`]);
  const out = outCols.map(([name, expr]) => `${expr} AS ${name}`);
  const lineHash = cols.length ? `hash(${cols.map((_, i) => s(i)).join(', ')})` : '0';
  return `CREATE ${target.temporary ? 'TEMP ' : ''}TABLE ${target.table} AS
SELECT ${out.join(',\n  ')},
  reason,
  CASE WHEN reason IS NOT NULL THEN ${message} END AS message,
  CASE WHEN reason IS NOT NULL THEN ${column} END AS "column",
  CASE WHEN reason IS NOT NULL THEN ${raw} END AS raw,
  ${lineHash} AS line_hash,
  ${source.lineMap.kind === 'column' ? 'src_line' : 'NULL::BIGINT'} AS src_line
FROM (
  SELECT *, ${reason} AS reason
  FROM (SELECT ${[...inner, ...parsed].join(',\n    ')} FROM ${source.relation})
)`;
}

interface Check {
  when: string;
  /** A cheap condition on the parsed values under which `when` is false. */
  ok: string;
  reason: string;
  message: string;
  column?: string;
}

const NUMERIC_TYPES =
  /^(TINYINT|SMALLINT|INTEGER|BIGINT|HUGEINT|UTINYINT|USMALLINT|UINTEGER|UBIGINT|FLOAT|DOUBLE|DECIMAL.*)$/;
const TEMPORAL_TYPES = /^(DATE|TIMESTAMP.*)$/;

function parseExpr(type: FieldType, ref: string, sourceType: string, rules: ParseRules): string {
  switch (type) {
    case 'id':
      return `cl_id(${ref})`;
    case 'text':
      return `cl_text(${ref})`;
    case 'number':
    case 'money':
      if (NUMERIC_TYPES.test(sourceType)) return `CAST(${ref} AS DOUBLE)`;
      return `cl_num_${rules.decimal === ',' ? 'comma' : 'dot'}(CAST(${ref} AS VARCHAR))`;
    case 'timestamp':
      if (TEMPORAL_TYPES.test(sourceType)) return `CAST(${ref} AS TIMESTAMP)`;
      if (rules.date.patterns === 'iso') return `TRY_CAST(cl_text(${ref}) AS TIMESTAMP)`;
      return `try_strptime(cl_text(${ref}), [${rules.date.patterns.map(literal).join(', ')}])`;
  }
}

function quoted(ref: string): string {
  return `'"' || left(CAST(${ref} AS VARCHAR), 200) || '"'`;
}

function fieldChecks(
  kind: Kind,
  field: string,
  type: FieldType,
  ref: string,
  mapping: Mapping,
  rules: ParseRules,
): Check[] {
  const column = mapping[field]!;
  const name = literal(column);
  const p = `p_${field}`;
  const empty = `cl_text(${ref}) IS NULL`;
  const spec = KIND_SPECS[kind];
  // An empty field parses to NULL, so a non-NULL parsed value also means the field is not empty.
  if (field === spec.key) {
    const ok = `${p} IS NOT NULL`;
    return [{ when: `${p} IS NULL`, ok, reason: 'missing_key', message: `${name} || ' is empty'`, column }];
  }
  if (type === 'timestamp') {
    const required = kind === 'sales';
    const fmt = literal(rules.date.patterns === 'iso' ? 'yyyy-mm-dd [hh:mm[:ss]]' : rules.date.name);
    const ok = `${p} >= TIMESTAMP '1900-01-01' AND ${p} < TIMESTAMP '2101-01-01'`;
    return [
      ...(required
        ? [{ when: empty, ok, reason: 'missing_date', message: `${name} || ' is empty'`, column }]
        : []),
      {
        when: `NOT ${empty} AND ${p} IS NULL`,
        ok,
        reason: 'bad_date',
        message: `${quoted(ref)} || ' in column ' || ${name} || ' is not a date in the format ' || ${fmt}`,
        column,
      },
      {
        when: `${p} IS NOT NULL AND (year(${p}) < 1900 OR year(${p}) > 2100)`,
        ok,
        reason: 'date_out_of_range',
        message: `${quoted(ref)} || ' in column ' || ${name} || ' is outside the years 1900-2100'`,
        column,
      },
    ];
  }
  if (type === 'number' || type === 'money') {
    const label =
      field === 'amount'
        ? 'amount'
        : field === 'price'
          ? 'price'
          : field === 'quantity'
            ? 'quantity'
            : 'cost';
    const requiredEmpty =
      kind === 'sales' &&
      (field === 'amount' ||
        (field === 'price' && !mapping['amount']) ||
        (field === 'quantity' && !mapping['amount']));
    if (kind === 'sales' && field === 'price' && mapping['amount']) return [];
    const bad = `NOT ${empty} AND (${p} IS NULL OR NOT isfinite(${p}) OR abs(${p}) >= ${MAX_MONEY})`;
    // NaN and infinities compare greater than any number.
    const ok = `abs(${p}) < ${MAX_MONEY}`;
    return [
      ...(requiredEmpty
        ? [{ when: empty, ok, reason: `missing_${label}`, message: `${name} || ' is empty'`, column }]
        : []),
      {
        when: bad,
        ok,
        reason: `bad_${label}`,
        message: `${quoted(ref)} || ' in column ' || ${name} || ' is not a number'`,
        column,
      },
    ];
  }
  return [];
}

/** The canonical columns of the staging table, as SQL over the parsed `p_*` values. */
function outputColumns(kind: Kind, mapping: Mapping): [string, string][] {
  const p = (field: string, type = 'VARCHAR'): string => (mapping[field] ? `p_${field}` : `NULL::${type}`);
  // Through DECIMAL(18,4) first, so 1.005 rounds to 1.01 as on paper, not to 1.00 as its binary double does
  // (18,4 is 64-bit, much faster than 38 digits; amounts are checked to stay below MAX_MONEY).
  const dec = (expr: string): string => `CAST(${expr} AS DECIMAL(18,4))`;
  const money = (expr: string): string => `CAST(round(${expr}, 2) AS DECIMAL(18,2))`;
  switch (kind) {
    case 'sales': {
      const amount = mapping['amount']
        ? money(dec('p_amount'))
        : money(dec(mapping['quantity'] ? 'p_quantity * p_price' : 'p_price'));
      const order = mapping['order_id']
        ? `coalesce(p_order_id, coalesce(p_customer_id, '') || '@' || strftime(p_ts, '%Y-%m-%d %H:%M:%S'))`
        : `coalesce(p_customer_id, '') || '@' || strftime(p_ts, '%Y-%m-%d %H:%M:%S')`;
      return [
        ['customer_id', p('customer_id')],
        ['order_id', order],
        ['ts', 'p_ts'],
        ['amount', `CASE WHEN reason IS NULL THEN ${amount} END`],
        ['quantity', p('quantity', 'DOUBLE')],
        ['sku', p('sku')],
        ['store', p('store')],
        ['channel', p('channel')],
        [
          'cost',
          mapping['cost'] ? `CASE WHEN reason IS NULL THEN ${money('p_cost')} END` : 'NULL::DECIMAL(18,2)',
        ],
      ];
    }
    case 'customers':
      return [
        ['customer_id', 'p_customer_id'],
        ['created_at', p('created_at', 'TIMESTAMP')],
        ['name', p('name')],
        ['email', p('email')],
        ['phone', p('phone')],
        ['region', p('region')],
      ];
    case 'products':
      return [
        ['sku', 'p_sku'],
        ['name', p('name')],
        ['category', p('category')],
        ['brand', p('brand')],
        [
          'price',
          mapping['price'] ? `CASE WHEN reason IS NULL THEN ${money('p_price')} END` : 'NULL::DECIMAL(18,2)',
        ],
      ];
  }
}

/** The row as a delimited line (fields with the separator, quotes or line breaks are quoted). */
function rawLineExpr(n: number, sep: string): string {
  if (n === 0) return `''`;
  const d = literal(sep);
  const parts = Array.from({ length: n }, (_, i) => {
    const v = `coalesce(CAST(s${i} AS VARCHAR), '')`;
    return `CASE WHEN contains(${v}, ${d}) OR contains(${v}, '"') OR contains(${v}, chr(10)) THEN '"' || replace(${v}, '"', '""') || '"' ELSE ${v} END`;
  });
  return `concat_ws(${d}, ${parts.join(', ')})`;
}

/** Unmapped source columns kept as a JSON object of text (customers' and products' attributes). */
function attributesExpr(source: Source, mapping: Mapping): string {
  const mapped = new Set(Object.values(mapping));
  const rest = source.columns.map((c, i) => ({ c, i })).filter(({ c }) => !mapped.has(c.name));
  if (rest.length === 0) return 'NULL::JSON';
  return `json_object(${rest.map(({ c, i }) => `${literal(c.name)}, cl_text(s${i})`).join(', ')})`;
}
