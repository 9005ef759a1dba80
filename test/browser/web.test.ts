import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ingestFile } from '../../src/ingest/load.js';
import { parseCsv } from '../helpers/csv.js';
import { DATA } from '../helpers/workspace.js';
import { TOKEN } from '../server/helpers.js';
import { openBrowserApp, type BrowserApp } from './browser.js';

let app: BrowserApp;
let base: string;
let page: Page;
let problems: string[];

const shot = (name: string) => app.shot(`web-${name}`);
const chartSizes = () => app.chartSizes();

beforeAll(async () => {
  app = await openBrowserApp(async (ws) => {
    await ingestFile(ws, join(DATA, 'apparel/apparelTrans.csv'));
    await ingestFile(ws, join(DATA, 'apparel/apparelStaticCov.csv'), { kind: 'customers' });
  });
  ({ base, page, problems } = app);
});

afterAll(async () => {
  await app?.close();
});

describe('the web app in Chromium', () => {
  it('shows the sign-in form to a stranger and signs in with the token', async () => {
    await page.goto(`${base}/`);
    await page.getByLabel('API token').fill('not-the-token');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByText('This token is not valid.').waitFor();
    await shot('signin');
    // The refused token is a 401 the browser reports on its console; nothing else may be there.
    expect(problems.filter((p) => !/status of 401/.test(p))).toEqual([]);
    problems.splice(0);
    await page.getByLabel('API token').fill(TOKEN);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { name: 'Overview' }).waitFor();
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByLabel('API token').waitFor();
  });

  it('signs in from /?token= and takes the token out of the address bar', async () => {
    await page.goto(`${base}/?token=${TOKEN}`);
    await page.getByRole('heading', { name: 'Overview' }).waitFor();
    expect(page.url()).toBe(`${base}/`);
  });

  it('shows the overview: key figures with their (?) and rendered charts', async () => {
    const customers = page.locator('.figure', { hasText: 'Customers' }).first();
    await expect.poll(() => customers.locator('.figure-value').textContent()).toBe('600');
    const sizes = await chartSizes();
    expect(sizes.length).toBeGreaterThanOrEqual(2);
    for (const size of sizes) {
      expect(size.width).toBeGreaterThan(100);
      expect(size.height).toBeGreaterThan(100);
    }
    await customers.getByRole('button', { name: 'How is this computed?' }).hover();
    await expect.poll(() => customers.getByRole('tooltip').isVisible()).toBe(true);
    expect(await customers.getByRole('tooltip').textContent()).toMatch(/at least one purchase line/);
    await shot('overview');
  });

  it('lists customers: sorts, searches, explains columns, and opens a customer card', async () => {
    await page.getByRole('navigation').getByRole('link', { name: 'Customers' }).click();
    await page.getByText('600 customers').waitFor();
    const table = page.getByRole('table', { name: 'Customers' });
    await table.getByRole('button', { name: 'Orders', exact: true }).click();
    await expect.poll(() => table.locator('th[aria-sort="descending"]').textContent()).toMatch(/^Orders\W/);
    const ordersHelp = table.locator('th[aria-sort="descending"] [role=tooltip]');
    expect(await ordersHelp.textContent()).toMatch(/Distinct order ids/);
    await page.getByLabel('Search by id, name, e-mail or phone').fill('599');
    await page.getByText('1 customers').waitFor();
    await shot('customers');
    await table.getByRole('link', { name: '599' }).click();
    await page.getByRole('heading', { name: 'Customer 599' }).waitFor();
    await page.getByText('Gender').waitFor();
    expect((await chartSizes())[0]?.width).toBeGreaterThan(100);
    await page.getByRole('table', { name: 'Purchases' }).locator('tbody tr').first().waitFor();
    const csv = page.locator('a', { hasText: 'CSV' }).first();
    expect(await csv.getAttribute('href')).toBe('/api/customers/599/sales?format=csv');
    await shot('customer');
  });

  it('uploads cdnowElog.csv through the UI: preview, mapping, load with progress, report', async () => {
    await page.getByRole('navigation').getByRole('link', { name: 'Data' }).click();
    await page.locator('input[type=file]').setInputFiles(join(DATA, 'cdnow/cdnowElog.csv'));
    await page.getByRole('heading', { name: 'Preview: cdnowElog.csv' }).waitFor();
    expect(await page.getByRole('combobox', { name: 'customer_id' }).inputValue()).toBe('masterid');
    expect(await page.getByRole('combobox', { name: 'ts' }).inputValue()).toBe('date');
    await shot('preview');
    await page.getByRole('button', { name: 'Load', exact: true }).click();
    await page.getByRole('heading', { name: /^Load #3: cdnowElog\.csv/ }).waitFor();
    const rowsRead = page.locator('.figure', { hasText: 'Rows read' }).locator('.figure-value');
    expect(await rowsRead.textContent()).toBe('6,919');
    await page.getByRole('table', { name: 'Loads' }).getByText('cdnowElog.csv').waitFor();
    await shot('loaded');
    await page.getByRole('navigation').getByRole('link', { name: 'Overview' }).click();
    // The customers with at least one purchase line, now from both files: worked out from the files themselves.
    const buyers = new Set<string>();
    for (const [file, id, amount] of [
      ['apparel/apparelTrans.csv', 'Id', 'Price'],
      ['cdnow/cdnowElog.csv', 'masterid', 'sales'],
    ] as const) {
      const [header, ...rows] = parseCsv(readFileSync(join(DATA, file), 'utf8'));
      const [i, a] = [header!.indexOf(id), header!.indexOf(amount)];
      for (const r of rows) if (r.length > 1 && Number(r[a]) > 0) buyers.add(String(Number(r[i])));
    }
    const customers = page.locator('.figure', { hasText: 'Customers' }).first().locator('.figure-value');
    await expect.poll(() => customers.textContent()).toBe(buyers.size.toLocaleString('en-US'));
  });

  it('switches to Russian, with translated labels and Russian number formats', async () => {
    await page.getByRole('combobox', { name: 'Language' }).selectOption('ru');
    await page.getByRole('heading', { name: 'Обзор' }).waitFor();
    await page.getByRole('navigation').getByRole('link', { name: 'Клиенты' }).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('ru');
    const revenue = page.locator('.figure', { hasText: 'Чистая выручка' }).first().locator('.figure-value');
    await expect.poll(() => revenue.textContent()).toMatch(/^\d{1,3}(\s\d{3})*,\d{2}$/);
    const help = page.locator('.figure', { hasText: 'Клиентов' }).first().locator('[role=tooltip]');
    await expect.poll(() => help.textContent()).toMatch(/покупки/);
    expect((await chartSizes()).length).toBeGreaterThanOrEqual(2);
    await page.getByRole('navigation').getByRole('link', { name: 'Данные' }).click();
    await page.getByRole('table', { name: 'Загрузки' }).getByText('cdnowElog.csv').waitFor();
    await page.getByText('до 2 ГБ').waitFor();
    await shot('russian');
  });

  it('logged no console errors', () => {
    expect(problems).toEqual([]);
  });
});
