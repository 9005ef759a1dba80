import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyze } from '../../src/analyze/analyze.js';
import { ingestFile } from '../../src/ingest/load.js';
import { catalogue, type Metric } from '../../src/metrics/index.js';
import { cli } from '../helpers/cli.js';
import { DATA, tempDir } from '../helpers/workspace.js';
import { AUTH, json, startServer, type TestServer } from '../server/helpers.js';

// The method texts of the RFM scores, ABC and XYZ state the settings the stored analysis used, so that a
// marketer who ran `analyze --abc 70,90` does not read "80 %" in the catalogue. The defaults are those the
// README's "Segments, in short" states: RFM quintiles, ABC 80/95 %, XYZ 10/25 %.
const method = (list: { id: unknown; method: unknown }[], id: string, lang: 'en' | 'ru' = 'en'): string => {
  const m = list.find((x) => x.id === id)?.method;
  return typeof m === 'string' ? m : String((m as Metric['method'] | undefined)?.[lang]);
};

function checkMethods(list: { id: unknown; method: unknown }[], lang: 'en' | 'ru'): void {
  if (lang === 'en') {
    expect(method(list, 'r_score')).toMatch(/scored 1–3 against the fixed cut points 30, 90 /);
    expect(method(list, 'r_score')).toMatch(/4 minus that/);
    expect(method(list, 'f_score')).toMatch(/scored 1–3 against the 33\.3\/66\.7 % quantiles/);
    expect(method(list, 'abc')).toMatch(/under 70 % of the total, B under 90 %/);
    expect(method(list, 'xyz')).toMatch(/X ≤ 20 %, Y ≤ 50 %/);
  } else {
    expect(method(list, 'f_score', 'ru')).toMatch(/оценка 1–3 по 33,3\/66,7 % квантилям/);
    expect(method(list, 'abc', 'ru')).toMatch(/меньше 70 % итога, B — меньше 90 %/);
  }
}

describe('the catalogue without an analysis', () => {
  it('states the default settings', () => {
    const c = catalogue();
    expect(method(c, 'r_score')).toMatch(/scored 1–5 against the 20\/40\/60\/80 % quantiles/);
    expect(method(c, 'r_score')).toMatch(/6 minus that/);
    expect(method(c, 'abc')).toMatch(/under 80 % of the total, B under 95 %/);
    expect(method(c, 'xyz')).toMatch(/X ≤ 10 %, Y ≤ 25 %/);
    expect(method(c, 'xyz', 'ru')).toMatch(/X ≤ 10 %, Y ≤ 25 %/);
  });
});

describe('after an analysis with other settings', () => {
  let s: TestServer;
  beforeAll(async () => {
    s = await startServer({}, async (ws) => {
      await ingestFile(ws, join(DATA, 'cdnow/cdnowElog.csv'));
      await analyze(ws, {
        months: 2,
        rfm: { levels: 3, cuts: { r: [30, 90] } },
        abcXyz: { a: 0.7, b: 0.9, x: 0.2, y: 0.5 },
      });
    });
  });
  afterAll(() => s.cleanup());

  it('GET /api/metrics states them, in both languages', async () => {
    const get = async (lang: string) =>
      json<{ metrics: { id: string; method: string }[] }>(
        await s.app.inject({ url: `/api/metrics?lang=${lang}`, headers: AUTH }),
      ).metrics;
    checkMethods(await get('en'), 'en');
    checkMethods(await get('ru'), 'ru');
  });

  it("the pivot's ABC and XYZ dimensions state them", async () => {
    const body = json<{ dimensions: { id: string; method: { en: string } }[] }>(
      await s.app.inject({ url: '/api/pivot/options', headers: AUTH }),
    );
    const dim = (id: string) => body.dimensions.find((d) => d.id === id)?.method.en;
    expect(dim('abc')).toMatch(/under 70 % of the total, B under 90 %/);
    expect(dim('xyz')).toMatch(/X ≤ 20 %, Y ≤ 50 %/);
  });
});

describe('`clientele metrics`', () => {
  let dir: string;
  let cleanup: () => void;
  beforeAll(() => ({ dir, cleanup } = tempDir()));
  afterAll(() => cleanup());

  it('states the settings of the analysis in its workspace, and the defaults without one', async () => {
    const ws = join(dir, 'a.duckdb');
    expect((await cli('ingest', join(DATA, 'cdnow/cdnowElog.csv'), '--workspace', ws)).code).toBe(0);
    const a = await cli(
      'analyze',
      ...['--months', '2', '--rfm-levels', '3', '--rfm-cuts', 'r=30,90', '--abc', '70,90', '--xyz', '20,50'],
      ...['--workspace', ws],
    );
    expect(a.code, a.err).toBe(0);
    const r = await cli('metrics', '--json', '--workspace', ws);
    expect(r.code, r.err).toBe(0);
    const list = JSON.parse(r.out) as Metric[];
    checkMethods(list, 'en');
    checkMethods(list, 'ru');
    const none = await cli('metrics', '--json', '--workspace', join(dir, 'none.duckdb'));
    expect(none.code).toBe(0);
    expect(method(JSON.parse(none.out) as Metric[], 'abc')).toMatch(/under 80 % of the total/);
  });
});
