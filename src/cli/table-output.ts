import { type Workspace, type Plain } from '../db/index.js';
import { writeQuery } from '../export/index.js';
import type { Context } from './context.js';
import { fmtInt, fmtNum, json, table } from './terminal-text.js';

/**
 * The three ways a table command answers: `--out FILE` writes the tidy table (csv/xlsx/parquet/json),
 * `--json` prints an object, otherwise a text rendering for the terminal.
 */
export async function answerTable(
  ctx: Context,
  ws: Workspace,
  opts: { out?: string; json?: boolean },
  query: { sql: string; params: readonly (string | number)[] },
  render: { json: () => Promise<unknown>; text: () => Promise<string> },
): Promise<void> {
  if (opts.out) {
    const w = await writeQuery(ws, query.sql, query.params, opts.out);
    ctx.io.out(opts.json ? json(w) : `Wrote ${fmtInt(w.rows)} rows to ${w.path}\n`);
    return;
  }
  ctx.io.out(opts.json ? json(await render.json()) : await render.text());
}

export function cell(v: Plain | undefined): string {
  if (v === null || v === undefined) return '—';
  if (typeof v === 'number') return Number.isInteger(v) ? fmtInt(v) : fmtNum(v);
  return String(v);
}

/** A crosstab of tidy rows: one line per `rowKey`, one column per `colKey`, cells from `value`. */
export function crosstab(
  rows: Record<string, Plain>[],
  rowKey: string,
  colKey: string,
  value: (r: Record<string, Plain>) => string,
): string {
  const cols = [...new Set(rows.map((r) => cell(r[colKey])))];
  const lines = [...new Set(rows.map((r) => cell(r[rowKey])))];
  const index = new Map(rows.map((r) => [`${cell(r[rowKey])}\u0000${cell(r[colKey])}`, value(r)]));
  return table(
    [[rowKey, ...cols], ...lines.map((l) => [l, ...cols.map((c) => index.get(`${l}\u0000${c}`) ?? '')])],
    ['l', ...cols.map(() => 'r' as const)],
  );
}
