import { InputError } from '../errors.js';
import type { Workspace } from '../db/workspace.js';
import type { Decimal } from './date-decimal.js';
import type { Kind } from './kinds.js';
import type { Mapping } from './mapping.js';

/** One reject reason in a load report: how many rows, their first line numbers and one message. */
export interface RejectSummary {
  count: number;
  first_lines: number[];
  example: string;
}

/** What `clientele ingest --json` prints. Field names are a contract. */
export interface LoadReport {
  load_id: number;
  already_loaded: boolean;
  file: string;
  kind: Kind;
  format: string;
  rows_read: number;
  rows_accepted: number;
  rows_rejected: number;
  rows_anonymous: number;
  rows_returns: number;
  duplicate_lines: number;
  customers: number;
  date_min: string | null;
  date_max: string | null;
  mapping: Mapping;
  unmapped: string[];
  detected: {
    encoding: string | null;
    delimiter: string | null;
    header_line: number | null;
    decimal: Decimal;
    date_format: string | null;
    date_format_ambiguous: boolean;
  };
  rejects: Record<string, RejectSummary>;
  line_label: string;
  warnings: string[];
  seconds: number;
}

/** How many line numbers per reject reason the report lists. */
const FIRST_LINES = 10;

export async function rejectSummary(ws: Workspace, loadId: number): Promise<Record<string, RejectSummary>> {
  const rows = await ws.all<{ reason: string; count: number; first_lines: number[]; example: string }>(
    `SELECT reason, count(*) AS count, list(line ORDER BY line)[1:${FIRST_LINES}] AS first_lines,
            arg_min(message, line) AS example
     FROM rejects WHERE load_id = $1 GROUP BY reason ORDER BY count DESC, reason`,
    [loadId],
  );
  return Object.fromEntries(
    rows.map((r) => [r.reason, { count: r.count, first_lines: r.first_lines, example: r.example }]),
  );
}

/** The report of an earlier load, rebuilt from `loads` and `rejects`. */
export async function loadReport(ws: Workspace, loadId: number): Promise<LoadReport> {
  const row = await ws.one(`SELECT * FROM loads WHERE load_id = $1`, [loadId]);
  if (!row) throw new InputError(`There is no load ${loadId} in this workspace.`);
  const options = JSON.parse(String(row['options'])) as {
    detected: LoadReport['detected'];
    unmapped: string[];
    line_label: string;
  };
  return {
    load_id: loadId,
    already_loaded: false,
    file: String(row['file']),
    kind: row['kind'] as Kind,
    format: String(row['format']),
    rows_read: Number(row['rows_read']),
    rows_accepted: Number(row['rows_accepted']),
    rows_rejected: Number(row['rows_rejected']),
    rows_anonymous: Number(row['rows_anonymous']),
    rows_returns: Number(row['rows_returns']),
    duplicate_lines: Number(row['duplicate_lines']),
    customers: Number(row['customers']),
    date_min: (row['date_min'] as string | null) ?? null,
    date_max: (row['date_max'] as string | null) ?? null,
    mapping: JSON.parse(String(row['mapping'])) as Mapping,
    unmapped: options.unmapped,
    detected: options.detected,
    rejects: await rejectSummary(ws, loadId),
    line_label: options.line_label,
    warnings: JSON.parse(String(row['warnings'])) as string[],
    seconds: Number(row['seconds']),
  };
}
