import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { OutcomeResult, ResultsFileReport } from '../../src/campaigns/index.js';
import { DATA } from '../helpers/workspace.js';
import { campaignCli } from './campaign-cli.js';

// Expected values: ../shared/data/hillstrom/README.md ("Reference results"), which cites Yasui, 効果検証入門
// (2020), ch. 1 (R/ch1_bias.R, scipy ttest_ind: t = 5.300090294465472, p = 1.163200872605869e-07).
const FILE = join(DATA, 'hillstrom', 'hillstrom.csv');
const BASE = ['evaluate', '--file', FILE, '--group-col', 'segment', '--control', 'No E-Mail'];
const OUTCOMES = ['--outcome-col', 'visit', '--outcome-col', 'conversion', '--outcome-col', 'spend'];

/** `x` rounded to `digits` significant digits, as the README prints it. */
function sig(x: number | null, digits: number): number {
  return Number((x as number).toPrecision(digits));
}

let report: ResultsFileReport;
let text: string;
beforeAll(async () => {
  const json = await campaignCli(...BASE, ...OUTCOMES, '--json');
  expect(json.err).toBe('');
  expect(json.code).toBe(0);
  report = JSON.parse(json.out) as ResultsFileReport;
  const plain = await campaignCli(...BASE, ...OUTCOMES, '--bootstrap', '0');
  expect(plain.code).toBe(0);
  text = plain.out;
});

function outcome(column: string): OutcomeResult {
  const found = report.outcomes.find((o) => o.column === column);
  if (found === undefined) throw new Error(`no outcome ${column}`);
  return found;
}

describe('campaign evaluate --file on the Hillstrom experiment', () => {
  it('counts 64,000 rows in three arms, 21,307 / 21,387 / 21,306 (README, columns)', () => {
    expect(report.rows).toBe(64_000);
    expect(report.control).toBe('No E-Mail');
    expect(Object.fromEntries(report.groups.map((g) => [g.group, g.customers]))).toEqual({
      'Mens E-Mail': 21_307,
      'Womens E-Mail': 21_387,
      'No E-Mail': 21_306,
    });
  });

  it('treats visit and conversion as 0/1 and spend as continuous', () => {
    expect(report.outcomes.map((o) => [o.column, o.kind])).toEqual([
      ['visit', 'binary'],
      ['conversion', 'binary'],
      ['spend', 'continuous'],
    ]);
  });

  it('reports the rates, counts and spend per customer of every arm (README, table 1)', () => {
    const arms = (column: string) => new Map(outcome(column).arms.map((a) => [a.group, a]));
    // visit: 18.2757 % (3,894), 15.1400 % (3,238), 10.6167 % (2,262)
    expect(arms('visit').get('Mens E-Mail')).toMatchObject({ successes: 3_894 });
    expect(arms('visit').get('Womens E-Mail')).toMatchObject({ successes: 3_238 });
    expect(arms('visit').get('No E-Mail')).toMatchObject({ successes: 2_262 });
    expect(arms('visit').get('Mens E-Mail')?.mean).toBeCloseTo(0.182757, 6);
    expect(arms('visit').get('Womens E-Mail')?.mean).toBeCloseTo(0.1514, 6);
    expect(arms('visit').get('No E-Mail')?.mean).toBeCloseTo(0.106167, 6);
    // conversion: 1.2531 % (267), 0.8837 % (189), 0.5726 % (122)
    expect(arms('conversion').get('Mens E-Mail')).toMatchObject({ successes: 267 });
    expect(arms('conversion').get('Womens E-Mail')).toMatchObject({ successes: 189 });
    expect(arms('conversion').get('No E-Mail')).toMatchObject({ successes: 122 });
    expect(arms('conversion').get('Mens E-Mail')?.mean).toBeCloseTo(0.012531, 6);
    expect(arms('conversion').get('No E-Mail')?.mean).toBeCloseTo(0.005726, 6);
    // spend per customer 1.422617 / 1.077202 / 0.652789; totals 30,311.69 / 23,038.11 / 13,908.33
    expect(arms('spend').get('Mens E-Mail')?.mean).toBeCloseTo(1.422617, 6);
    expect(arms('spend').get('Womens E-Mail')?.mean).toBeCloseTo(1.077202, 6);
    expect(arms('spend').get('No E-Mail')?.mean).toBeCloseTo(0.652789, 6);
    expect(arms('spend').get('Mens E-Mail')?.total).toBeCloseTo(30_311.69, 2);
    expect(arms('spend').get('Womens E-Mail')?.total).toBeCloseTo(23_038.11, 2);
    expect(arms('spend').get('No E-Mail')?.total).toBeCloseTo(13_908.33, 2);
  });

  // README "Lift over control": metric, arm, diff, lift %, Student t (README's digits), p (README's digits),
  // Welch 95 % CI (README's decimals).
  const rows: [string, string, number, number, number, number, number, number, [number, number], number][] = [
    ['visit', 'Mens E-Mail', 0.07659, 72.14, 22.62, 5, 1.3e-112, 2, [0.06995, 0.08323], 5],
    ['conversion', 'Mens E-Mail', 0.006805, 118.84, 7.39, 4, 1.5e-13, 2, [0.005, 0.00861], 5],
    ['spend', 'Mens E-Mail', 0.769827, 117.93, 5.3001, 5, 1.16e-7, 3, [0.4851, 1.0545], 4],
    ['visit', 'Womens E-Mail', 0.045233, 42.61, 13.98, 4, 2.5e-44, 2, [0.03889, 0.05157], 5],
    ['conversion', 'Womens E-Mail', 0.003111, 54.33, 3.78, 3, 1.6e-4, 2, [0.0015, 0.00472], 5],
    ['spend', 'Womens E-Mail', 0.424412, 65.02, 3.25, 3, 1.1e-3, 2, [0.169, 0.6799], 4],
  ];
  it.each(rows)(
    '%s, %s vs No E-Mail',
    (column, arm, diff, lift, t, tDigits, pValue, pDigits, ci, ciDecimals) => {
      const c = outcome(column).comparisons.find((x) => x.arm === arm);
      if (c === undefined) throw new Error(`no comparison ${arm}`);
      expect(c.control).toBe('No E-Mail');
      expect(c.difference).toBeCloseTo(diff, 6);
      expect((c.relative_lift.estimate as number) * 100).toBeCloseTo(lift, 2);
      // The README's t column is Student's t on the 0/1 (or spend) values.
      expect(sig(c.student.statistic, tDigits)).toBe(t);
      expect(c.student.df).toBe(report.groups.find((g) => g.group === arm)!.customers + 21_306 - 2);
      if (arm === 'Womens E-Mail' && column === 'visit') {
        // The README truncates this one: scipy ttest_ind gives p = 2.5596302014419144e-44.
        expect(Math.abs((c.student.pValue as number) / 2.5596302014419144e-44 - 1)).toBeLessThan(1e-8);
      } else {
        expect(sig(c.student.pValue, pDigits)).toBe(pValue);
      }
      expect(c.welch.confidenceInterval.lower).toBeCloseTo(ci[0], ciDecimals);
      expect(c.welch.confidenceInterval.upper).toBeCloseTo(ci[1], ciDecimals);
      // Incremental = difference × the arm's customers.
      const n = report.groups.find((g) => g.group === arm)!.customers;
      expect(c.incremental.estimate).toBeCloseTo(c.difference * n, 6);
    },
  );

  it('adds the two-proportion z-test for 0/1 outcomes and a bootstrap for spend', () => {
    const mens = outcome('conversion').comparisons.find((c) => c.arm === 'Mens E-Mail')!;
    // scipy.stats.chi2_contingency([[267, 21040], [122, 21184]], correction=False): z = √χ² = 7.385114410925772,
    // p = 1.5232235005955455e-13 (the same oracle as test/stats/hillstrom.test.ts).
    expect(mens.proportion?.statistic).toBeCloseTo(7.385114410925772, 10);
    expect(Math.abs((mens.p_value as number) / 1.5232235005955455e-13 - 1)).toBeLessThan(1e-8);
    const spend = outcome('spend').comparisons.find((c) => c.arm === 'Mens E-Mail')!;
    expect(spend.proportion).toBeNull();
    expect(spend.p_value).toBe(spend.welch.pValue);
    expect(spend.bootstrap?.replicates).toBe(2000);
    // A check, not an oracle: the bootstrap interval lies near Welch's [0.4851, 1.0545].
    expect(spend.bootstrap?.percentile.lower).toBeGreaterThan(0.4);
    expect(spend.bootstrap?.percentile.upper).toBeLessThan(1.15);
  });

  it('adjusts each outcome with Holm over the two arms (m = 2: the smaller p doubled)', () => {
    for (const o of report.outcomes) {
      const ps = o.comparisons.map((c) => c.p_value as number);
      const small = Math.min(...ps);
      expect(o.comparisons.map((c) => c.p_value_holm)).toContain(Math.min(1, 2 * small));
    }
  });

  it('passes the sample-ratio check: χ²(2) ≈ 0.20 against equal thirds (README, quirks)', () => {
    expect(report.sample_ratio.df).toBe(2);
    // (26.33² + 27.33² + 53.67²) / 21,333.33 = 0.20253125 by hand.
    expect(report.sample_ratio.chiSquare).toBeCloseTo(0.20253125, 10);
    expect(report.sample_ratio.mismatch).toBe(false);
  });

  it('checks the split given with --split', async () => {
    const r = await campaignCli(
      ...BASE,
      '--outcome-col',
      'conversion',
      '--split',
      'Mens E-Mail=1',
      '--split',
      'Womens E-Mail=1',
      '--split',
      'No E-Mail=2',
      '--bootstrap',
      '0',
      '--json',
    );
    expect(r.code).toBe(0);
    const s = (JSON.parse(r.out) as ResultsFileReport).sample_ratio;
    // Expected 16,000 / 16,000 / 32,000: χ² = 5,307²/16,000 + 5,387²/16,000 + 10,694²/32,000 by hand.
    expect(s.chiSquare).toBeCloseTo(5307 ** 2 / 16000 + 5387 ** 2 / 16000 + 10694 ** 2 / 32000, 6);
    expect(s.mismatch).toBe(true);
  });

  it('prints a table a marketer can read', () => {
    expect(text).toContain('64,000 customers');
    expect(text).toMatch(/Sample-ratio check against the planned split: ok \(χ²\(2\) = 0\.20/);
    expect(text).toMatch(/Mens E-Mail\s+21,307\s+0\.182757\s+\+0\.076590\s+72\.14 %\s+22\.620/);
    expect(text).toMatch(/Womens E-Mail\s+21,387\s+1\.0772\s+\+0\.4244\s+65\.02 %\s+3\.255/);
  });
});

describe('campaign evaluate --file refuses bad input with exit code 2', () => {
  it.each([
    [['--group-col', 'segmnt', '--control', 'No E-Mail'], /--group-col segmnt: the file has no such column/],
    [['--group-col', 'segment', '--control', 'Nobody'], /--control "Nobody" is not a value of segment/],
    [
      ['--group-col', 'segment', '--control', 'No E-Mail', '--outcome-col', 'zip_code'],
      /zip_code holds varchar values/,
    ],
    [['--group-col', 'segment'], /--file needs --group-col COLUMN and --control VALUE/],
    [
      ['--group-col', 'segment', '--control', 'No E-Mail', '--split', 'Mens E-Mail=1'],
      /--split gives no weight/,
    ],
  ])('%j', async (args, message) => {
    const r = await campaignCli('evaluate', '--file', FILE, ...args, '--bootstrap', '0');
    expect(r.code).toBe(2);
    expect(r.err).toMatch(message);
  });

  it('refuses a campaign name together with --file, and a missing file', async () => {
    const both = await campaignCli(
      'evaluate',
      'Spring',
      '--file',
      FILE,
      '--group-col',
      'segment',
      '--control',
      'x',
    );
    expect(both.code).toBe(2);
    expect(both.err).toMatch(/either a campaign NAME or --file/);
    const missing = await campaignCli(
      'evaluate',
      '--file',
      join(DATA, 'nope.csv'),
      '--group-col',
      'g',
      '--control',
      'c',
    );
    expect(missing.code).toBe(2);
    expect(missing.err).toMatch(/no such file/);
  });
});
