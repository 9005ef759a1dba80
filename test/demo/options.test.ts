import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { InputError } from '../../src/errors.js';
import { DEFAULT_DEMO_PARAMETERS, generateDemo, type DemoOptions } from '../../src/demo/index.js';

const dir = mkdtempSync(join(tmpdir(), 'clientele-demo-options-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const good: DemoOptions = { customers: 10, seed: 1, outDir: dir, format: 'csv', threads: 1 };

test.each<[string, Partial<DemoOptions>, RegExp]>([
  ['zero customers', { customers: 0 }, /customers/],
  ['fractional customers', { customers: 2.5 }, /customers/],
  ['negative seed', { seed: -1 }, /seed/],
  ['unknown format', { format: 'xlsx' as DemoOptions['format'] }, /csv or parquet/],
  ['impossible date', { start: '2023-02-30' }, /start date/],
  ['end before start', { start: '2024-01-01', end: '2023-12-31' }, /after the start/],
  ['no threads', { threads: 0 }, /threads/],
  ['anonymous share of 1', { parameters: { anonymous: { share: 1, onlineShare: 0.1 } } }, /anonymous\.share/],
  [
    'negative rate shape',
    { parameters: { bgnbd: { ...DEFAULT_DEMO_PARAMETERS.bgnbd, r: -1 } } },
    /bgnbd\.r must be positive/,
  ],
])('rejects %s with a clear InputError', async (_name, change, message) => {
  const attempt = generateDemo({ ...good, ...change });
  await expect(attempt).rejects.toBeInstanceOf(InputError);
  await expect(attempt).rejects.toThrow(message);
});

test('a short custom period and tiny base still work', async () => {
  const result = await generateDemo({ ...good, start: '2024-12-01', end: '2024-12-31' });
  expect(result.counts.customers).toBe(10);
  expect(result.start).toBe('2024-12-01');
});
