import { describe, expect, test } from 'vitest';
import type { Progress } from '../../src/util/progress.js';
import { ProgressTracker } from '../../src/util/progress-tracker.js';

/** A tracker on a clock the test moves (milliseconds), and the events it passed on. */
function tracked(): { at: (ms: number) => void; report: (p: Progress) => void; seen: Progress[] } {
  let now = 1_000_000;
  const start = now;
  const seen: Progress[] = [];
  const tracker = new ProgressTracker(
    (p) => seen.push(p),
    () => now,
  );
  return { at: (ms) => (now = start + ms), report: tracker.listener, seen };
}

describe('ProgressTracker', () => {
  test('extrapolates the pace of the phase: 25 of 100 rows in 10 s leave 30 s', () => {
    const t = tracked();
    t.report({ phase: 'loading', done: 0, total: 100, unit: 'rows' });
    t.at(10_000);
    t.report({ phase: 'loading', done: 25, total: 100, unit: 'rows' });
    t.at(16_000);
    t.report({ phase: 'loading', done: 40, total: 100, unit: 'rows' });
    expect(t.seen).toEqual([
      { phase: 'loading', done: 0, total: 100, unit: 'rows', elapsed_s: 0 },
      // 10 s for 25 rows → 0.4 s a row; 75 rows left → 30 s.
      { phase: 'loading', done: 25, total: 100, unit: 'rows', elapsed_s: 10, eta_s: 30 },
      // 16 s for 40 rows → 0.4 s a row; 60 left → 24 s.
      { phase: 'loading', done: 40, total: 100, unit: 'rows', elapsed_s: 16, eta_s: 24 },
    ]);
  });

  test('a new phase starts its own pace while the elapsed time goes on', () => {
    const t = tracked();
    t.report({ phase: 'fitting', done: 0, total: 1 });
    t.at(20_000);
    t.report({ phase: 'snapshots', done: 0, total: 24, unit: 'snapshots' });
    t.at(95_000);
    t.report({ phase: 'snapshots', done: 6, total: 24, unit: 'snapshots' });
    // 75 s in the phase for 6 snapshots → 12.5 s each; 18 left → 225 s.
    expect(t.seen.at(-1)).toEqual({
      phase: 'snapshots',
      done: 6,
      total: 24,
      unit: 'snapshots',
      elapsed_s: 95,
      eta_s: 225,
    });
  });

  test('done going back starts the pace again (the next query of a phase in percent)', () => {
    const t = tracked();
    t.report({ phase: 'analyzing', done: 0, total: 100, unit: 'percent' });
    t.at(4_000);
    t.report({ phase: 'analyzing', done: 80, total: 100, unit: 'percent' });
    t.at(5_000);
    t.report({ phase: 'analyzing', done: 10, total: 100, unit: 'percent' });
    t.at(7_000);
    t.report({ phase: 'analyzing', done: 30, total: 100, unit: 'percent' });
    expect(t.seen.map((p) => p.eta_s)).toEqual([
      undefined,
      1, // 4 s for 80 % → 1 s for the last 20 %
      undefined, // a new query: nothing measured yet
      7, // 2 s for 20 points since it began at 10 % → 7 s for the 70 left
    ]);
    expect(t.seen.map((p) => p.elapsed_s)).toEqual([0, 4, 5, 7]);
  });

  test('no estimate before anything is done, none left at the end, a tenth of a second at most', () => {
    const t = tracked();
    t.report({ phase: 'reading', done: 0, total: 3, unit: 'bytes' });
    t.at(1_000);
    t.report({ phase: 'reading', done: 0, total: 3, unit: 'bytes' });
    t.at(2_000);
    t.report({ phase: 'reading', done: 1, total: 3, unit: 'bytes' });
    t.at(3_333);
    t.report({ phase: 'reading', done: 3, total: 3, unit: 'bytes' });
    expect(t.seen.map((p) => [p.elapsed_s, p.eta_s])).toEqual([
      [0, undefined],
      [1, undefined],
      [2, 4], // 2 s for 1 of 3 → 4 s for the other 2
      [3.3, 0],
    ]);
  });

  test('an estimate given by an inner step is replaced by this one', () => {
    const t = tracked();
    t.report({ phase: 'months', done: 0, total: 10, unit: 'months', eta_s: 999, elapsed_s: 999 });
    expect(t.seen).toEqual([{ phase: 'months', done: 0, total: 10, unit: 'months', elapsed_s: 0 }]);
  });
});
