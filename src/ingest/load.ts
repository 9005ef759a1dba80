import { dirname, join, resolve } from 'node:path';
import { rmSync, readdirSync } from 'node:fs';
import { isResourceError } from '../db/resource-error.js';
import { errorMessage, field, InputError } from '../errors.js';
import { ident, literal } from '../db/sql.js';
import type { Workspace } from '../db/workspace.js';
import type { Encoding } from './encoding.js';
import {
  detectDateFormat,
  detectDecimal,
  DATE_FORMATS,
  type DateFormat,
  type Decimal,
} from './date-decimal.js';
import { KIND_SPECS, type Kind } from './kinds.js';
import { chooseMapping, type Mapping } from './mapping.js';
import { openSource } from './open-source.js';
import { insertRejects, LOAD_REJECTS } from './load-rejects.js';
import { loadReport, rejectSummary, type LoadReport } from './load-report.js';
import { REJECT_ERRORS_TABLE, REJECT_SCANS_TABLE, type Source } from './source.js';
import { STAGING_TABLE, stagingSql, type ParseRules } from './staging.js';
import { watchProgress, type ProgressListener } from '../util/progress.js';
import { refreshSalesView, salesPartTable } from '../db/sales-parts.js';
import { refuseSalesFromFiles } from '../db/linked-source.js';

export interface IngestOptions {
  kind?: Kind;
  map?: Mapping;
  encoding?: Encoding;
  delimiter?: string;
  decimal?: Decimal;
  dateFormat?: DateFormat;
  sheet?: string;
  onProgress?: ProgressListener;
}

/**
 * Loads one file into the workspace. Every row read is either accepted into the canonical table or kept in
 * `rejects` with its source line and reason (rows_read = rows_accepted + rows_rejected); the load is one
 * transaction; a file whose content was loaded before (same kind) adds nothing.
 */
export async function ingestFile(
  ws: Workspace,
  file: string,
  options: IngestOptions = {},
): Promise<LoadReport> {
  const started = Date.now();
  const tmpDir = join(dirname(ws.path), '.clientele-tmp');
  const source = await openSource(ws, file, {
    encoding: options.encoding,
    delimiter: options.delimiter,
    sheet: options.sheet,
    decimal: options.decimal,
    tmpDir,
    onBytes: (done, total) => options.onProgress?.({ phase: 'reading', done, total, unit: 'bytes' }),
  });
  // Hashing starts now and goes on while DuckDB reads the rows; a failed load still waits for it below, and
  // meanwhile its rejection must not count as unhandled.
  const hashing = source.hash();
  hashing.catch(() => undefined);
  try {
    const resolved = chooseMapping(
      options.kind,
      source.columns.map((c) => c.name),
      options.map ?? {},
      file,
    );
    if (resolved.kind === 'sales') await refuseSalesFromFiles(ws, file);
    const previous = await previousLoad(ws, source, resolved.kind);
    if (previous) return { ...(await loadReport(ws, previous.load_id)), already_loaded: true };
    const rules = detectRules(resolved.kind, source, resolved.mapping, options);
    return await load(
      ws,
      source,
      resolved.kind,
      resolved.mapping,
      resolved.unmapped,
      rules,
      options,
      started,
    );
  } finally {
    await hashing.catch(() => undefined);
    await ws.run(`DROP TABLE IF EXISTS ${STAGING_TABLE}`).catch(() => undefined);
    source.cleanup();
    removeIfEmpty(tmpDir);
  }
}

/**
 * The earlier load of the same content and kind, if any. Only a file of as many bytes can have the same
 * content, so the hash (which may still be being computed) is waited for only when there is one.
 */
async function previousLoad(
  ws: Workspace,
  source: Source,
  kind: Kind,
): Promise<{ load_id: number } | undefined> {
  const sameSize = await ws.one(`SELECT 1 FROM loads WHERE kind = $1 AND bytes = $2 LIMIT 1`, [
    kind,
    source.bytes,
  ]);
  if (!sameSize) return undefined;
  return ws.one<{ load_id: number }>(`SELECT load_id FROM loads WHERE content_hash = $1 AND kind = $2`, [
    await source.hash(),
    kind,
  ]);
}

export interface Rules extends ParseRules {
  ambiguousDate: boolean;
}

export function detectRules(kind: Kind, source: Source, mapping: Mapping, options: IngestOptions): Rules {
  const valuesOf = (field: string): string[] => {
    const i = source.columns.findIndex((c) => c.name === mapping[field]);
    return i < 0 ? [] : source.sample.map((row) => row[i] ?? '');
  };
  const spec = KIND_SPECS[kind];
  const numeric = spec.fields
    .filter((f) => f.type === 'money' || f.type === 'number')
    .flatMap((f) => valuesOf(f.field));
  const decimal = options.decimal ?? source.decimal ?? detectDecimal(numeric, source.delimiter);
  const tsField = spec.fields.find((f) => f.type === 'timestamp' && mapping[f.field]);
  if (options.dateFormat) return { decimal, date: options.dateFormat, ambiguousDate: false };
  const found = tsField ? detectDateFormat(valuesOf(tsField.field)) : undefined;
  if (tsField && !found && valuesOf(tsField.field).some((v) => v.trim() !== '')) {
    const examples = valuesOf(tsField.field)
      .filter((v) => v.trim() !== '')
      .slice(0, 3);
    throw new InputError(
      `${source.file}: the dates in column "${mapping[tsField.field]}" (e.g. ${examples.map((e) => `"${e}"`).join(', ')}) ` +
        `are in no format Clientele knows. Pass ${field('dateFormat')}, e.g. ${field('dateFormat')} dd.mm.yyyy or a pattern like %d.%m.%Y %H:%M.`,
    );
  }
  return { decimal, date: found?.format ?? DATE_FORMATS['iso']!, ambiguousDate: found?.ambiguous ?? false };
}

/** What a caller of `load` may add to the load's commit (a linked source replacing an earlier month's load). */
export interface LoadHooks {
  /** Runs inside the transaction that makes the load visible, after its rows and its `loads` entry. */
  inCommit?: (loadId: number) => Promise<void>;
}

/** Checks, stores and reports the rows of an opened source as one load (one transaction). */
export async function load(
  ws: Workspace,
  source: Source,
  kind: Kind,
  mapping: Mapping,
  unmapped: string[],
  rules: Rules,
  options: IngestOptions,
  started: number,
  hooks: LoadHooks = {},
): Promise<LoadReport> {
  await ws.run(`DROP TABLE IF EXISTS ${STAGING_TABLE}`);
  await ws.run(`DROP TABLE IF EXISTS ${REJECT_ERRORS_TABLE}`);
  await ws.run(`DROP TABLE IF EXISTS ${REJECT_SCANS_TABLE}`);
  const loadId = Number(await ws.scalar(`SELECT nextval('load_id_seq')`));
  // Sales stage straight into the load's own part table; the others into a TEMP table. Both are created outside
  // the transaction (their rowids are then the rows' ordinals); everything that makes the load visible happens
  // in one transaction, and a failed load drops its part table.
  const target =
    kind === 'sales'
      ? { table: salesPartTable(loadId), temporary: false, loadId }
      : { table: STAGING_TABLE, temporary: true };
  const stop = watchProgress(ws, 'loading', options.onProgress);
  let committed = false;
  try {
    try {
      await ws.run(stagingSql(kind, source, mapping, rules, target));
    } catch (error) {
      if (isResourceError(error)) throw error;
      throw new InputError(
        `${source.file} could not be read: ${(errorMessage(error).split('\n')[0] ?? '').trim()}`,
      );
    } finally {
      stop();
    }
    options.onProgress?.({ phase: 'checking', done: 0, total: 1, unit: 'steps' });
    const key = KIND_SPECS[kind].key;
    if (key) await rejectDuplicateKeys(ws, target.table, key);
    const report = await commitLoad(
      ws,
      target.table,
      loadId,
      source,
      kind,
      mapping,
      unmapped,
      rules,
      started,
      hooks,
    );
    committed = true;
    return report;
  } finally {
    if (!committed && !target.temporary) {
      await ws.run(`DROP TABLE IF EXISTS ${target.table}`).catch(() => undefined);
    }
  }
}

async function commitLoad(
  ws: Workspace,
  stage: string,
  loadId: number,
  source: Source,
  kind: Kind,
  mapping: Mapping,
  unmapped: string[],
  rules: Rules,
  started: number,
  hooks: LoadHooks,
): Promise<LoadReport> {
  const warnings = [...source.warnings];
  if (rules.ambiguousDate) {
    warnings.push(
      `Dates like ${rules.date.name} could also be read with day and month swapped; ${rules.date.name} was assumed. Pass ${field('dateFormat')} dd/mm/yyyy if that is wrong.`,
    );
  }
  const stats = await ws.one<{
    staged: number;
    accepted: number;
    anonymous: number;
    returns: number;
    customers: number;
    date_min: string | null;
    date_max: string | null;
  }>(statsSql(stage, kind));
  if (!stats) throw new Error('no statistics');
  const duplicateLines = await countDuplicateLines(ws, stage);
  await ws.run(`CREATE OR REPLACE TEMP TABLE ${LOAD_REJECTS} AS SELECT * FROM rejects WHERE false`);
  const readerRejected = await insertRejects(ws, stage, source, loadId, warnings);
  if (kind === 'sales') await finishSalesPart(ws, stage);
  const rowsRejected = stats.staged - stats.accepted + readerRejected;
  const hash = await source.hash();
  const seconds = (Date.now() - started) / 1000;
  const report: Omit<LoadReport, 'rejects' | 'load_id' | 'already_loaded' | 'line_label'> = {
    file: source.file,
    kind,
    format: source.format,
    rows_read: stats.accepted + rowsRejected,
    rows_accepted: stats.accepted,
    rows_rejected: rowsRejected,
    rows_anonymous: stats.anonymous,
    rows_returns: stats.returns,
    duplicate_lines: duplicateLines,
    customers: stats.customers,
    date_min: stats.date_min,
    date_max: stats.date_max,
    mapping,
    unmapped,
    detected: {
      encoding: source.encoding,
      delimiter: source.delimiter,
      header_line: source.headerLine,
      decimal: rules.decimal,
      date_format: KIND_SPECS[kind].fields.some((f) => f.type === 'timestamp' && mapping[f.field])
        ? rules.date.name
        : null,
      date_format_ambiguous: rules.ambiguousDate,
    },
    warnings,
    seconds,
  };
  // Everything that makes the load visible — its rejects, its rows, its entry in `loads` — in one transaction.
  await ws.transaction(async () => {
    await ws.run(`INSERT INTO rejects SELECT * FROM ${LOAD_REJECTS}`);
    await insertRows(ws, stage, kind, loadId);
    await ws.run(
      `INSERT INTO loads VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17,
       CAST($18 AS TIMESTAMP), CAST($19 AS TIMESTAMP), $20, now()::TIMESTAMP, $21)`,
      [
        loadId,
        kind,
        source.format === 'clickhouse' ? source.file : resolve(source.file),
        hash,
        source.bytes,
        source.format,
        source.encoding,
        source.delimiter,
        JSON.stringify(mapping),
        JSON.stringify({ detected: report.detected, unmapped, line_label: source.lineLabel }),
        report.rows_read,
        report.rows_accepted,
        report.rows_rejected,
        report.rows_anonymous,
        report.rows_returns,
        report.duplicate_lines,
        report.customers,
        report.date_min,
        report.date_max,
        JSON.stringify(warnings),
        seconds,
      ],
    );
    await hooks.inCommit?.(loadId);
  });
  await ws.run(`DROP TABLE IF EXISTS ${LOAD_REJECTS}`);
  return {
    ...report,
    load_id: loadId,
    already_loaded: false,
    line_label: source.lineLabel,
    rejects: await rejectSummary(ws, loadId),
  };
}

/**
 * The part table becomes the load's sales: rejected rows out, staging columns dropped. It is not in the
 * `sales` view until the commit adds it; a load killed before then leaves a table that the next open drops.
 */
async function finishSalesPart(ws: Workspace, stage: string): Promise<void> {
  await ws.run(`DELETE FROM ${stage} WHERE reason IS NOT NULL`);
  for (const c of ['reason', 'message', 'column', 'raw', 'line_hash', 'src_line']) {
    await ws.run(`ALTER TABLE ${stage} DROP COLUMN ${ident(c)}`);
  }
}

async function rejectDuplicateKeys(ws: Workspace, stage: string, key: string): Promise<void> {
  await ws.run(`UPDATE ${stage} SET reason = 'duplicate_key',
      message = ${literal(key)} || ' ' || ${ident(key)} || ' already appears on an earlier line', "column" = ${literal(key)},
      raw = '(duplicate of an earlier line)'
    WHERE rowid IN (
      SELECT rid FROM (
        SELECT rowid AS rid, row_number() OVER (PARTITION BY ${ident(key)} ORDER BY rowid) AS n
        FROM ${stage} WHERE reason IS NULL)
      WHERE n > 1)`);
}

async function insertRows(ws: Workspace, stage: string, kind: Kind, loadId: number): Promise<void> {
  switch (kind) {
    case 'sales':
      await refreshSalesView(ws, [stage]);
      return;
    case 'customers':
      await ws.run(
        `DELETE FROM customers WHERE customer_id IN (SELECT customer_id FROM ${stage} WHERE reason IS NULL)`,
      );
      await ws.run(
        `INSERT INTO customers SELECT customer_id, created_at, name, email, phone, region, attributes, $1
         FROM ${stage} WHERE reason IS NULL`,
        [loadId],
      );
      return;
    case 'products':
      await ws.run(`DELETE FROM products WHERE sku IN (SELECT sku FROM ${stage} WHERE reason IS NULL)`);
      await ws.run(
        `INSERT INTO products SELECT sku, name, category, brand, price, attributes, $1
         FROM ${stage} WHERE reason IS NULL`,
        [loadId],
      );
      return;
  }
}

function statsSql(stage: string, kind: Kind): string {
  const ok = 'reason IS NULL';
  const customer = kind === 'products' ? 'NULL' : 'customer_id';
  const ts = kind === 'sales' ? 'ts' : kind === 'customers' ? 'created_at' : 'NULL::TIMESTAMP';
  return `SELECT count(*) AS staged,
      count(*) FILTER (WHERE ${ok}) AS accepted,
      ${kind === 'sales' ? `count(*) FILTER (WHERE ${ok} AND customer_id IS NULL)` : '0'} AS anonymous,
      ${kind === 'sales' ? `count(*) FILTER (WHERE ${ok} AND amount < 0)` : '0'} AS returns,
      count(DISTINCT ${customer}) FILTER (WHERE ${ok}) AS customers,
      min(${ts}) FILTER (WHERE ${ok}) AS date_min,
      max(${ts}) FILTER (WHERE ${ok}) AS date_max
    FROM ${stage}`;
}

/**
 * Lines that repeat an earlier line: in the order of their hashes, the rows whose hash equals the one before.
 * That is count(*) - count(DISTINCT line_hash), but sorting millions of hashes is cheaper than the hash table
 * of count(DISTINCT), whose millions of groups miss the CPU caches.
 */
async function countDuplicateLines(ws: Workspace, stage: string): Promise<number> {
  return Number(
    await ws.scalar(
      `SELECT count(*) FILTER (WHERE h = previous) FROM (
         SELECT line_hash AS h, lag(line_hash) OVER (ORDER BY line_hash) AS previous FROM ${stage})`,
    ),
  );
}

function removeIfEmpty(dir: string): void {
  try {
    if (readdirSync(dir).length === 0) rmSync(dir, { recursive: true, force: true });
  } catch {
    // not created
  }
}
