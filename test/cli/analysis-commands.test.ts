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
  ws = join(dir, 'a.duckdb');
  expect((await cli('ingest', `${DATA}cdnow/cdnowElog.csv`, '--workspace', ws)).code).toBe(0);
});
afterAll(() => cleanup());

function csvHeader(path: string): string {
  return readFileSync(path, 'utf8').split('\n')[0]!;
}

describe('before analyze', () => {
  it('segment commands say to run analyze first (exit 2)', async () => {
    for (const cmd of [
      ['segments'],
      ['flows'],
      ['cohorts'],
      ['history', '4'],
      ['pivot', '--rows', 'stage'],
    ]) {
      const r = await cli(...cmd, '--workspace', ws);
      expect(r.code, cmd.join(' ')).toBe(2);
      expect(r.err).toMatch(/run `clientele analyze` first/);
    }
  });
});

describe('after analyze', () => {
  beforeAll(async () => {
    const r = await cli('analyze', '--months', '18', '--workspace', ws, '--json');
    expect(r.code).toBe(0);
    const s = JSON.parse(r.out) as {
      snapshots: unknown[];
      as_of: string;
      stages: { now: Record<string, number> };
    };
    expect(s.as_of).toBe('1998-06-30');
    expect(s.snapshots).toHaveLength(18);
    // Every customer with a purchase (a positive amount), counted from the file, has exactly one stage.
    const buyers = new Set(
      readFileSync(`${DATA}cdnow/cdnowElog.csv`, 'utf8')
        .trim()
        .split('\n')
        .slice(1)
        .map((l) => l.split(','))
        .filter((f) => Number(f[4]) > 0)
        .map((f) => f[0]),
    );
    expect(Object.values(s.stages.now).reduce((a, b) => a + b, 0)).toBe(buyers.size);
  });

  it('profile adds the segment columns at the analysed date', async () => {
    const s = JSON.parse((await cli('profile', '--workspace', ws, '--json')).out) as {
      columns: string[];
      segments: boolean;
    };
    expect(s.segments).toBe(true);
    expect(s.columns).toEqual(
      expect.arrayContaining([
        'stage',
        'days_in_stage',
        'rfm_segment',
        'rhythm_days',
        'expected_next_purchase',
        'days_overdue',
      ]),
    );
  });

  it('segments writes one row per customer with the contract columns', async () => {
    const out = join(dir, 'seg.csv');
    expect((await cli('segments', '--workspace', ws, '--out', out)).code).toBe(0);
    expect(csvHeader(out)).toMatch(
      /^customer_id,r_score,f_score,m_score,rfm_segment,abc,xyz,stage,rhythm_days,spread_days,expected_next_purchase,days_overdue,days_in_stage/,
    );
    const map = await cli('segments', 'rfm', '--map', '--workspace', ws);
    expect(map.out).toMatch(/^5\s+New\s+New\s+Potential Loyalist/m);
  });

  it('flows, cohorts and pivot write tidy tables with the documented columns', async () => {
    const flows = join(dir, 'flows.csv');
    expect(
      (await cli('flows', '--from', '1997-12', '--to', '1998-06', '--workspace', ws, '--out', flows)).code,
    ).toBe(0);
    expect(csvHeader(flows)).toBe('from_month,to_month,from_stage,to_stage,customers,revenue');
    const months = new Set(
      readFileSync(flows, 'utf8')
        .trim()
        .split('\n')
        .slice(1)
        .map((l) => l.split(',').slice(0, 2).join('>')),
    );
    expect(months).toEqual(
      new Set([
        '1997-12>1998-06',
        '1997-12>1998-01',
        '1998-01>1998-02',
        '1998-02>1998-03',
        '1998-03>1998-04',
        '1998-04>1998-05',
        '1998-05>1998-06',
      ]),
    );
    const cohorts = join(dir, 'cohorts.csv');
    expect((await cli('cohorts', '--workspace', ws, '--out', cohorts)).code).toBe(0);
    expect(csvHeader(cohorts)).toBe('cohort,month,customers,active,revenue,retention');
    const pivot = JSON.parse(
      (
        await cli(
          'pivot',
          '--rows',
          'as_of',
          '--cols',
          'stage',
          '--measure',
          'count,revenue',
          '--filter',
          'cohort=1997-01',
          '--workspace',
          ws,
          '--json',
        )
      ).out,
    ) as {
      cells: { as_of: string; stage: string; count: number }[];
    };
    const jan = pivot.cells.filter((c) => c.as_of === '1997-01').reduce((a, c) => a + c.count, 0);
    const cohortSize = JSON.parse((await cli('cohorts', '--workspace', ws, '--json')).out) as {
      cohorts: { cohort: string; month: string; customers: number }[];
    };
    expect(jan).toBe(
      cohortSize.cohorts.find((c) => c.cohort === '1997-01' && c.month === '1997-01')?.customers,
    );
  });

  it('triggers lists the customers who moved, history shows one customer', async () => {
    const t = JSON.parse(
      (
        await cli(
          'triggers',
          '--from-stage',
          'falling_asleep',
          '--to-stage',
          'asleep',
          '--workspace',
          ws,
          '--json',
        )
      ).out,
    ) as {
      customers: { from_stage: string; to_stage: string }[];
    };
    for (const c of t.customers) expect([c.from_stage, c.to_stage]).toEqual(['falling_asleep', 'asleep']);
    const h = JSON.parse((await cli('history', '4', '--workspace', ws, '--json')).out) as {
      history: { month: string; orders: number }[];
    };
    expect(h.history[0]?.month).toBe('1997-01');
    // Customer 4 (master id 00004, sample customer 1): purchases 1997-01-01, 01-18, 08-02 (README) → 3 orders by Aug 1997.
    expect(h.history.find((x) => x.month === '1997-08')?.orders).toBe(3);
  });

  it('segments auto clusters the customers and explains each cluster as a rule', async () => {
    const r = JSON.parse((await cli('segments', 'auto', '--k', '3', '--workspace', ws, '--json')).out) as {
      k: number;
      customers: number;
      clusters: { size: number; rule: string; fidelity: number; name: { en: string; ru: string } }[];
    };
    expect(r.k).toBe(3);
    expect(r.clusters.reduce((a, c) => a + c.size, 0)).toBe(r.customers);
    for (const c of r.clusters) {
      expect(c.rule.length).toBeGreaterThan(3);
      expect(c.fidelity).toBeGreaterThan(0);
      expect(c.fidelity).toBeLessThanOrEqual(1);
      expect(c.name.ru).toMatch(/[а-я]/i);
    }
    const out = join(dir, 'auto.csv');
    expect((await cli('segments', 'auto', '--k', '3', '--workspace', ws, '--out', out)).code).toBe(0);
    expect(csvHeader(out)).toBe('customer_id,cluster,cluster_name,cluster_name_ru');
    // Same seed, same clusters.
    const again = JSON.parse(
      (await cli('segments', 'auto', '--k', '3', '--workspace', ws, '--json')).out,
    ) as typeof r;
    expect(again.clusters.map((c) => c.size)).toEqual(r.clusters.map((c) => c.size));
  });

  it('refuses bad arguments with exit 2', async () => {
    for (const argv of [
      ['flows', '--by', 'region'],
      ['flows', '--from', '2030-01'],
      ['triggers', '--from-stage', 'sleepy', '--to-stage', 'lost'],
      ['pivot', '--rows', 'weather'],
      ['pivot', '--rows', 'stage', '--measure', 'profit'],
      ['cohorts', '--metric', 'ltv'],
      ['analyze', '--rfm-levels', '4'],
      ['analyze', '--abc', '95,80'],
      ['history', 'nobody'],
      ['segments', 'auto', '--k', '1'],
    ]) {
      const r = await cli(...argv, '--workspace', ws);
      expect(r.code, argv.join(' ')).toBe(2);
      expect(r.err).not.toMatch(/\n\s+at /);
    }
  });
});
