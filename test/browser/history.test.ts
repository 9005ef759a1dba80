import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyze } from '../../src/analyze/analyze.js';
import { generateDemo } from '../../src/demo/index.js';
import { ingestFile } from '../../src/ingest/load.js';
import { DATA } from '../helpers/workspace.js';
import { openBrowserApp, type BrowserApp } from './browser.js';

let app: BrowserApp;
let page: Page;
let problems: string[];
/** Counted straight from the stored snapshots when the workspace is prepared. */
let snapshots: number;
let movers: number;

const shot = (name: string) => app.shot(`history-${name}`);

async function expectCharts(): Promise<void> {
  const sizes = await app.chartSizes();
  expect(sizes.length).toBeGreaterThanOrEqual(1);
  for (const size of sizes) {
    expect(size.width).toBeGreaterThan(100);
    expect(size.height).toBeGreaterThan(100);
  }
}

/** The demo retailer (600 customers, 2023–2025) with a 24-month analysis. */
beforeAll(async () => {
  app = await openBrowserApp(async (ws, dir) => {
    const demo = await generateDemo({
      customers: 600,
      seed: 3,
      outDir: join(dir, 'demo'),
      format: 'csv',
      threads: 1,
    });
    await ingestFile(ws, demo.files.sales);
    await ingestFile(ws, demo.files.customers);
    await analyze(ws, { months: 24 });
    snapshots = Number(await ws.scalar(`SELECT count(*) FROM snapshots`));
    movers = Number(
      await ws.scalar(
        `SELECT count(*) FROM customer_snapshots c JOIN customer_snapshots p USING (customer_id)
         WHERE c.snapshot_id = 23 AND p.snapshot_id = 22 AND p.stage = 'active' AND c.stage = 'falling_asleep'`,
      ),
    );
  });
  ({ page, problems } = app);
  await app.open('/');
}, 60_000);

afterAll(async () => {
  await app?.close();
});

describe('the history pages in Chromium', () => {
  it('lists the three pages in the navigation, in order', async () => {
    const links = await page.getByRole('navigation').getByRole('link').allTextContents();
    const at = (name: string) => links.indexOf(name);
    expect(at('Base structure')).toBeGreaterThan(at('Overview'));
    expect(at('Flows')).toBe(at('Base structure') + 1);
    expect(at('Cohorts')).toBe(at('Flows') + 1);
  });

  it('shows the base structure: a stacked chart, the month × stage table, and each stage’s rule', async () => {
    await page.getByRole('navigation').getByRole('link', { name: 'Base structure' }).click();
    await page.getByRole('heading', { name: 'Base structure over time' }).waitFor();
    await expectCharts();
    const table = page.getByRole('table', { name: 'Months by stage' });
    await expect.poll(() => table.locator('tbody tr').count()).toBe(snapshots);
    // Month, Total, then the stages in their order: New, One purchase, Active, Falling asleep, Asleep, …
    const asleep = table.locator('th').nth(6);
    expect(await asleep.textContent()).toMatch(/^Asleep\?/);
    await asleep.getByRole('button', { name: 'How is this computed?' }).hover();
    await expect.poll(() => asleep.getByRole('tooltip').isVisible()).toBe(true);
    expect(await asleep.getByRole('tooltip').textContent()).toMatch(
      /^Asleep: Customers in this stage .* Lifecycle stage\. Evaluated at each snapshot .*asleep — recency ≤ max\(L, r \+ 3s\)/,
    );
    expect(await page.locator('a', { hasText: 'CSV' }).first().getAttribute('href')).toBe(
      '/api/structure?format=csv',
    );
    await shot('structure');
    await page.getByRole('combobox', { name: 'Show' }).selectOption('revenue');
    await page.getByRole('heading', { name: 'Revenue of the month by lifecycle stage' }).waitFor();
  });

  it('shows the flows: a Sankey, the matrix, and the customers behind a clicked cell', async () => {
    await page.getByRole('navigation').getByRole('link', { name: 'Flows' }).click();
    await page.getByRole('heading', { name: 'Where the customers of Nov 2025 are in Dec 2025' }).waitFor();
    await expectCharts();
    expect(await page.getByRole('combobox', { name: 'From month' }).inputValue()).toBe('2025-11');
    expect(await page.getByRole('combobox', { name: 'To month' }).inputValue()).toBe('2025-12');
    expect(movers).toBeGreaterThan(0);
    const cell = page.getByRole('button', { name: `Active → Falling asleep: ${movers}` });
    await cell.click();
    expect(await cell.getAttribute('aria-pressed')).toBe('true');
    await page
      .getByText(`${movers} customers moved from Active in Nov 2025 to Falling asleep in Dec 2025`)
      .waitFor();
    const list = page.getByRole('table', { name: 'Customers who moved' });
    await expect.poll(() => list.locator('tbody tr').count()).toBe(Math.min(movers, 50));
    const exportLink = page.getByRole('link', { name: 'Export for CRM · CSV' });
    const href = await exportLink.getAttribute('href');
    expect(href).toBe(
      '/api/triggers?from_stage=active&to_stage=falling_asleep&from=2025-11&as_of=2025-12&format=csv',
    );
    const csv = await page.request.get(`${app.base}${href}`);
    expect(csv.status()).toBe(200);
    expect((await csv.text()).trim().split('\n')).toHaveLength(movers + 1);
    await shot('flows');
    // The first listed customer opens their card.
    const first = list.locator('tbody tr').first().getByRole('link');
    const id = await first.textContent();
    await first.click();
    await page.getByRole('heading', { name: `Customer ${id}` }).waitFor();
    await page.goBack();
    await page.getByRole('heading', { name: 'Flows between stages' }).waitFor();
  });

  it('compares two other months by RFM segment', async () => {
    await page.getByRole('combobox', { name: 'From month' }).selectOption('2025-06');
    await page.getByRole('heading', { name: 'Where the customers of Jun 2025 are in Dec 2025' }).waitFor();
    await page.getByRole('combobox', { name: 'By' }).selectOption('rfm_segment');
    await page.getByText('Customer lists are by lifecycle stage').waitFor();
    const matrix = page.getByRole('table', { name: 'Transition matrix: rows Jun 2025, columns Dec 2025' });
    await matrix.locator('th', { hasText: 'Champions' }).waitFor();
    await expectCharts();
  });

  it('shows the cohorts: a heatmap with a metric switch and the table', async () => {
    await page.getByRole('navigation').getByRole('link', { name: 'Cohorts' }).click();
    await page.getByRole('heading', { name: 'Retention by cohort and month' }).waitFor();
    await expectCharts();
    const table = page.getByRole('table', { name: 'Cohort table' });
    const january = table.locator('tr', { hasText: 'Jan 2025' });
    await expect.poll(() => january.locator('td').nth(14).textContent()).toBe('100%');
    await page.getByRole('combobox', { name: 'Metric' }).selectOption('active');
    await page.getByRole('heading', { name: 'Active customers by cohort and month' }).waitFor();
    await page.getByRole('combobox', { name: 'Columns' }).selectOption('age');
    await table.locator('th', { hasText: 'Month 0' }).waitFor();
    expect(await page.locator('a', { hasText: 'CSV' }).first().getAttribute('href')).toBe(
      '/api/cohorts?metric=active&axis=age&format=csv',
    );
    await shot('cohorts');
  });

  it('switches to Russian', async () => {
    await page.getByRole('combobox', { name: 'Language' }).selectOption('ru');
    await page.getByRole('heading', { name: 'Когорты по месяцу первой покупки' }).waitFor();
    await page.getByRole('navigation').getByRole('link', { name: 'Перетоки' }).click();
    await page.getByRole('heading', { name: 'Перетоки между стадиями' }).waitFor();
    await page
      .getByRole('columnheader', { name: /Засыпающий/ })
      .first()
      .waitFor();
    await expectCharts();
    await page.getByRole('navigation').getByRole('link', { name: 'Структура базы' }).click();
    await page.getByRole('heading', { name: 'Структура базы во времени' }).waitFor();
    await expectCharts();
    await shot('russian');
  });

  it('logged no console errors', () => {
    expect(problems).toEqual([]);
  });
});

describe('the history pages without an analysis', () => {
  it('say to run clientele analyze', async () => {
    const bare = await openBrowserApp(async (ws) => {
      await ingestFile(ws, join(DATA, 'apparel/apparelTrans.csv'));
    });
    try {
      await bare.open('/structure');
      await bare.page
        .getByRole('status')
        .filter({ hasText: 'Not computed yet.' })
        .getByText(/run `clientele analyze`/)
        .waitFor();
      await bare.page.getByRole('navigation').getByRole('link', { name: 'Flows' }).click();
      await bare.page
        .getByRole('status')
        .filter({ hasText: 'Not computed yet.' })
        .getByText(/run `clientele analyze`/)
        .waitFor();
      expect(await bare.page.getByRole('alert').count()).toBe(0);
      await bare.shot('history-no-analysis');
      // The 409 answers are reported by the browser; nothing else may be.
      expect(bare.problems.filter((p) => !/status of 409/.test(p))).toEqual([]);
    } finally {
      await bare.close();
    }
  });
});
