import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ingestFile } from '../../src/ingest/load.js';
import { fitModel } from '../../src/predict/fit.js';
import { validateModel } from '../../src/predict/validate.js';
import type { Workspace } from '../../src/db/workspace.js';
import { DATA, tempWorkspace } from '../helpers/workspace.js';

// Oracles: ../shared/data/cdnow/README.md and reference_values.json. The data goes through `ingest` from the
// raw transaction log, not from the ready summaries.
const sig = (value: number, digits: number): number => Number(value.toPrecision(digits));

describe('CDNOW 1/10 sample, loaded from the raw log', () => {
  let ws: Workspace;
  let cleanup: () => void;
  beforeAll(async () => {
    ({ ws, cleanup } = await tempWorkspace());
    await ingestFile(ws, `${DATA}cdnow/cdnowElog.csv`);
  });
  afterAll(() => cleanup());
  const cal = { calibrationEnd: '1997-09-30', unit: 'week' as const };

  it('BG/NBD reproduces Fader, Hardie & Lee (2005) to 4 significant digits', async () => {
    const f = await fitModel(ws, { model: 'bgnbd', ...cal });
    // lifetimes/BTYD unrounded: r 0.242593, alpha 4.413532, a 0.792886, b 2.425752; LL −9582.429.
    expect(f.customers).toBe(2_357);
    expect([
      sig(f.params['r']!, 4),
      sig(f.params['alpha']!, 4),
      sig(f.params['a']!, 4),
      sig(f.params['b']!, 4),
    ]).toEqual([0.2426, 4.414, 0.7929, 2.426]);
    expect(f.loglik).toBeCloseTo(-9582.429, 2);
  });

  it('Gamma-Gamma reproduces Fader & Hardie (2013) on the 946 repeaters', async () => {
    const f = await fitModel(ws, { model: 'gg', ...cal });
    // p 6.2496, q 3.7442, gamma 15.4435 (unrounded m_x); LL −4055.92.
    expect(f.customers).toBe(946);
    expect([sig(f.params['p']!, 4), sig(f.params['q']!, 4), sig(f.params['gamma']!, 4)]).toEqual([
      6.25, 3.744, 15.44,
    ]);
    expect(f.loglik).toBeCloseTo(-4055.92, 1);
  });

  it('Pareto/NBD: r, alpha, s to 3 digits; beta only loosely (its standard error is about 6.2)', async () => {
    const f = await fitModel(ws, { model: 'pnbd', ...cal });
    // r 0.553, alpha 10.578 (BTYD 10.580), s 0.606, beta 11.669 (BTYD 11.656); LL −9594.976. Beta is poorly
    // identified: fits that stop anywhere between 11.65 and 11.67 share the log-likelihood (README).
    expect([sig(f.params['r']!, 3), sig(f.params['alpha']!, 3), sig(f.params['s']!, 3)]).toEqual([
      0.553, 10.6, 0.606,
    ]);
    expect(f.params['beta']).toBeGreaterThan(11.5);
    expect(f.params['beta']).toBeLessThan(11.8);
    expect(f.std_errors['beta']).toBeGreaterThan(5);
    expect(f.loglik).toBeCloseTo(-9594.976, 2);
  });

  it('MBG/NBD matches the lifetimes/BTYDplus figures', async () => {
    const f = await fitModel(ws, { model: 'mbgnbd', ...cal });
    // r 0.525, alpha 6.183, a 0.891, b 1.614; LL −9582.136.
    expect([
      sig(f.params['r']!, 3),
      sig(f.params['alpha']!, 4),
      sig(f.params['a']!, 3),
      sig(f.params['b']!, 4),
    ]).toEqual([0.525, 6.183, 0.891, 1.614]);
    expect(f.loglik).toBeCloseTo(-9582.136, 2);
  });

  it('holdout validation reproduces the BTYD vignette', async () => {
    const v = await validateModel(ws, {
      model: 'bgnbd',
      calibrationEnd: '1997-09-30',
      holdoutEnd: '1998-06-30',
      unit: 'week',
    });
    // Mean holdout transactions by calibration frequency 0..7+ (BTYD vignette).
    expect(v.by_frequency.map((b) => b.customers)).toEqual([1411, 439, 214, 100, 62, 38, 29, 64]);
    expect(v.by_frequency.map((b) => Number(b.actual.toFixed(3)))).toEqual([
      0.237, 0.697, 1.393, 1.56, 2.532, 2.947, 3.862, 6.359,
    ]);
    expect(v.by_frequency.map((b) => Number(b.predicted.toFixed(3)))).toEqual([
      0.225, 0.523, 1.044, 1.52, 2.164, 2.654, 3.504, 6.157,
    ]);
    expect(v.errors.actual_total).toBe(1_882);
    expect(v.errors.predicted_total).toBeCloseTo(1_653.4, 1);
    // Cumulative repeat transactions (btyd_cdnowSummary_cu_tracking.csv): week 39 = 2,457, week 78 = 4,339.
    expect(v.tracking[38]?.actual).toBe(2_457);
    expect(v.tracking[77]?.actual).toBe(4_339);
    expect(v.tracking).toHaveLength(78);
  });
});

describe('CDNOW full cohort, loaded from CDNOW_master.txt', () => {
  it('BG/NBD and Gamma-Gamma reproduce the README figures', async () => {
    const { ws, cleanup } = await tempWorkspace();
    try {
      await ingestFile(ws, `${DATA}cdnow_full/CDNOW_master.txt`);
      const b = await fitModel(ws, { model: 'bgnbd', calibrationEnd: '1997-09-30', unit: 'week' });
      // README (numpy/scipy, and lifetimes agrees): r 0.2516, alpha 4.7889, a 0.7234, b 2.1611, LL −95368.444.
      expect([
        sig(b.params['r']!, 4),
        sig(b.params['alpha']!, 5),
        sig(b.params['a']!, 4),
        sig(b.params['b']!, 5),
      ]).toEqual([0.2516, 4.7889, 0.7234, 2.1611]);
      expect(b.loglik).toBeCloseTo(-95368.444, 2);
      const g = await fitModel(ws, { model: 'gg', calibrationEnd: '1997-09-30', unit: 'week' });
      // Gamma-Gamma on 9,450 repeaters, one with m_x = 0 dropped: p 6.2754, q 3.6245, gamma 14.9837, LL −40763.476.
      expect(g.customers).toBe(9_450);
      expect(g.skipped?.non_positive_spend).toBe(1);
      expect([sig(g.params['p']!, 5), sig(g.params['q']!, 5), sig(g.params['gamma']!, 6)]).toEqual([
        6.2754, 3.6245, 14.9837,
      ]);
      expect(g.loglik).toBeCloseTo(-40763.476, 2);
    } finally {
      cleanup();
    }
  });
});
