import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Workspace } from '../../src/db/workspace.js';
import { ingestFile } from '../../src/ingest/load.js';
import { predict } from '../../src/predict/predict.js';
import { recommendAll } from '../../src/recommend/recommend.js';
import { ProfileCache } from '../../src/server/profile-table.js';
import { DATA, tempWorkspace } from '../helpers/workspace.js';

describe("the API's profile table follows the stored results", () => {
  let ws: Workspace;
  let cleanup: () => void;
  beforeAll(async () => {
    ({ ws, cleanup } = await tempWorkspace());
    // Complete Journey sample: households, baskets and product ids, so that there is something to recommend.
    await ingestFile(ws, join(DATA, 'completejourney_sample/transactions_sample.csv'));
  });
  afterAll(() => cleanup());

  it('recomputes after predict and recommend, which are recorded in runs', async () => {
    const cache = new ProfileCache();
    const before = await cache.at(ws, undefined);
    expect(before).toMatchObject({ predictions: false, recommendations: false });
    expect(before.columns).not.toContain('clv');
    await predict(ws, { model: 'bgnbd', horizon: 12, unit: 'month', discountRate: 0, margin: 1 });
    const after = await cache.at(ws, undefined);
    expect(after.predictions).toBe(true);
    expect(after.columns).toContain('clv');
    await recommendAll(ws, { top: 3 });
    expect((await cache.at(ws, undefined)).columns).toContain('recommended_skus');
    const runs = await ws.all(`SELECT run_id, command FROM runs ORDER BY run_id`);
    expect(runs).toEqual([
      { run_id: 1, command: 'predict' },
      { run_id: 2, command: 'recommend' },
    ]);
  });
});
