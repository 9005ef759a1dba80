/**
 * `tsx bench/api.ts [WORKSPACE]`: how long the web app's pages wait for the API on a large base. Opens the
 * workspace `npm run bench` left at 10 M demo lines (1 M customers; analyzed), adds predictions (with the
 * snapshot history) and recommendations if missing, then requests every page's endpoints twice in-process
 * (first: cold caches; second: warm) and prints a Markdown table, which bench/run.ts includes in BENCHMARKS.md. Target (issue 6): no page waits more than 1 s on 1 M customers.
 */
import { join } from 'node:path';
import { Workspace } from '../src/db/workspace.js';
import { predictWithHistory } from '../src/predict/predict-with-history.js';
import { PREDICT_DEFAULTS } from '../src/predict/predict-defaults.js';
import { recommendAll } from '../src/recommend/recommend.js';
import { createServer } from '../src/server/create-server.js';
import { resolveAsOf } from '../src/profile/as-of.js';
import { storedProfileAt } from '../src/profile/stored-profile.js';

const ROOT = new URL('..', import.meta.url).pathname;
const path = process.argv[2] ?? join(ROOT, 'bench-data/bench-10000000.duckdb');
const TOKEN = 'bench-token-0123456789abcdef';

const prepared: string[] = [];
let stored: boolean;
let size: string;
{
  const ws = await Workspace.open(path);
  try {
    const customers = Number(await ws.scalar(`SELECT count(DISTINCT customer_id) FROM sales`));
    const lines = Number(await ws.scalar(`SELECT count(*) FROM sales`));
    size = `${customers.toLocaleString('en')} customers`;
    prepared.push(`${lines.toLocaleString('en')} sales lines`);
    if (!(await ws.tableExists('snapshot_predictions'))) {
      const t = performance.now();
      await predictWithHistory(ws, PREDICT_DEFAULTS);
      prepared.push(`predict with snapshot history ${((performance.now() - t) / 1000).toFixed(1)} s`);
    }
    if (!(await ws.tableExists('recommendations'))) {
      const t = performance.now();
      await recommendAll(ws, { top: 5 });
      prepared.push(`recommend (all customers) ${((performance.now() - t) / 1000).toFixed(1)} s`);
    }
    // analyze, predict and recommend store the profile at their date (stored-profile.ts); without it, the
    // first profile request computes every customer's metrics.
    stored = (await storedProfileAt(ws, await resolveAsOf(ws, undefined))) !== undefined;
  } finally {
    ws.close();
  }
}

const server = await createServer({ workspacePath: path, token: TOKEN });
const auth = { authorization: `Bearer ${TOKEN}` };
// The first profile request at a date reads the stored profile, or computes it when none is stored (then kept
// for paging, sorting, searching and the cards): timed on its own.
const firstProfile = performance.now();
const some = await server.app.inject({ url: '/api/profile?limit=1&sort=revenue&order=desc', headers: auth });
const profileMs = performance.now() - firstProfile;
const id = String((JSON.parse(some.body) as { rows: { customer_id: string }[] }).rows[0]?.customer_id);

const PAGES: [string, string[]][] = [
  ['Overview', ['/api/status', '/api/profile/summary', '/api/overview/monthly']],
  ['Base structure', ['/api/structure']],
  ['Flows', ['/api/flows', '/api/triggers?from_stage=active&to_stage=falling_asleep&limit=20']],
  ['Cohorts', ['/api/cohorts?metric=retention']],
  ['RFM', ['/api/rfm', '/api/segments?kind=rfm&segment=Champions&limit=20']],
  ['Products', ['/api/products?limit=20']],
  [
    'Pivot',
    [
      '/api/pivot/options',
      '/api/pivot?rows=stage&cols=rfm_segment&measure=count',
      '/api/pivot?rows=stage&cols=abc&measure=avg_clv',
    ],
  ],
  [
    'CLV & churn',
    [
      '/api/models/status',
      '/api/predictions',
      '/api/predictions/at-risk?limit=20',
      '/api/predictions/stages',
    ],
  ],
  ['Campaigns', ['/api/campaigns', '/api/campaigns/fields']],
  ['Customers', ['/api/profile?limit=50&sort=revenue&order=desc']],
  [
    'Customer card',
    [`/api/customers/${id}`, `/api/customers/${id}/history`, `/api/customers/${id}/sales?limit=50`],
  ],
  ['Data', ['/api/loads']],
];

const rows: string[] = [
  `| Customers, Overview | \`/api/profile?limit=1\` (first at this date: ${stored ? 'reads the stored profile' : 'computes the profile'}) | ${some.statusCode} | ${profileMs.toFixed(0)} | — |`,
];
for (const [page, urls] of PAGES) {
  for (const url of urls) {
    const times: number[] = [];
    let status = 0;
    for (let i = 0; i < 2; i++) {
      const t = performance.now();
      const r = await server.app.inject({ url, headers: auth });
      times.push(performance.now() - t);
      status = r.statusCode;
    }
    const shown = url.replace(id, ':id');
    rows.push(`| ${page} | \`${shown}\` | ${status} | ${times[0]!.toFixed(0)} | ${times[1]!.toFixed(0)} |`);
    process.stderr.write(`${rows.at(-1)}\n`);
  }
}
await server.close();

const md = `## The web app's API on ${size} (\`tsx bench/api.ts\`)

Workspace: ${prepared.join('; ')}. Each endpoint requested twice in-process (cold, then warm);
milliseconds. Target: no page waits more than 1 s.

| page | request | status | cold ms | warm ms |
| --- | --- | --- | ---: | ---: |
${rows.join('\n')}
`;
process.stdout.write(md);
