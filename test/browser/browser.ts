import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import type { Workspace } from '../../src/db/workspace.js';
import type { ServerOptions } from '../../src/server/create-server.js';
import { startServer, TOKEN, type TestServer } from '../server/helpers.js';

const CHROMIUM = '/usr/bin/chromium';
const FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];
const ROOT = new URL('../../', import.meta.url).pathname;
const WEB_ROOT = join(ROOT, 'dist-web');
const SHOTS = join(ROOT, 'test-results');

/** The built web app served over a prepared workspace, and Debian's Chromium (headless) pointed at it. */
export interface BrowserApp {
  server: TestServer;
  /** `http://127.0.0.1:<port>` */
  base: string;
  page: Page;
  context: BrowserContext;
  /** Console errors and uncaught page errors seen so far; a test suite ends by expecting none. */
  problems: string[];
  /** Saves a full-page screenshot as `test-results/<name>.png`. */
  shot(name: string): Promise<void>;
  /** Every rendered ECharts canvas on the page, with its size (waits for the first). */
  chartSizes(): Promise<{ width: number; height: number }[]>;
  /** Opens `path` signed in (through `/?token=`), e.g. `/flows`. */
  open(path?: string): Promise<void>;
  close(): Promise<void>;
}

/**
 * Builds the web app if `dist-web` is missing, starts a server (with `options`) over a workspace filled by
 * `prepare`, opens Chromium.
 */
export async function openBrowserApp(
  prepare: (ws: Workspace, dir: string) => Promise<void>,
  options: Partial<ServerOptions> = {},
): Promise<BrowserApp> {
  if (!existsSync(CHROMIUM))
    throw new Error(`${CHROMIUM} is missing: apt-get install -y chromium (see .ci/run).`);
  if (!existsSync(join(WEB_ROOT, 'index.html'))) {
    const { build } = await import('vite');
    await build({ configFile: join(ROOT, 'web/vite.config.ts'), logLevel: 'warn' });
  }
  mkdirSync(SHOTS, { recursive: true });
  const server = await startServer({ ...options, webRoot: WEB_ROOT }, prepare);
  await server.app.listen({ port: 0, host: '127.0.0.1' });
  const address = server.app.server.address();
  const base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  const userData = mkdtempSync(join(tmpdir(), 'clientele-chromium-'));
  const context = await chromium.launchPersistentContext(userData, {
    executablePath: CHROMIUM,
    headless: true,
    args: FLAGS,
    viewport: { width: 1400, height: 900 },
    locale: 'en-US',
    // The browser's time zone follows the process's (vitest.config.ts), so `npm run test:tz` moves both.
    timezoneId: process.env['TZ'] ?? 'UTC',
  });
  context.setDefaultTimeout(20_000);
  const page = context.pages()[0] ?? (await context.newPage());
  const problems: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(`console: ${m.text()}`);
  });
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  return {
    server,
    base,
    page,
    context,
    problems,
    shot: async (name) => {
      await page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });
    },
    chartSizes: async () => {
      await page.locator('.chart canvas').first().waitFor();
      return page.locator('.chart canvas').evaluateAll((canvases) =>
        canvases.map((c) => ({
          width: c.getBoundingClientRect().width,
          height: c.getBoundingClientRect().height,
        })),
      );
    },
    open: async (path = '/') => {
      await page.goto(`${base}/?token=${TOKEN}`);
      await page.getByRole('navigation').waitFor();
      if (path !== '/') await page.goto(`${base}${path}`);
    },
    close: async () => {
      await context.close();
      await server.cleanup();
      rmSync(userData, { recursive: true, force: true });
    },
  };
}
