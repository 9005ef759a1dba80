import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli } from '../helpers/cli.js';
import { DATA, tempDir } from '../helpers/workspace.js';

let dir: string;
let cleanup: () => void;
let ws: string;
beforeAll(async () => {
  ({ dir, cleanup } = tempDir());
  ws = join(dir, 'p.duckdb');
  expect((await cli('ingest', `${DATA}cdnow/cdnowElog.csv`, '--workspace', ws)).code).toBe(0);
});
afterAll(() => cleanup());

describe('clientele model and predict', () => {
  it('model fit --json prints the contract fields', async () => {
    const r = JSON.parse(
      (
        await cli(
          'model',
          'fit',
          '--model',
          'bgnbd',
          '--calibration-end',
          '1997-09-30',
          '--workspace',
          ws,
          '--json',
        )
      ).out,
    ) as Record<string, unknown>;
    expect(Object.keys(r)).toEqual(
      expect.arrayContaining(['model', 'params', 'loglik', 'customers', 'std_errors']),
    );
    expect(Object.keys(r['params'] as object)).toEqual(['r', 'alpha', 'a', 'b']);
    const p = JSON.parse(
      (
        await cli(
          'model',
          'fit',
          '--model',
          'pnbd',
          '--calibration-end',
          '1997-09-30',
          '--workspace',
          ws,
          '--json',
        )
      ).out,
    ) as { params: object };
    expect(Object.keys(p.params)).toEqual(['r', 'alpha', 's', 'beta']);
    const g = JSON.parse(
      (
        await cli(
          'model',
          'fit',
          '--model',
          'gg',
          '--calibration-end',
          '1997-09-30',
          '--workspace',
          ws,
          '--json',
        )
      ).out,
    ) as { params: object };
    expect(Object.keys(g.params)).toEqual(['p', 'q', 'gamma']);
  });

  it('predict stores per-customer predictions that the profile and exports pick up', async () => {
    const out = join(dir, 'pred.csv');
    expect(
      (await cli('predict', '--horizon', '6', '--unit', 'month', '--workspace', ws, '--out', out)).code,
    ).toBe(0);
    const lines = readFileSync(out, 'utf8').trim().split('\n');
    expect(lines[0]).toBe(
      'customer_id,as_of,expected_purchases,p_alive,churn_risk,p_no_purchase,expected_spend,clv,next_purchase_date',
    );
    expect(lines).toHaveLength(1 + 2_357);
    const profile = JSON.parse((await cli('profile', '--workspace', ws, '--json')).out) as {
      predictions: boolean;
      columns: string[];
    };
    expect(profile.predictions).toBe(true);
    expect(profile.columns).toEqual(
      expect.arrayContaining(['clv', 'p_alive', 'churn_risk', 'expected_purchases', 'next_purchase_date']),
    );
  });

  it('refuses bad arguments with exit 2', async () => {
    for (const argv of [
      ['model', 'fit', '--model', 'arima'],
      ['model', 'fit', '--time-unit', 'fortnight'],
      ['model', 'validate', '--calibration-end', '1998-01-01', '--holdout-end', '1997-01-01'],
      [
        'model',
        'validate',
        '--model',
        'gg',
        '--calibration-end',
        '1997-09-30',
        '--holdout-end',
        '1998-06-30',
      ],
      ['predict', '--horizon', '0'],
      ['predict', '--margin', '2'],
      ['predict', '--snapshots'],
    ]) {
      const r = await cli(...argv, '--workspace', ws);
      expect(r.code, argv.join(' ')).toBe(2);
      expect(r.err).not.toMatch(/\n\s+at /);
    }
  });
});
