import type { Workspace } from '../db/workspace.js';
import { linkClickHouse, type LinkOptions, type LinkReport } from './clickhouse/link.js';
import { isClickHouseUrl } from './clickhouse/target.js';
import { ingestFile } from './load.js';
import type { LoadReport } from './load-report.js';

/**
 * Loads a file, or links (or brings up to date the link to) a ClickHouse table when `source` is a
 * `clickhouse://` address. A linked workspace takes customers and products from files, but not sales.
 */
export async function ingestSource(
  ws: Workspace,
  source: string,
  options: LinkOptions = {},
): Promise<LoadReport | LinkReport> {
  if (isClickHouseUrl(source)) return linkClickHouse(ws, source, options);
  return ingestFile(ws, source, options);
}
