import { join } from 'node:path';
import { analyze } from '../../src/analyze/analyze.js';
import type { Workspace } from '../../src/db/workspace.js';
import { generateDemo } from '../../src/demo/index.js';
import { ingestFile } from '../../src/ingest/load.js';
import { tempWorkspace } from '../helpers/workspace.js';

/**
 * A workspace with the demo retailer's sales and customers (2023-01-01 … 2025-12-31) and a 24-month analysis, so
 * every month end, 2025-10-31 among them, has stages, RFM and ABC/XYZ computed from the sales up to it.
 */
export async function demoWorkspace(
  customers: number,
  seed: number,
): Promise<{ ws: Workspace; dir: string; path: string; cleanup: () => void }> {
  const t = await tempWorkspace();
  const demo = await generateDemo({
    customers,
    seed,
    outDir: join(t.dir, 'demo'),
    format: 'csv',
    threads: 1,
  });
  await ingestFile(t.ws, demo.files.sales);
  await ingestFile(t.ws, demo.files.customers);
  await analyze(t.ws, { months: 24 });
  return t;
}
