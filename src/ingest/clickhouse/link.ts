import { mkdirSync, readdirSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { refreshSalesView, salesPartTable } from '../../db/sales-parts.js';
import type { Workspace } from '../../db/workspace.js';
import { ConflictError, InputError } from '../../errors.js';
import { detectRules, load, type IngestOptions } from '../load.js';
import type { LoadReport, RejectSummary } from '../load-report.js';
import { chooseMapping } from '../mapping.js';
import type { Source } from '../source.js';
import { checkColumnTypes, linkedColumns, type LinkedColumn } from './columns.js';
import { ClickHouseConnection } from './connection.js';
import { chIdent, chString, chTable } from './quote.js';
import { pullSource, type PulledSource } from './source.js';
import { CLICKHOUSE_PASSWORD_ENV, parseClickHouseUrl, type ClickHouseTarget } from './target.js';

export interface LinkOptions extends IngestOptions {
  /** Reach the server over HTTPS. */
  ssl?: boolean;
  /** Default: the environment variable CLIENTELE_CLICKHOUSE_PASSWORD. */
  password?: string;
}

/** What `clientele ingest clickhouse://… --json` prints: the load report of the whole linked table, and what this run moved. */
export interface LinkReport extends LoadReport {
  source: string;
  /** Months of sales (YYYY-MM; `all` when the dates are text) by what this run did with them. */
  months: { loaded: string[]; reloaded: string[]; removed: string[]; unchanged: number };
  /** Bytes received from the server by this run for the lines (compressed CSV, as they crossed the network). */
  bytes_transferred: number;
}

interface Part {
  month: string;
  lines: number;
  signature: string;
  where: string | null;
}

interface StoredMonth {
  month: string;
  lines: number;
  signature: string;
  load_id: number;
}

/**
 * Links the workspace to a ClickHouse table of sales, or brings the link up to date. The table is read per
 * month of sales: a month not seen before is transferred and loaded; a month whose lines or their values
 * changed (count or signature differ from what was recorded) is transferred again and replaces its earlier
 * load in one transaction; a month gone from the table is removed. Each month is one load, checked by the same
 * rules as a file's lines, so everything computed afterwards is what the same lines loaded from a file give.
 */
export async function linkClickHouse(
  ws: Workspace,
  address: string,
  options: LinkOptions = {},
): Promise<LinkReport> {
  const started = Date.now();
  const target = parseClickHouseUrl(address, {
    ssl: options.ssl,
    password: options.password ?? process.env[CLICKHOUSE_PASSWORD_ENV] ?? '',
  });
  if (options.kind && options.kind !== 'sales') {
    throw new InputError(
      'A ClickHouse table is linked as sales; load customers and products from files (or export them to a file).',
    );
  }
  const conn = new ClickHouseConnection(target);
  const tmpDir = join(dirname(ws.path), '.clientele-tmp');
  mkdirSync(tmpDir, { recursive: true });
  try {
    await refuseOtherSales(ws, target);
    const columns = await readColumns(conn);
    const resolved = chooseMapping(
      'sales',
      columns.map((c) => c.name),
      options.map ?? {},
      target.display,
    );
    checkColumnTypes(target, columns, resolved.mapping);
    const mapped = new Set(Object.values(resolved.mapping));
    const used = columns.filter((c) => mapped.has(c.name));
    const sample = await sampleRows(conn, used);
    const rules = detectRules('sales', detectionSource(target, used, sample), resolved.mapping, options);
    const ts = used.find((c) => c.name === resolved.mapping['ts'])!;
    const parts = await monthParts(conn, columns, ts);
    const storedMapping = await ws.one<{ mapping: string }>(`SELECT mapping FROM linked_source`);
    const sameMapping = storedMapping?.mapping === JSON.stringify(resolved.mapping);
    const storedAll = await ws.all<StoredMonth>(`SELECT month, lines, signature, load_id FROM linked_months`);
    // With another mapping every stored month is stale: all of them are transferred again.
    const byMonth = new Map(sameMapping ? storedAll.map((s) => [s.month, s]) : []);
    const todo = parts.filter((p) => {
      const s = byMonth.get(p.month);
      return !s || Number(s.lines) !== p.lines || s.signature !== p.signature;
    });
    const removed = storedAll.filter((s) => !parts.some((p) => p.month === s.month));
    const months = {
      loaded: todo.filter((p) => !storedAll.some((s) => s.month === p.month)).map((p) => p.month),
      reloaded: todo.filter((p) => storedAll.some((s) => s.month === p.month)).map((p) => p.month),
      removed: removed.map((s) => s.month),
      unchanged: parts.length - todo.length,
    };
    let bytes = 0;
    let done = 0;
    // The next month is transferred while this one is checked and stored.
    const pull = (part: Part): Promise<PulledSource & { identical: number }> => {
      const pulling = (async () => {
        // Counted before the transfer, so that a failure leaves no transferred file behind.
        const identical = await identicalLines(conn, columns, part);
        const source = await pullSource(conn, used, part.where, {
          tmpDir,
          sample,
          signature: part.signature,
          part: part.month,
          onBytes: (b) =>
            options.onProgress?.({ phase: 'transferring', done: done + b, total: 0, unit: 'bytes' }),
        });
        return Object.assign(source, { identical });
      })();
      pulling.catch(() => undefined);
      return pulling;
    };
    let next = todo[0] ? pull(todo[0]) : undefined;
    try {
      for (let i = 0; i < todo.length; i++) {
        const part = todo[i]!;
        const source = await next!;
        next = todo[i + 1] ? pull(todo[i + 1]!) : undefined;
        try {
          bytes += source.wireBytes;
          done += source.bytes;
          await load(ws, source, 'sales', resolved.mapping, resolved.unmapped, rules, options, Date.now(), {
            inCommit: async (loadId) => {
              const earlier = storedAll.find((s) => s.month === part.month);
              if (earlier) await dropLoad(ws, Number(earlier.load_id));
              await ws.run(`DELETE FROM linked_months WHERE month = $1`, [part.month]);
              await ws.run(`INSERT INTO linked_months VALUES ($1, $2, $3, $4)`, [
                part.month,
                part.lines,
                part.signature,
                loadId,
              ]);
              // The server saw every column; the load only the mapped ones.
              await ws.run(`UPDATE loads SET duplicate_lines = $1 WHERE load_id = $2`, [
                source.identical,
                loadId,
              ]);
              await recordSource(ws, target, resolved.mapping);
              await refreshSalesView(ws);
            },
          });
        } finally {
          source.cleanup();
        }
      }
    } finally {
      // A failure leaves a transfer under way: wait for it and remove its file.
      await next?.then(
        (s) => s.cleanup(),
        () => undefined,
      );
    }
    if (removed.length > 0 || (todo.length === 0 && !sameMapping)) {
      await ws.transaction(async () => {
        for (const r of removed) {
          await dropLoad(ws, Number(r.load_id));
          await ws.run(`DELETE FROM linked_months WHERE month = $1`, [r.month]);
        }
        await recordSource(ws, target, resolved.mapping);
        await refreshSalesView(ws);
      });
    }
    return await linkReport(ws, target, {
      months,
      bytes,
      unmapped: resolved.unmapped,
      alreadyLoaded: todo.length === 0 && removed.length === 0,
      seconds: (Date.now() - started) / 1000,
    });
  } finally {
    await conn.close();
    try {
      if (readdirSync(tmpDir).length === 0) rmSync(tmpDir, { recursive: true, force: true });
    } catch {
      // already gone
    }
  }
}

/** The table's columns; the checks in this order give one sentence per problem (server, user, database, table). */
async function readColumns(conn: ClickHouseConnection): Promise<LinkedColumn[]> {
  const { database, table } = conn.target;
  await conn.rows(`SELECT 1 AS ok`);
  const dbs = await conn.rows(`SELECT name FROM system.databases WHERE name = ${chString(database)}`);
  if (dbs.length === 0) throw conn.sentence(new Error(`Code: 81, no database`));
  const rows = await conn.rows<{ name: string; type: string }>(
    `SELECT name, type FROM system.columns WHERE database = ${chString(database)} AND table = ${chString(table)}`,
  );
  if (rows.length === 0) throw conn.sentence(new Error(`Code: 60, no table`));
  return linkedColumns(rows);
}

/** A workspace holds the sales of one source: one linked table, or files. */
async function refuseOtherSales(ws: Workspace, target: ClickHouseTarget): Promise<void> {
  const linked = await ws.one<{ source: string }>(`SELECT source FROM linked_source`);
  // The same table whoever reads it: the user may change (and so may the password), not the server or table.
  const sameTable = (a: string, b: string): boolean =>
    a.replace(/\/\/[^@]*@/, '//') === b.replace(/\/\/[^@]*@/, '//');
  if (linked && !sameTable(linked.source, target.display)) {
    throw new ConflictError(
      `This workspace is linked to ${linked.source}; link ${target.display} in a new workspace.`,
    );
  }
  const files = await ws.scalar(`SELECT count(*) FROM loads WHERE kind = 'sales' AND format <> 'clickhouse'`);
  if (Number(files) > 0) {
    throw new ConflictError(
      `This workspace holds sales loaded from files; link ${target.display} in a new workspace.`,
    );
  }
}

async function recordSource(
  ws: Workspace,
  target: ClickHouseTarget,
  mapping: Record<string, string>,
): Promise<void> {
  await ws.run(`DELETE FROM linked_source`);
  await ws.run(`INSERT INTO linked_source VALUES ($1, $2, $3, $4, now()::TIMESTAMP)`, [
    target.display,
    target.database,
    target.table,
    JSON.stringify(mapping),
  ]);
}

/** Removes an earlier month's load: its lines, its rejects and its entry (inside the caller's transaction). */
async function dropLoad(ws: Workspace, loadId: number): Promise<void> {
  await ws.run(`DROP TABLE IF EXISTS ${salesPartTable(loadId)}`);
  await ws.run(`DELETE FROM rejects WHERE load_id = $1`, [loadId]);
  await ws.run(`DELETE FROM loads WHERE load_id = $1`, [loadId]);
}

/** Up to 200 lines of the mapped columns as text, to detect the date format and decimal separator of text columns. */
async function sampleRows(conn: ClickHouseConnection, columns: LinkedColumn[]): Promise<string[][]> {
  const { database, table } = conn.target;
  const rows = await conn.rows<Record<string, string | null>>(
    `SELECT ${columns.map((c, i) => `toString(${chIdent(c.name)}) AS c${i}`).join(', ')} FROM ${chTable(database, table)} LIMIT 200`,
  );
  return rows.map((r) => columns.map((_, i) => r[`c${i}`] ?? ''));
}

function detectionSource(target: ClickHouseTarget, columns: LinkedColumn[], sample: string[][]): Source {
  return {
    file: target.display,
    format: 'clickhouse',
    hash: () => Promise.resolve(''),
    bytes: 0,
    encoding: null,
    delimiter: null,
    headerLine: null,
    relation: '',
    columns: columns.map((c) => ({ name: c.name, type: c.type })),
    sample,
    lineMap: { kind: 'ordinal', offset: 1 },
    readerRejects: false,
    lineLabel: 'value',
    warnings: [],
    cleanup: () => undefined,
  };
}

/**
 * The table's lines per month of their date (computed by the server): how many and a signature of their values
 * (the sum of a hash of each line's columns), to tell which months changed since the last transfer. The
 * memory this takes on the server does not grow with the lines. With dates stored as text the server cannot tell months apart, and the whole table is one part.
 */
async function monthParts(
  conn: ClickHouseConnection,
  columns: LinkedColumn[],
  ts: LinkedColumn,
): Promise<Part[]> {
  const { database, table } = conn.target;
  const hash = lineHash(columns);
  const typed = ts.type === 'DATE' || ts.type === 'TIMESTAMP';
  const month = typed ? `toStartOfMonth(${chIdent(ts.name)})` : `'all'`;
  const rows = await conn.rows<{ month: string | null; lines: string; signature: string }>(
    `SELECT toString(${month}) AS month, count() AS lines, toString(sum(${hash})) AS signature
     FROM ${chTable(database, table)} GROUP BY month ORDER BY month`,
  );
  return rows.map((r) => {
    const m = r.month === null ? 'none' : r.month === 'all' ? 'all' : r.month.slice(0, 7);
    const where =
      m === 'all'
        ? null
        : m === 'none'
          ? `isNull(${chIdent(ts.name)})`
          : `toStartOfMonth(${chIdent(ts.name)}) = toDate(${chString(`${m}-01`)})`;
    return { month: m, lines: Number(r.lines), signature: r.signature, where };
  });
}

/** A hash of every column of a line (NULL and empty text alike). */
function lineHash(columns: LinkedColumn[]): string {
  return `cityHash64(${columns.map((c) => `ifNull(toString(${chIdent(c.name)}), '')`).join(', ')})`;
}

/**
 * The lines of a part equal in every column to another line of it — the file ingest's "identical lines"
 * (equal lines share their date, so counting per month counts the table's). The server holds one hash per
 * line of the part while it counts.
 */
async function identicalLines(
  conn: ClickHouseConnection,
  columns: LinkedColumn[],
  part: Part,
): Promise<number> {
  const { database, table } = conn.target;
  const hash = lineHash(columns);
  const rows = await conn.rows<{ n: string }>(
    `SELECT count() - uniqExact(${hash}) AS n FROM ${chTable(database, table)}${part.where ? ` WHERE ${part.where}` : ''}`,
  );
  return Number(rows[0]?.n ?? 0);
}

/** The report of the whole link, from the loads of its months. */
async function linkReport(
  ws: Workspace,
  target: ClickHouseTarget,
  run: {
    months: LinkReport['months'];
    bytes: number;
    unmapped: string[];
    alreadyLoaded: boolean;
    seconds: number;
  },
): Promise<LinkReport> {
  const ids = `(SELECT load_id FROM linked_months)`;
  const totals = await ws.one<Record<string, number | string | null>>(
    `SELECT coalesce(max(load_id), 0) AS load_id, coalesce(sum(rows_read), 0) AS rows_read,
       coalesce(sum(rows_accepted), 0) AS rows_accepted, coalesce(sum(rows_rejected), 0) AS rows_rejected,
       coalesce(sum(rows_anonymous), 0) AS rows_anonymous, coalesce(sum(rows_returns), 0) AS rows_returns,
       coalesce(sum(duplicate_lines), 0) AS duplicate_lines,
       strftime(min(date_min), '%Y-%m-%d %H:%M:%S') AS date_min, strftime(max(date_max), '%Y-%m-%d %H:%M:%S') AS date_max,
       any_value(options) AS options, any_value(mapping) AS mapping
     FROM loads WHERE load_id IN ${ids}`,
  );
  const customers = Number(
    await ws.scalar(`SELECT count(DISTINCT customer_id) FROM sales WHERE load_id IN ${ids}`),
  );
  const rejectRows = await ws.all<{ reason: string; count: number; example: string }>(
    `SELECT reason, count(*) AS count, arg_min(message, (load_id, line)) AS example
     FROM rejects WHERE load_id IN ${ids} GROUP BY reason ORDER BY count DESC, reason`,
  );
  const rejects: Record<string, RejectSummary> = Object.fromEntries(
    rejectRows.map((r) => [r.reason, { count: Number(r.count), first_lines: [], example: r.example }]),
  );
  const options = totals?.['options']
    ? (JSON.parse(String(totals['options'])) as { detected: LoadReport['detected'] })
    : undefined;
  const dateOf = (v: unknown): string | null => (v === null || v === undefined ? null : String(v));
  return {
    load_id: Number(totals?.['load_id'] ?? 0),
    already_loaded: run.alreadyLoaded,
    file: target.display,
    source: target.display,
    kind: 'sales',
    format: 'clickhouse',
    rows_read: Number(totals?.['rows_read'] ?? 0),
    rows_accepted: Number(totals?.['rows_accepted'] ?? 0),
    rows_rejected: Number(totals?.['rows_rejected'] ?? 0),
    rows_anonymous: Number(totals?.['rows_anonymous'] ?? 0),
    rows_returns: Number(totals?.['rows_returns'] ?? 0),
    duplicate_lines: Number(totals?.['duplicate_lines'] ?? 0),
    customers,
    date_min: dateOf(totals?.['date_min']),
    date_max: dateOf(totals?.['date_max']),
    mapping: totals?.['mapping'] ? (JSON.parse(String(totals['mapping'])) as Record<string, string>) : {},
    unmapped: run.unmapped,
    detected: options?.detected ?? {
      encoding: null,
      delimiter: null,
      header_line: null,
      decimal: '.',
      date_format: null,
      date_format_ambiguous: false,
    },
    rejects,
    line_label: 'value',
    warnings: [],
    seconds: run.seconds,
    months: run.months,
    bytes_transferred: run.bytes,
  };
}
