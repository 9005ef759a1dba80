import type { Workspace } from '../db/workspace.js';
import { ConflictError } from '../errors.js';
import { linkClickHouse, type LinkOptions, type LinkReport } from './clickhouse/link.js';
import { isClickHouseUrl } from './clickhouse/target.js';
import { ingestFile } from './load.js';
import type { LoadReport } from './load-report.js';

/**
 * Loads a file, or links (or refreshes the link to) a ClickHouse table when `source` is a `clickhouse://`
 * address. A workspace holds the sales of one source: a linked workspace takes customers and products from
 * files, but not sales.
 */
export async function ingestSource(
  ws: Workspace,
  source: string,
  options: LinkOptions = {},
): Promise<LoadReport | LinkReport> {
  if (isClickHouseUrl(source)) return linkClickHouse(ws, source, options);
  return ingestFile(ws, source, options, refuseSalesIntoLinked);
}

async function refuseSalesIntoLinked(ws: Workspace, file: string): Promise<void> {
  const linked = await ws.one<{ source: string }>(`SELECT source FROM linked_source`);
  if (linked) {
    throw new ConflictError(
      `This workspace's sales live in ${linked.source}; ${file} cannot add sales to it (load it in a new workspace, or insert it into that table and run the same ingest again).`,
    );
  }
}
