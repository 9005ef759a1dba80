import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { runCli } from '../../src/cli/main.js';
import { progressLine } from '../../src/cli/progress.js';
import { DATA, tempDir } from '../helpers/workspace.js';

const { dir, cleanup } = tempDir('clientele-cli-progress-');
afterAll(cleanup);

/** Runs the CLI in-process as if on a terminal (`tty`) or not, capturing both streams. */
async function run(tty: boolean, ...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await runCli(argv, { out: (t) => (out += t), err: (t) => (err += t), tty });
  return { code, out, err };
}

describe('progress on the terminal', () => {
  test('a progress line: phase, bar, done of total in its unit, elapsed and time left', () => {
    expect(
      progressLine({ phase: 'snapshots', done: 6, total: 24, unit: 'snapshots', elapsed_s: 75, eta_s: 225 }),
    ).toBe('snapshots [######..................]  25% 6/24 snapshots · 1:15 elapsed · ~3:45 left');
    expect(
      progressLine({ phase: 'reading', done: 1_500_000, total: 3_000_000, unit: 'bytes', elapsed_s: 3.2 }),
    ).toBe('reading [############............]  50% 1.5 MB/3 MB · 0:03 elapsed');
    expect(
      progressLine({ phase: 'loading', done: 100, total: 100, unit: 'percent', elapsed_s: 3725, eta_s: 0 }),
    ).toBe('loading [########################] 100% · 1:02:05 elapsed');
  });

  test('every long command draws progress on stderr on a terminal, and clears it before it prints', async () => {
    const demo = await run(true, 'demo', '--customers', '50', '--out', join(dir, 'a'));
    expect(demo.code).toBe(0);
    expect(demo.err).toMatch(/^\rwriting \[[#.]+\] +\d+% \d+\/50 customers · 0:\d\d elapsed/);
    expect(demo.err.endsWith('\r\u001b[2K')).toBe(true);
    expect(demo.out).toMatch(/^Demo retailer/);
    const ws = join(dir, 'a.duckdb');
    const phases: [string[], RegExp][] = [
      [['ingest', join(DATA, 'cdnow/cdnowElog.csv')], /\r(reading|loading|checking) \[/],
      [['analyze', '--months', '3'], /\rmonths \[.*\d+\/\d+ months/],
      [['predict', '--snapshots'], /\rfitting \[.*\rsnapshots \[[#.]+\] +0% 0\/\d+ snapshots/s],
      [['recommend'], /\rrecommending \[/],
      [['profile'], /\rprofiling \[/],
    ];
    for (const [argv, drawn] of phases) {
      const r = await run(true, ...argv, '--workspace', ws);
      expect(r.code, r.err).toBe(0);
      expect(r.err).toMatch(drawn);
      expect(r.err.endsWith('\r\u001b[2K')).toBe(true);
    }
  });

  test('nothing is drawn when not on a terminal, or with --json', async () => {
    const file = join(DATA, 'cdnow/cdnowElog.csv');
    const ws = join(dir, 'b.duckdb');
    const plain = [
      await run(false, 'demo', '--customers', '50', '--out', join(dir, 'b')),
      await run(false, 'ingest', file, '--workspace', ws),
      await run(false, 'analyze', '--workspace', ws, '--months', '3'),
      await run(false, 'predict', '--snapshots', '--workspace', ws),
    ];
    const json = [
      await run(true, 'demo', '--customers', '50', '--out', join(dir, 'c'), '--json'),
      await run(true, 'ingest', file, '--workspace', join(dir, 'c.duckdb'), '--json'),
      await run(true, 'analyze', '--workspace', ws, '--months', '3', '--json'),
      await run(true, 'predict', '--snapshots', '--workspace', ws, '--json'),
      await run(true, 'recommend', '--workspace', ws, '--json'),
      await run(true, 'profile', '--workspace', ws, '--json'),
    ];
    expect([...plain, ...json].map((r) => [r.code, r.err])).toEqual([...plain, ...json].map(() => [0, '']));
    for (const r of json) expect(() => JSON.parse(r.out) as unknown).not.toThrow();
  });
});
