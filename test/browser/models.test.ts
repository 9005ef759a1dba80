import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ingestFile } from '../../src/ingest/load.js';
import { writeText } from '../helpers/fixtures.js';
import { DATA } from '../helpers/workspace.js';
import { openBrowserApp, type BrowserApp } from './browser.js';

let app: BrowserApp;
let page: Page;
let extraSales: string;

const shot = (name: string) => app.shot(`models-${name}`);

/** Apparel's 600 customers, loaded but neither analyzed nor predicted; and a small sales file to upload. */
beforeAll(async () => {
  app = await openBrowserApp(async (ws, dir) => {
    await ingestFile(ws, join(DATA, 'apparel/apparelTrans.csv'));
    extraSales = writeText(
      dir,
      'new-sales.csv',
      'customer_id,date,amount\nnew-1,2010-11-02,40.5\nnew-1,2010-12-01,12\nnew-2,2010-12-10,99.9\n',
    );
  });
  ({ page } = app);
});

afterAll(async () => {
  await app?.close();
});

async function expectCharts(atLeast: number): Promise<void> {
  await expect.poll(async () => (await app.chartSizes()).length).toBeGreaterThanOrEqual(atLeast);
  for (const size of await app.chartSizes()) {
    expect(size.width).toBeGreaterThan(100);
    expect(size.height).toBeGreaterThan(100);
  }
}

/** Waits for a background job's progress bar to show and then to go away. */
async function progressFinishes(): Promise<void> {
  const bar = page.getByRole('progressbar');
  await bar.first().waitFor();
  await bar.first().waitFor({ state: 'detached', timeout: 60_000 });
}

describe('CLV & churn and the history on the card, in Chromium', () => {
  it('says there are no predictions yet and computes them from the button', async () => {
    await app.open('/clv');
    await page.getByRole('heading', { name: 'CLV & churn' }).waitFor();
    await page.getByText(/No predictions yet/).waitFor();
    await shot('empty');
    await page.getByRole('button', { name: 'Compute predictions' }).click();
    await progressFinishes();
    await page
      .getByText(/^Predictions as of Dec 20, 2010 for 600 customers: BG\/NBD, horizon 12 months$/)
      .waitFor();
    await expectCharts(4);
    await page.getByText(/needs an analysis/).waitFor();
    const customers = page.locator('.figure', { hasText: 'Customers predicted' }).locator('.figure-value');
    expect(await customers.textContent()).toBe('600');
  });

  it('analyzes and predicts by itself after a sales file is uploaded on the Data page', async () => {
    await page.getByRole('navigation').getByRole('link', { name: 'Data' }).click();
    await page.getByText(/Not analyzed yet/).waitFor();
    await page.locator('input[type=file]').setInputFiles(extraSales);
    await page.getByRole('heading', { name: 'Preview: new-sales.csv' }).waitFor();
    await page.getByRole('button', { name: 'Load', exact: true }).click();
    await page.getByRole('heading', { name: /^Load #2: new-sales\.csv/ }).waitFor();
    await progressFinishes();
    await page.getByText(/^Analyzed as of Dec 20, 2010: 602 customers at 25 month ends\./).waitFor();
    await page.getByText(/Predicted for 602 customers/).waitFor();
    await shot('data-analyzed');
  });

  it('shows distributions, CLV by stage, the model and the customers at risk', async () => {
    await page.getByRole('navigation').getByRole('link', { name: 'CLV & churn' }).click();
    await page.getByText(/for 602 customers/).waitFor();
    await page.getByRole('table', { name: 'CLV by lifecycle stage' }).locator('tbody tr').first().waitFor();
    await expectCharts(6);
    const figure = page.locator('.figure').filter({ hasText: /^Total CLV/ });
    await figure.getByRole('button', { name: 'How is this computed?' }).hover();
    await expect.poll(() => figure.getByRole('tooltip').isVisible()).toBe(true);
    expect(await figure.getByRole('tooltip').textContent()).toMatch(/Sum over customers of: CLV/);
    const risk = page.getByRole('table', { name: 'Valuable customers at risk' });
    await risk.locator('tbody tr').first().waitFor();
    const help = page
      .locator('.panel', { hasText: 'Valuable customers at risk' })
      .locator('h2 [role=tooltip]');
    expect(await help.textContent()).toMatch(/ordered by value at risk = CLV × churn risk, highest first/);
    const csv = page
      .locator('.panel', { hasText: 'Valuable customers at risk' })
      .locator('a', { hasText: 'CSV' });
    expect(await csv.getAttribute('href')).toBe('/api/predictions/at-risk?min_risk=0.5&format=csv');
    // An ECharts tooltip on the CLV histogram.
    const canvas = page.locator('.chart canvas').first();
    const box = (await canvas.boundingBox())!;
    await page.mouse.move(box.x + box.width * 0.2, box.y + box.height * 0.5);
    await page
      .getByText(/^Customers/)
      .filter({ visible: true })
      .first()
      .waitFor();
    await shot('clv');
  });

  it('recomputes with other options and checks the model on a holdout', async () => {
    await page.getByText('Model and horizon').click();
    await page.getByRole('spinbutton', { name: 'Horizon' }).fill('6');
    await page.getByRole('button', { name: 'Compute predictions' }).click();
    await progressFinishes();
    await page.getByText(/BG\/NBD, horizon 6 months$/).waitFor();
    await page.getByRole('button', { name: 'Check the model' }).click();
    await page.locator('.figure', { hasText: 'Mean absolute error per customer' }).waitFor();
    await page.getByText(/^Parameters fitted up to/).waitFor();
    await page.getByText(/± standard error/).waitFor();
    await expectCharts(8);
    await shot('validation');
  });

  it("opens a customer at risk: the card's predictions, stage history chart and table", async () => {
    const risk = page.getByRole('table', { name: 'Valuable customers at risk' });
    const first = risk.locator('tbody tr').first().getByRole('link');
    const id = (await first.textContent()) ?? '';
    await first.click();
    await page.getByRole('heading', { name: `Customer ${id}` }).waitFor();
    await page.getByRole('heading', { name: /^Predictions/ }).waitFor();
    await page.getByText(/^As of Dec 20, 2010, BG\/NBD, horizon 6 months\.$/).waitFor();
    const history = page.getByRole('table', { name: 'History over the month ends' });
    await history.locator('tbody tr').first().waitFor();
    expect(await history.locator('tbody tr').count()).toBe(25);
    await page.getByRole('img', { name: 'Lifecycle stage month by month' }).locator('canvas').waitFor();
    await expectCharts(3);
    const csv = page
      .locator('.panel', { hasText: 'History over the month ends' })
      .locator('a', { hasText: 'CSV' });
    expect(await csv.getAttribute('href')).toBe(`/api/customers/${id}/history?format=csv`);
    await shot('customer');
  });

  it('speaks Russian', async () => {
    await page.getByRole('combobox', { name: 'Language' }).selectOption('ru');
    await page.getByRole('heading', { name: 'История по концам месяцев' }).waitFor();
    await page.getByRole('navigation').getByRole('link', { name: 'CLV и отток' }).click();
    await page.getByRole('heading', { name: 'CLV и отток' }).waitFor();
    await page.getByRole('heading', { name: 'Ценные клиенты под риском ухода' }).waitFor();
    const total = page.locator('.figure', { hasText: 'Суммарный CLV' }).locator('.figure-value');
    await expect.poll(() => total.textContent()).toMatch(/^\d{1,3}(\s\d{3})*,\d{2}$/);
    await expectCharts(4);
    await shot('russian');
    await page.getByRole('combobox', { name: 'Язык' }).selectOption('en');
  });

  it('logged no console errors', () => {
    expect(app.problems).toEqual([]);
  });
});
