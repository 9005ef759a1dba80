import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ingestFile } from '../../src/ingest/load.js';
import { fitModel } from '../../src/predict/fit.js';
import { validateModel } from '../../src/predict/validate.js';
import { DATA, tempWorkspace } from '../helpers/workspace.js';
import { AUTH, expectError, json, startServer, type TestServer } from './helpers.js';

type Row = Record<string, unknown>;

/** The published CDNOW results (../shared/data/cdnow/reference_values.json). */
const REFERENCE = JSON.parse(readFileSync(join(DATA, 'cdnow/reference_values.json'), 'utf8')) as {
  summary: { holdout_repeat_transactions: number };
  bgnbd: { params_unrounded_btyd: Record<string, number>; loglik: number };
};

let s: TestServer;
let ref: Awaited<ReturnType<typeof tempWorkspace>>;

beforeAll(async () => {
  s = await startServer({}, (ws) => ingestFile(ws, join(DATA, 'cdnow/cdnowElog.csv')).then(() => undefined));
  ref = await tempWorkspace();
  await ingestFile(ref.ws, join(DATA, 'cdnow/cdnowElog.csv'));
});
afterAll(async () => {
  await s?.cleanup();
  ref?.cleanup();
});

const get = (url: string) => s.app.inject({ url, headers: AUTH });

function expectNear(got: Record<string, number>, want: Record<string, number>, relative: number): void {
  expect(Object.keys(got)).toEqual(Object.keys(want));
  for (const [k, v] of Object.entries(want))
    expect(Math.abs(got[k]! - v), k).toBeLessThanOrEqual(relative * Math.abs(v));
}

describe('GET /api/models/fit', () => {
  it('fits BG/NBD on the CDNOW calibration period as the library does, matching the published values', async () => {
    const body = json<{ params: Record<string, number>; std_errors: Record<string, number> } & Row>(
      await get('/api/models/fit?model=bgnbd&calibration_end=1997-09-30'),
    );
    const direct = await fitModel(ref.ws, { model: 'bgnbd', calibrationEnd: '1997-09-30', unit: 'week' });
    expectNear(body.params, direct.params, 1e-6);
    expectNear(body.std_errors, direct.std_errors, 1e-4);
    expect(body).toMatchObject({ customers: 2357, calibration_end: '1997-09-30', time_unit: 'week' });
    // BTYD's unrounded estimates for the same data.
    expectNear(body.params, REFERENCE.bgnbd.params_unrounded_btyd, 1e-3);
    expect(body['loglik']).toBeCloseTo(REFERENCE.bgnbd.loglik, 2);
  });

  it('fits Gamma-Gamma, and by default up to the latest sale', async () => {
    const gg = json<{ params: Record<string, number>; skipped: Row } & Row>(
      await get('/api/models/fit?model=gg&calibration_end=1997-09-30'),
    );
    const direct = await fitModel(ref.ws, { model: 'gg', calibrationEnd: '1997-09-30', unit: 'week' });
    expectNear(gg.params, direct.params, 1e-6);
    expect(gg.skipped).toEqual(direct.skipped);
    expect(gg['time_unit']).toBeNull();
    const latest = json<Row>(await get('/api/models/fit?model=pnbd&time_unit=month'));
    expect(latest).toMatchObject({ calibration_end: '1998-06-30', time_unit: 'month', model: 'pnbd' });
  });

  it('refuses a bad model, date or unit', async () => {
    expectError(await get('/api/models/fit?model=xyz'), 400, /model/);
    expectError(await get('/api/models/fit?calibration_end=1997-13-01'), 400, /calibration_end.*YYYY-MM-DD/);
    expectError(await get('/api/models/fit?time_unit=year'), 400, /time_unit/);
    expectError(await get('/api/models/fit?calibration_end=1990-01-01'), 400, /at least 30 customers/);
  });
});

describe('GET /api/models/validate', () => {
  it('compares the holdout with the prediction as validateModel does, and as published', async () => {
    const url =
      '/api/models/validate?model=bgnbd&calibration_end=1997-09-30&holdout_end=1998-06-30&time_unit=week';
    const body = json<{
      by_frequency: { customers: number; actual: number; predicted: number }[];
      tracking: { period: number; actual: number; predicted: number }[];
      errors: Record<string, number>;
    }>(await get(url));
    const direct = await validateModel(ref.ws, {
      model: 'bgnbd',
      calibrationEnd: '1997-09-30',
      holdoutEnd: '1998-06-30',
      unit: 'week',
    });
    expect(body.by_frequency.map((b) => b.customers)).toEqual(direct.by_frequency.map((b) => b.customers));
    body.by_frequency.forEach((b, i) => {
      expect(b.actual).toBe(direct.by_frequency[i]!.actual);
      expect(b.predicted).toBeCloseTo(direct.by_frequency[i]!.predicted, 5);
    });
    expect(body.tracking.map((t) => t.actual)).toEqual(direct.tracking.map((t) => t.actual));
    expect(body.tracking).toHaveLength(78);
    expect(body.errors['actual_total']).toBe(REFERENCE.summary.holdout_repeat_transactions);
    expect(body.errors['mae']).toBeCloseTo(direct.errors.mae, 6);
    expect(body.errors['aggregate_error_percent']).toBeCloseTo(direct.errors.aggregate_error_percent, 4);
  });

  it('refuses a holdout that ends before the calibration, a spend model and bad dates', async () => {
    const v = (q: string) => get(`/api/models/validate?${q}`);
    expectError(
      await v('calibration_end=1997-09-30&holdout_end=1997-06-30'),
      400,
      /holdout_end 1997-06-30 must be after calibration_end 1997-09-30/,
    );
    expectError(await v('calibration_end=1997-09-30&holdout_end=1997-09-30'), 400, /must be after/);
    expectError(await v('calibration_end=1997-09-30'), 400, /holdout_end/);
    expectError(await v('model=gg&calibration_end=1997-09-30&holdout_end=1998-06-30'), 400, /model/);
    expectError(await v('calibration_end=30.09.1997&holdout_end=1998-06-30'), 400, /calibration_end/);
    expectError(await v('calibration_end=1997-09-30&holdout_end=1998-02-29'), 400, /holdout_end/);
  });
});
