import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyze } from '../../src/analyze/analyze.js';
import { flows } from '../../src/analyze/flows.js';
import { productsSql } from '../../src/analyze/products.js';
import { ingestFile } from '../../src/ingest/load.js';
import type { Workspace } from '../../src/db/workspace.js';
import { writeText } from '../helpers/fixtures.js';
import { tempWorkspace } from '../helpers/workspace.js';

// Six customers over three months (2024 is a leap year). Every expected value below is computed by hand in
// the comments from the definitions in src/segments/*.ts; none is copied from the program's output.
const days: Record<string, [string, number][]> = {
  A: ['01-05', '01-15', '01-25', '02-04', '02-14', '02-24', '03-05', '03-15', '03-25'].map((d) => [d, 100]),
  B: [['01-10', 50]],
  C: [
    ['01-02', 30],
    ['01-12', 30],
  ],
  D: [
    ['01-03', 200],
    ['03-20', 200],
  ],
  E: [['02-10', 80]],
  F: [['03-30', 10]],
};
const SALES =
  'order_id,customer_id,date,amount\n' +
  Object.entries(days)
    .flatMap(([c, list]) => list.map(([d, a], i) => `${c}${i},${c},2024-${d} 10:00:00,${a}`))
    .join('\n') +
  '\n';

let ws: Workspace;
let dir: string;
let cleanup: () => void;
beforeAll(async () => {
  ({ ws, dir, cleanup } = await tempWorkspace());
  await ingestFile(ws, writeText(dir, 'sales.csv', SALES));
  await analyze(ws, { asOf: '2024-03-31', months: 3 });
});
afterAll(() => cleanup());

async function at(month: string): Promise<Record<string, Record<string, unknown>>> {
  const rows = await ws.all(
    `SELECT c.* FROM customer_snapshots c JOIN snapshots s USING (snapshot_id) WHERE s.month = $1`,
    [month],
  );
  return Object.fromEntries(rows.map((r) => [String(r['customer_id']), r]));
}

describe('snapshots', () => {
  it('are the three month ends', async () => {
    expect(await ws.all(`SELECT as_of, month, customers FROM snapshots ORDER BY snapshot_id`)).toEqual([
      { as_of: '2024-01-31', month: '2024-01', customers: 4 },
      { as_of: '2024-02-29', month: '2024-02', customers: 5 },
      { as_of: '2024-03-31', month: '2024-03', customers: 6 },
    ]);
  });
});

describe('lifecycle stages', () => {
  it('January: everyone bought for the first time this month', async () => {
    const jan = await at('2024-01');
    expect(Object.fromEntries(Object.entries(jan).map(([k, v]) => [k, v['stage']]))).toEqual({
      A: 'new',
      B: 'new',
      C: 'new',
      D: 'new',
    });
  });

  it('February: thresholds and stages', async () => {
    // Gaps by Feb 29: A 10,10,10,10,10; C 10. r0 = median(10, 10) = 10; c0 = median cv of A = 0;
    // G = p90 of first gaps (10, 10) = 10; L = p95 of six 10s = 10.
    const t = Object.fromEntries(
      (
        await ws.all<{ name: string; value: number }>(
          `SELECT name, value FROM snapshot_thresholds WHERE snapshot_id = 1`,
        )
      ).map((r) => [r.name, r.value]),
    );
    expect(t).toMatchObject({ r0: 10, c0: 0, one_time_days: 10, lapse_days: 10 });
    const feb = await at('2024-02');
    // A: r = (5·10 + 2·10)/7 = 10, s = 0, recency 5 → active. B: one day, recency 50 > max(G, L) = 10 → lost.
    // C: recency 48 > max(L, r + 3s) = 10 → lost. D: one day (Jan 3), recency 57 → lost. E: first purchase in Feb → new.
    expect(Object.fromEntries(Object.entries(feb).map(([k, v]) => [k, v['stage']]))).toEqual({
      A: 'active',
      B: 'lost',
      C: 'lost',
      D: 'lost',
      E: 'new',
    });
  });

  it('March: rhythm, thresholds, stages, restored', async () => {
    // Gaps by Mar 31: A eight 10s; C 10; D 77 (Jan 3 → Mar 20). r0 = median(10, 10, 77) = 10; c0 = 0 (only A).
    // G = p90 of first gaps [10, 10, 77]: h = 2·0.9 = 1.8 → 10 + 0.8·67 = 63.6.
    // L = p95 of [10 ×9, 77]: h = 9·0.95 = 8.55 → 10 + 0.55·67 = 46.85.
    const t = Object.fromEntries(
      (
        await ws.all<{ name: string; value: number }>(
          `SELECT name, value FROM snapshot_thresholds WHERE snapshot_id = 2`,
        )
      ).map((r) => [r.name, r.value]),
    );
    expect(t['r0']).toBe(10);
    expect(t['one_time_days']).toBeCloseTo(63.6, 10);
    expect(t['lapse_days']).toBeCloseTo(46.85, 10);
    const mar = await at('2024-03');
    expect(Object.fromEntries(Object.entries(mar).map(([k, v]) => [k, v['stage']]))).toEqual({
      A: 'active', // recency 6 ≤ r + s = 10
      B: 'lost', // one day, recency 81 > max(G, L) = 63.6
      C: 'lost', // r = (10 + 2·10)/3 = 10, s = 0, recency 79 > max(L, r + 3s) = 46.85
      D: 'restored', // lost at Feb 29, bought on Mar 20; r = (77 + 20)/3 = 32.33, recency 11 → active → restored
      E: 'one_time', // one day (Feb 10), recency 50 ≤ G = 63.6
      F: 'new', // first purchase on Mar 30
    });
    expect(mar['D']!['rhythm_days']).toBeCloseTo(97 / 3, 10);
    expect(mar['D']!['expected_next_purchase']).toBe('2024-04-21'); // Mar 20 + round(32.33) = 32 days
    expect(mar['A']!['days_overdue']).toBe(0);
    expect(mar['C']!['days_overdue']).toBe(69); // recency 79 − r 10
    // Lost since the day recency passed max(L, r + 3s) = 46.85 under the current thresholds: Jan 12 + 46 + 1.
    expect(mar['C']!['stage_since']).toBe('2024-02-28');
    expect(mar['C']!['days_in_stage']).toBe(32);
    expect(mar['E']!['stage_since']).toBe('2024-02-10'); // one_time: since the first purchase
  });
});

describe('RFM at March 31', () => {
  it('scores against quintile cut points and maps to segments', async () => {
    // recency [1, 6, 11, 50, 79, 81] → cuts 6, 11, 50, 79 (h = 5p gives exact order statistics)
    // orders [1, 1, 1, 2, 2, 9] → cuts 1, 1, 2, 2; gross [10, 50, 60, 80, 400, 900] → cuts 50, 60, 80, 400
    const mar = await at('2024-03');
    const scores = Object.fromEntries(
      Object.entries(mar).map(([k, v]) => [k, [v['r_score'], v['f_score'], v['m_score'], v['rfm_segment']]]),
    );
    expect(scores).toEqual({
      A: [5, 5, 5, 'Champions'], // R5, FM 5
      B: [1, 1, 1, 'Lost'], // R1, FM 1
      C: [2, 3, 2, 'At Risk'], // recency 79: three cuts below → 5 − 3 = 2; FM 2.5
      D: [4, 3, 4, 'Loyal'], // R4, FM 3.5
      E: [3, 1, 3, 'Need Attention'], // R3, FM 2
      F: [5, 1, 1, 'New'], // R5, FM 1
    });
  });

  it('ABC by cumulative 12-month revenue', async () => {
    // Sorted: A 900, D 400, E 80, C 60, B 50, F 10 (total 1,500; 80 % = 1,200, 95 % = 1,425).
    // Revenue before: A 0 → A; D 900 → A; E 1,300 → B; C 1,380 → B; B 1,440 → C; F 1,490 → C.
    const mar = await at('2024-03');
    expect(Object.fromEntries(Object.entries(mar).map(([k, v]) => [k, v['abc']]))).toEqual({
      A: 'A',
      D: 'A',
      E: 'B',
      C: 'B',
      B: 'C',
      F: 'C',
    });
    // A: 300 in each of three months, 0 in nine: mean 75, population sd = sqrt(22,500 − 75²) = 129.90 → cv 1.732 → Z.
    expect(mar['A']!['cv_12m']).toBeCloseTo(Math.sqrt(3), 10);
    expect(mar['A']!['xyz']).toBe('Z');
  });
});

describe('flows February → March', () => {
  it('rows add up to February and carry March revenue', async () => {
    const f = await flows(ws, { from: '2024-02', to: '2024-03' });
    const cells = Object.fromEntries(
      f.matrix.map((r) => [`${r.from_stage ?? '(entered)'}→${r.to_stage}`, [r.customers, r.revenue]]),
    );
    expect(cells).toEqual({
      'active→active': [1, 300], // A bought Mar 5, 15, 25
      'lost→lost': [2, 0], // B, C
      'lost→restored': [1, 200], // D
      'new→one_time': [1, 0], // E
      '(entered)→new': [1, 10], // F
    });
  });
});

describe('products ABC/XYZ (12 months)', () => {
  it('classifies steady, seasonal and one-off products', async () => {
    const { ws: w, dir: d, cleanup: c } = await tempWorkspace();
    try {
      const lines: string[] = ['customer_id,date,sku,quantity,amount'];
      for (let m = 1; m <= 12; m++) {
        const mm = String(m).padStart(2, '0');
        lines.push(`A,2023-${mm}-15,STEADY,10,100`); // 10 every month: cv 0 → X
        lines.push(`A,2023-${mm}-16,WAVE,${m % 2 ? 8 : 12},10`); // 8,12,…: mean 10, sd 2 → cv 0.2 → Y
      }
      lines.push('A,2023-06-01,ONCE,120,30'); // one month of 12: cv sqrt(11) → Z
      await ingestFile(w, writeText(d, 'p.csv', `${lines.join('\n')}\n`));
      const rows = await w.all<{ sku: string; revenue: number; abc: string; cv: number; xyz: string }>(
        productsSql(),
        ['2023-12-31'],
      );
      // Revenue: STEADY 1,200, WAVE 120, ONCE 30 (total 1,350; 80 % = 1,080, 95 % = 1,282.5): before STEADY 0 → A;
      // before WAVE 1,200 → B; before ONCE 1,320 → C.
      expect(rows.map((r) => [r.sku, r.abc, r.xyz])).toEqual([
        ['STEADY', 'A', 'X'],
        ['WAVE', 'B', 'Y'],
        ['ONCE', 'C', 'Z'],
      ]);
      expect(rows[1]!.cv).toBeCloseTo(0.2, 12);
      expect(rows[2]!.cv).toBeCloseTo(Math.sqrt(11), 12);
    } finally {
      c();
    }
  });
});
