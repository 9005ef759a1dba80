import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { JobQueue } from '../../src/server/jobs.js';
import { openBrowserApp, type BrowserApp } from './browser.js';

/** The server's job queue on a clock the test moves (milliseconds), so the times shown are known. */
let now = 0;
const jobs = new JobQueue(() => now);
let app: BrowserApp;
let page: Page;
let release = (): void => undefined;

beforeAll(async () => {
  app = await openBrowserApp(async () => undefined, { jobs });
  ({ page } = app);
  const gate = new Promise<void>((resolve) => (release = resolve));
  // A predictions job as the API runs it (same kind, same events), held at 6 of 24 snapshots until released.
  jobs.submit('predict', 'predictions as of 2025-12-31', async (control) => {
    control.started();
    control.progress({ phase: 'snapshots', done: 0, total: 24, unit: 'snapshots' });
    now = 75_000;
    control.progress({ phase: 'snapshots', done: 6, total: 24, unit: 'snapshots' });
    await gate;
    return null;
  });
});

afterAll(async () => {
  release();
  await app?.close();
});

describe('the job panel, in Chromium', () => {
  it('shows the phase, done of total, the time elapsed and the time left', async () => {
    await app.open('/data');
    const panel = page.locator('.progress');
    await panel.waitFor();
    expect(await panel.locator('.progress-label').textContent()).toBe('Predicting at each month end 25%');
    expect(await panel.getByRole('progressbar').getAttribute('aria-valuenow')).toBe('25');
    // 75 s for 6 snapshots → 12.5 s each → 225 s for the other 18.
    expect(await panel.locator('.progress-detail').textContent()).toBe(
      '6 of 24 month ends · 1:15 elapsed · about 3:45 left',
    );
    await app.shot('job-progress');
  });

  it('in Russian too', async () => {
    await page.getByRole('combobox', { name: 'Language' }).selectOption('ru');
    const detail = page.locator('.progress .progress-detail');
    await expect.poll(() => detail.textContent()).toBe('срезы: 6 из 24 · прошло 1:15 · осталось около 3:45');
    expect(await page.locator('.progress .progress-label').textContent()).toBe(
      'Прогноз на конец каждого месяца 25%',
    );
    await page.getByRole('combobox', { name: 'Язык' }).selectOption('en');
  });

  it('goes away when the job ends', async () => {
    release();
    await page.getByRole('progressbar').waitFor({ state: 'detached' });
    expect(app.problems).toEqual([]);
  });
});
