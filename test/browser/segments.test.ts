import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyze } from '../../src/analyze/analyze.js';
import { ingestFile } from '../../src/ingest/load.js';
import { predictSnapshots } from '../../src/predict/predict.js';
import { DATA } from '../helpers/workspace.js';
import { openBrowserApp, type BrowserApp } from './browser.js';

const CJ = join(DATA, 'completejourney_sample');

let app: BrowserApp;
let page: Page;

/** Figures read from the workspace before the server starts, to compare with what the pages show. */
const x = { champions: 0, customers: 0, productsAZ: 0, cohorts: 0, activeA: 0 };

const shot = (name: string) => app.shot(`segments-${name}`);
const nav = (name: string) => page.getByRole('navigation').getByRole('link', { name, exact: true });

async function expectCharts(min: number): Promise<void> {
  const sizes = await app.chartSizes();
  expect(sizes.length).toBeGreaterThanOrEqual(min);
  for (const size of sizes) {
    expect(size.width).toBeGreaterThan(100);
    expect(size.height).toBeGreaterThan(100);
  }
}

beforeAll(async () => {
  app = await openBrowserApp(async (ws) => {
    await ingestFile(ws, join(CJ, 'transactions_sample.csv'));
    await ingestFile(ws, join(CJ, 'products.csv'), { kind: 'products' });
    await analyze(ws);
    await predictSnapshots(ws, { model: 'bgnbd', horizon: 12, unit: 'month', discountRate: 0, margin: 1 });
    const last = `snapshot_id = (SELECT max(snapshot_id) FROM snapshots)`;
    const count = async (sql: string) => Number(await ws.scalar(sql));
    x.customers = await count(`SELECT count(*) FROM customer_snapshots WHERE ${last}`);
    x.champions = await count(
      `SELECT count(*) FROM customer_snapshots WHERE ${last} AND rfm_segment = 'Champions'`,
    );
    x.cohorts = await count(`SELECT count(DISTINCT cohort) FROM customer_snapshots WHERE ${last}`);
    x.activeA = await count(
      `SELECT count(*) FROM customer_snapshots WHERE ${last} AND stage = 'active' AND abc = 'A'`,
    );
    // Products of class A with irregular demand (CV of monthly quantity above 25 %), over 2017, from the sales.
    x.productsAZ = await count(`
      WITH m AS (SELECT sku, date_trunc('month', ts) AS month, sum(amount) AS revenue, sum(coalesce(quantity, 0)) AS q
                 FROM sales WHERE sku IS NOT NULL AND ts >= DATE '2017-01-01' GROUP BY ALL),
      p AS (SELECT sku, sum(revenue) AS revenue, sum(q) AS q, sum(q * q) AS qq FROM m GROUP BY sku),
      r AS (SELECT *, coalesce(sum(greatest(revenue, 0)) OVER (ORDER BY greatest(revenue, 0) DESC, sku
                 ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING), 0) AS before,
                 sum(greatest(revenue, 0)) OVER () AS total FROM p)
      SELECT count(*) FROM r WHERE revenue > 0 AND before < 0.8 * total AND q > 0
        AND sqrt(greatest(qq / 12 - (q / 12) ^ 2, 0)) / (q / 12) > 0.25`);
  });
  ({ page } = app);
  await app.open('/');
});

afterAll(async () => {
  await app?.close();
});

describe('the segments pages in Chromium', () => {
  it('shows the RFM grid, the segments, the cut points with their (?), and recolours the grid', async () => {
    await nav('RFM').click();
    await page.getByRole('heading', { name: 'RFM segments' }).waitFor();
    await page.getByText('Customers at the analysis snapshot of Dec 31, 2017').waitFor();
    const customers = page.locator('.figure', { hasText: 'Customers' }).first();
    await expect
      .poll(() => customers.locator('.figure-value').textContent())
      .toBe(x.customers.toLocaleString('en-US'));
    await expectCharts(1);
    const cuts = page.locator('.figure', { hasText: 'R cut points' });
    await cuts.getByRole('button', { name: 'How is this computed?' }).hover();
    await expect.poll(() => cuts.getByRole('tooltip').isVisible()).toBe(true);
    expect(await cuts.getByRole('tooltip').textContent()).toMatch(/20\/40\/60\/80 % quantiles/);
    const segments = page.getByRole('table', { name: 'Segments' });
    await expect.poll(() => segments.locator('tbody tr').count()).toBe(11);
    await shot('rfm');
    await page.getByRole('combobox', { name: 'Colour by' }).selectOption('count');
    await expectCharts(1);
    await shot('rfm-count');
  });

  it("lists a segment's customers on a click, with links to their cards and the CRM export", async () => {
    await page.getByRole('table', { name: 'Segments' }).getByRole('button', { name: 'Champions' }).click();
    await page.getByRole('heading', { name: 'Customers: Champions' }).waitFor();
    await page.getByText(`${x.champions.toLocaleString('en-US')} customers`).waitFor();
    const list = page.getByRole('table', { name: 'Customers: Champions' });
    await expect.poll(() => list.locator('tbody tr').count()).toBe(25);
    const firstId = await list.locator('tbody tr').first().getByRole('link').textContent();
    const exportCsv = page.getByRole('group', { name: 'Export for CRM' }).getByRole('link', { name: 'CSV' });
    expect(await exportCsv.getAttribute('href')).toMatch(
      /^\/api\/segments\?kind=rfm&segment=Champions&.*format=csv$/,
    );
    const download = await page.request.get(`${app.base}${await exportCsv.getAttribute('href')}`);
    expect(download.status()).toBe(200);
    expect((await download.text()).trim().split('\n')).toHaveLength(x.champions + 1);
    await page.getByRole('button', { name: 'Next', exact: true }).click();
    await page.getByText(`26–50 of ${x.champions}`).waitFor();
    await expect
      .poll(() => list.locator('tbody tr').first().getByRole('link').textContent())
      .not.toBe(firstId);
    await shot('rfm-segment');
    const first = list.locator('tbody tr').first().getByRole('link');
    const id = (await first.textContent()) ?? '';
    await first.click();
    await page.getByRole('heading', { name: `Customer ${id}` }).waitFor();
  });

  it('shows the products: both ABC-XYZ matrices, the Pareto curve, and filters the table by a cell', async () => {
    await nav('Products').click();
    await page.getByRole('heading', { name: 'Products', exact: true, level: 1 }).waitFor();
    await page.getByRole('table', { name: 'ABC-XYZ matrix of products' }).waitFor();
    await page.getByRole('table', { name: 'ABC-XYZ matrix of customers' }).waitFor();
    await expectCharts(1);
    await page.getByRole('button', { name: /^AZ: [\d,]+ products$/ }).click();
    await page.getByText(`${x.productsAZ.toLocaleString('en-US')} SKUs in AZ`).waitFor();
    const table = page.getByRole('table', { name: 'Products', exact: true });
    await expect.poll(() => table.locator('tbody tr').count()).toBe(50);
    const abc = await table.locator('tbody tr td:nth-child(8)').allTextContents();
    expect(new Set(abc)).toEqual(new Set(['A']));
    const cv = table.locator('th', { hasText: /^Coefficient of variation/ });
    await cv.getByRole('button', { name: 'How is this computed?' }).hover();
    await expect.poll(() => cv.getByRole('tooltip').isVisible()).toBe(true);
    expect(await cv.getByRole('tooltip').textContent()).toMatch(/standard deviation/);
    await shot('products');
  });

  it('builds a pivot: cohorts by mean CLV, then stages filtered to class A', async () => {
    await nav('Pivot').click();
    await page.getByRole('heading', { name: 'Pivot' }).waitFor();
    const table = page.getByRole('table', { name: 'Pivot table' });
    await table.getByRole('columnheader', { name: /^Champions/ }).waitFor();
    await expectCharts(1);
    await shot('pivot-crosstab');
    await page.getByRole('combobox', { name: 'Rows' }).selectOption('cohort');
    await page.getByRole('combobox', { name: 'Columns' }).selectOption('');
    await page.getByRole('combobox', { name: 'Measure' }).selectOption('avg_clv');
    await page.getByRole('heading', { name: 'Cohort: Mean CLV' }).waitFor();
    await expect.poll(() => table.locator('tbody tr').count()).toBe(x.cohorts);
    await expectCharts(1);
    await page.getByRole('combobox', { name: 'Rows' }).selectOption('stage');
    await page.getByRole('combobox', { name: 'Measure' }).selectOption('count');
    await page.getByLabel('Filter', { exact: true }).fill('abc=A');
    await page.getByRole('button', { name: 'Show' }).click();
    await page.getByText('filter: abc=A').waitFor();
    const active = table.locator('tr', { hasText: 'Active' });
    await expect
      .poll(() => active.locator('td').nth(1).textContent())
      .toBe(x.activeA.toLocaleString('en-US'));
    const csv = page.locator('.panel .downloads a', { hasText: 'CSV' });
    expect(await csv.getAttribute('href')).toMatch(
      /^\/api\/pivot\?rows=stage&measure=count&filter=abc%3DA.*format=csv$/,
    );
    await shot('pivot');
  });

  it('switches to Russian', async () => {
    await page.getByRole('combobox', { name: 'Language' }).selectOption('ru');
    await page.getByRole('heading', { name: 'Сводная таблица', level: 1 }).waitFor();
    await page.getByRole('table', { name: 'Сводная таблица' }).getByText('активный').waitFor();
    await page.getByRole('navigation').getByRole('link', { name: 'Товары' }).click();
    await page.getByRole('heading', { name: 'Товары', level: 1 }).waitFor();
    await page.getByRole('navigation').getByRole('link', { name: 'RFM' }).click();
    await page.getByRole('heading', { name: 'RFM-сегменты' }).waitFor();
    await page.getByRole('table', { name: 'Сегменты' }).getByRole('button', { name: 'Чемпионы' }).waitFor();
    await expectCharts(1);
    await shot('russian');
    await page.getByRole('combobox', { name: 'Язык' }).selectOption('en');
  });

  it('logged no console errors', () => {
    expect(app.problems).toEqual([]);
  });
});

describe('the segments pages before `clientele analyze`', () => {
  let bare: BrowserApp;
  beforeAll(async () => {
    bare = await openBrowserApp(async (ws) => {
      await ingestFile(ws, join(DATA, 'apparel/apparelTrans.csv'));
    });
    await bare.open('/rfm');
  });
  afterAll(async () => {
    await bare?.close();
  });

  it('say to run it, on every page, as a notice with the way to the Data page rather than an error', async () => {
    const p = bare.page;
    const notReady = () => p.getByRole('status').filter({ hasText: 'Not computed yet.' });
    await notReady()
      .getByText(/run `clientele analyze`/)
      .waitFor();
    expect(await p.getByText('Something went wrong').count()).toBe(0);
    await p.getByRole('navigation').getByRole('link', { name: 'Pivot' }).click();
    await notReady()
      .getByText(/run `clientele analyze`/)
      .waitFor();
    expect(await p.getByRole('alert').count()).toBe(0);
    await p.getByRole('combobox', { name: 'Language' }).selectOption('ru');
    const russian = p.getByRole('status').filter({ hasText: 'Ещё не рассчитано.' });
    await russian.getByText(/на странице «Данные»/).waitFor();
    expect(await p.getByText('Что-то пошло не так').count()).toBe(0);
    await russian.getByRole('link', { name: 'Открыть «Данные»' }).click();
    await p.getByRole('heading', { name: 'Данные', level: 1 }).waitFor();
    await p.getByRole('button', { name: 'Проанализировать и спрогнозировать' }).waitFor();
    await p.getByRole('combobox', { name: 'Язык' }).selectOption('en');
    await p.getByRole('navigation').getByRole('link', { name: 'Products' }).click();
    await p.getByText(/No sales line of these 12 months has a SKU/).waitFor();
    await p
      .getByRole('status')
      .getByText(/run `clientele analyze`/)
      .waitFor();
    await bare.shot('segments-no-analysis');
    // The API's 409 answers are logged by the browser; nothing else may be.
    expect(bare.problems.filter((m) => !/status of 409/.test(m))).toEqual([]);
  });
});
