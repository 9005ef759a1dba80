import { ConflictError } from '../errors.js';
import type { Workspace } from './workspace.js';

/** The ClickHouse table a workspace's sales live in (shown by `clientele status` and the Data page). */
export interface LinkedSource {
  source: string;
  database: string;
  table: string;
  mapping: Record<string, string>;
  linked_at: string;
  months: number;
}

export async function linkedSource(ws: Workspace): Promise<LinkedSource | null> {
  const row = await ws.one<{
    source: string;
    database: string;
    table: string;
    mapping: string;
    linked_at: string;
  }>(
    `SELECT source, database, "table", mapping, strftime(linked_at, '%Y-%m-%d %H:%M:%S') AS linked_at FROM linked_source`,
  );
  if (!row) return null;
  const months = Number(await ws.scalar(`SELECT count(*) FROM linked_months`));
  return { ...row, mapping: JSON.parse(row.mapping) as Record<string, string>, months };
}

/** A workspace holds the sales of one source: a linked ClickHouse table takes no sales from files. */
export async function refuseSalesFromFiles(ws: Workspace, file: string): Promise<void> {
  const linked = await ws.one<{ source: string }>(`SELECT source FROM linked_source`);
  if (linked) {
    throw new ConflictError(
      `This workspace's sales live in ${linked.source}; ${file} cannot add sales to it (load it in a new workspace, or insert it into that table and run the same ingest again).`,
    );
  }
}
