import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyze } from '../../src/analyze/analyze.js';
import { ingestFile } from '../../src/ingest/load.js';
import { writeText } from '../helpers/fixtures.js';
import { DATA } from '../helpers/workspace.js';
import { AUTH } from '../server/helpers.js';
import { openBrowserApp, type BrowserApp } from './browser.js';

let app: BrowserApp;
let page: Page;

const SELECTION = "stage in ('active', 'falling_asleep', 'asleep')";

/** What the API answers, to check the page's figures against (not against the page's own arithmetic). */
async function api<T>(url: string): Promise<T> {
  const r = await app.server.app.inject({ url, headers: AUTH });
  expect(r.statusCode, r.body).toBe(200);
  return JSON.parse(r.body) as T;
}

beforeAll(async () => {
  app = await openBrowserApp(async (ws, dir) => {
    await ingestFile(ws, join(DATA, 'apparel/apparelTrans.csv'));
    const customers = ['customer_id,name,email'];
    for (let i = 1; i <= 600; i++) customers.push(`${i},Customer ${i},c${i}@example.com`);
    await ingestFile(ws, writeText(dir, 'customers.csv', `${customers.join('\n')}\n`), { kind: 'customers' });
    await analyze(ws);
  });
  page = app.page;
}, 60_000);

afterAll(async () => {
  await app?.close();
});

describe('the campaigns pages in Chromium', () => {
  it('opens /campaigns from the navigation with an empty list and the form', async () => {
    await app.open('/');
    await page.getByRole('navigation').getByRole('link', { name: 'Campaigns' }).click();
    await page.getByRole('heading', { name: 'Campaigns', level: 1 }).waitFor();
    await page.getByText('No campaign yet').waitFor();
    await page.getByRole('heading', { name: 'New campaign' }).waitFor();
  });

  it('lists the fields of the selection language in the hint', async () => {
    await page.locator('summary', { hasText: 'Fields and syntax' }).click();
    const stage = page.getByRole('button', { name: 'Add stage to the rule' });
    await stage.waitFor();
    expect(await stage.locator('..').textContent()).toMatch(/Lifecycle stage: .*'asleep'/);
    await page.locator('summary', { hasText: 'Fields and syntax' }).click();
  });

  it("shows the API's messages: 409 with what to run when the date has no analysis, 400 for a bad rule", async () => {
    await page.getByRole('navigation').getByRole('link', { name: 'Overview' }).click();
    await page.getByLabel('As of').fill('2010-06-15');
    await page.getByRole('navigation').getByRole('link', { name: 'Campaigns' }).click();
    expect(await page.getByLabel('Selection date').inputValue()).toBe('2010-06-15');
    await page.getByLabel('Who to select').fill("stage = 'asleep'");
    await page.getByRole('button', { name: 'Plan', exact: true }).click();
    await page.getByRole('alert').filter({ hasText: 'no analysis at 2010-06-15' }).waitFor();
    expect(await page.getByRole('alert').textContent()).toMatch(/clientele analyze --as-of 2010-06-15/);
    await page.getByLabel('Who to select').fill('colour = 1');
    await page.getByRole('button', { name: 'Plan', exact: true }).click();
    await page.getByRole('alert').filter({ hasText: 'colour' }).waitFor();
    await page.getByLabel('As of').fill('');
    // The refused requests are errors the browser reports on its console; nothing else may be there.
    expect(app.problems.filter((p) => !/status of 40[09]/.test(p))).toEqual([]);
    app.problems.splice(0);
  });

  it('plans a campaign and shows the plan before creating it', async () => {
    await page.getByLabel('Who to select').fill(SELECTION);
    await page.getByLabel('Selection date').selectOption('2010-06-30');
    await page.getByLabel('Control group, %').fill('30');
    await page.getByRole('button', { name: 'Plan', exact: true }).click();
    const plan = page.getByRole('region', { name: 'Plan' });
    await plan.waitFor();
    const expected = await app.server.app.inject({
      method: 'POST',
      url: '/api/campaigns/plan',
      headers: AUTH,
      payload: { selection: SELECTION, control_share: 0.3, as_of: '2010-06-30', window_days: 30 },
    });
    const body = JSON.parse(expected.body) as { customers: number; controls: number };
    const figure = (label: string) =>
      plan
        .locator('.figure')
        .filter({ has: page.locator('.figure-label', { hasText: new RegExp(`^${label}`) }) })
        .locator('.figure-value');
    expect(await figure('Selected customers').textContent()).toBe(String(body.customers));
    expect(await figure('Control group').textContent()).toBe(String(body.controls));
    await figure('Minimum detectable effect').waitFor();
    const help = plan
      .locator('.figure')
      .filter({ has: page.locator('.figure-label', { hasText: /^Minimum detectable effect/ }) });
    await help.getByRole('button', { name: 'How is this computed?' }).hover();
    await expect.poll(() => help.getByRole('tooltip').isVisible()).toBe(true);
    expect(await help.getByRole('tooltip').textContent()).toMatch(/two-proportion z-test/);
    await app.shot('campaigns-plan');
  });

  it('creates the campaign through the form and opens its results with the chart', async () => {
    await page.getByLabel('Name', { exact: true }).fill('Summer reactivation');
    await page.getByLabel('Seed', { exact: true }).fill('42');
    await page.getByLabel('Stratify by').selectOption('stage');
    await page.getByLabel('Cost per contact').fill('2');
    await page.getByRole('button', { name: 'Create campaign' }).click();
    await page.getByRole('heading', { name: 'Campaign “Summer reactivation”' }).waitFor();
    expect(page.url()).toMatch(/\/campaigns\/1$/);
    const detail = await api<{ campaign: { seed: number; start: string; end: string; targets: number } }>(
      '/api/campaigns/1',
    );
    expect(detail.campaign).toMatchObject({ seed: 42, start: '2010-07-01', end: '2010-07-30' });
    await page.getByText('Outcomes from').waitFor();
    const sizes = await app.chartSizes();
    expect(sizes.length).toBeGreaterThanOrEqual(2);
    for (const size of sizes) {
      expect(size.width).toBeGreaterThan(100);
      expect(size.height).toBeGreaterThan(100);
    }
    const evaluation = await api<{ summary: { incremental_revenue: { estimate: number } } }>(
      '/api/campaigns/1/evaluate',
    );
    const incremental = page.locator('.figure', { hasText: 'Incremental revenue' }).first();
    const shown = Number((await incremental.locator('.figure-value').textContent())?.replace(/[^\d.-]/g, ''));
    expect(shown).toBeCloseTo(evaluation.summary.incremental_revenue.estimate, 2);
    const table = page.getByRole('table', { name: 'Target vs control, every figure' });
    await table.locator('tbody tr').first().waitFor();
    const row = table.locator('tbody tr').first();
    expect(await row.locator('td').first().textContent()).toMatch(/^Members/);
    expect(await row.locator('td').nth(1).textContent()).toBe(String(detail.campaign.targets));
    await table.locator('tr', { hasText: 'Incremental revenue' }).first().getByRole('button').hover();
    await expect
      .poll(() => table.getByRole('tooltip').filter({ hasText: 'Welch' }).first().isVisible())
      .toBe(true);
    await page.getByRole('table', { name: 'Stage moves' }).waitFor();
    await app.shot('campaigns-results');
  });

  it('offers the contact list of each group as one-click downloads', async () => {
    const lists = page.locator('.campaign-lists');
    const target = lists.locator('li', { hasText: 'Target group' }).getByRole('link', { name: 'CSV' });
    expect(await target.getAttribute('href')).toBe('/api/campaigns/1/contacts?arm=target&format=csv');
    const control = lists.locator('li', { hasText: 'Control group' }).getByRole('link', { name: 'Excel' });
    expect(await control.getAttribute('href')).toBe('/api/campaigns/1/contacts?arm=control&format=xlsx');
    const download = page.waitForEvent('download');
    await target.click();
    const file = await download;
    expect(file.suggestedFilename()).toBe('campaign-1-target.csv');
    const members = page.getByRole('table', { name: 'Members' });
    await expect
      .poll(() => members.locator('tbody tr').first().textContent())
      .toMatch(/@example\.com.*Target/);
    await page.getByRole('combobox', { name: 'Group', exact: true }).selectOption('control');
    await expect.poll(() => members.locator('tbody tr').first().textContent()).toMatch(/Control/);
  });

  it('lists the evaluated campaign with its incremental revenue', async () => {
    await page.getByRole('link', { name: '← All campaigns' }).click();
    const list = page.getByRole('table', { name: 'Stored campaigns' });
    await list.getByRole('link', { name: 'Summer reactivation' }).waitFor();
    await expect.poll(() => list.locator('tbody tr').first().textContent()).toMatch(/window over/);
    await app.shot('campaigns-list');
  });

  it("shows the 409 on the results of a campaign whose period's sales are not loaded yet as a notice", async () => {
    const r = await app.server.app.inject({
      method: 'POST',
      url: '/api/campaigns',
      headers: AUTH,
      payload: { name: 'Christmas', selection: 'orders >= 3', seed: 1 },
    });
    expect(r.statusCode, r.body).toBe(201);
    await page.goto(`${app.base}/campaigns/2`);
    await page.getByRole('heading', { name: 'Campaign “Christmas”' }).waitFor();
    const notice = page.getByRole('status').filter({ hasText: 'latest sale loaded is 2010-12-20' });
    await notice.waitFor();
    expect(await notice.textContent()).toMatch(/^Not computed yet\..*clientele ingest.*Open the Data page$/);
    expect(await page.getByRole('alert').count()).toBe(0);
    expect(app.problems.filter((p) => !/status of 409/.test(p))).toEqual([]);
    app.problems.splice(0);
    await page.getByRole('link', { name: '← All campaigns' }).click();
    await page
      .getByRole('table', { name: 'Stored campaigns' })
      .getByText('not started: no sales yet')
      .waitFor();
  });

  it('switches to Russian', async () => {
    await page.getByRole('combobox', { name: 'Language' }).selectOption('ru');
    await page.getByRole('heading', { name: 'Кампании', level: 1 }).waitFor();
    await page.getByRole('navigation').getByRole('link', { name: 'Кампании' }).waitFor();
    await page.getByRole('table', { name: 'Сохранённые кампании' }).getByText('окно завершено').waitFor();
    await page.getByRole('link', { name: 'Summer reactivation' }).click();
    await page.getByRole('heading', { name: 'Кампания «Summer reactivation»' }).waitFor();
    await page.getByRole('table', { name: 'Цель и контроль, все показатели' }).waitFor();
    expect((await app.chartSizes()).length).toBeGreaterThanOrEqual(2);
    await app.shot('campaigns-russian');
  });

  it('writes the verdict and the plan in Russian, numbers with a decimal comma', async () => {
    const english = /\b(the|of|with|campaign|revenue|control|effect)\b/i;
    const ru = await api<{ summary: { verdict: string } }>('/api/campaigns/1/evaluate?lang=ru');
    expect(ru.summary.verdict).toMatch(/^(Кампания|Измеримого).*\d,\d\d/);
    const verdict = page.locator('.campaign-verdict');
    await expect.poll(() => verdict.textContent()).toBe(`Вывод: ${ru.summary.verdict}`);
    await page.getByRole('link', { name: '← Все кампании' }).click();
    const list = page.getByRole('table', { name: 'Сохранённые кампании' });
    const titles = () => list.locator('span[title]').evaluateAll((spans) => spans.map((x) => x.title));
    await expect.poll(titles).toContain(ru.summary.verdict);
    await page.getByLabel('Кого отобрать').fill(SELECTION);
    await page.getByLabel('Дата отбора').selectOption('2010-06-30');
    await page.getByRole('button', { name: 'Спланировать', exact: true }).click();
    await page.getByRole('region', { name: 'План' }).waitFor();
    const plan = page.locator('.campaign-plan .campaign-verdict');
    await expect.poll(() => plan.textContent()).toMatch(/наименьший эффект.*\d,\d\d п\. п\. конверсии/);
    expect(await plan.textContent()).not.toMatch(english);
    await page.getByRole('combobox', { name: 'Язык' }).selectOption('en');
    await expect.poll(() => plan.textContent()).toMatch(/the smallest effect detected/);
    await page.getByRole('combobox', { name: 'Language' }).selectOption('ru');
    await expect.poll(() => plan.textContent()).toMatch(/наименьший эффект/);
  });

  it('logged no console errors', () => {
    expect(app.problems).toEqual([]);
  });
});
