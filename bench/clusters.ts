/**
 * Automatic segments at realistic sizes: `npx tsx bench/clusters.ts [customers…]` (default 100000 1000000)
 * prints a markdown table of wall-clock seconds for 8 behavioural features of synthetic customers drawn from
 * four seeded groups, after an untimed warm-up run on 20,000. Baseline: `prepareFeatures` alone (imputation,
 * log and standardization: the cost of touching every value once).
 */
import { pathToFileURL } from 'node:url';
import { autoSegments, prepareFeatures, type FeatureInput } from '../src/clusters/index.js';
import { createRandomSource, type RandomSource } from '../src/stats/random-source.js';

/** Times the pipeline for each size and returns the figures as a markdown table. */
export async function benchClusters(sizes: readonly number[]): Promise<string> {
  const lines = [
    '| customers | features | prepare (s) | auto k = 2..8 (s) | auto CPU (s) | k chosen | silhouette | ' +
      'k = 4 forced (s) | RSS (MB) |',
    '|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
  ];
  autoSegments(syntheticCustomers(20_000, 1), { seed: 7 });
  for (const n of sizes) {
    const features = syntheticCustomers(n, 20240601);
    const prepare = await timed(() => prepareFeatures(features));
    const auto = await timed(() => autoSegments(features, { seed: 7 }));
    const forced = await timed(() => autoSegments(features, { seed: 7, k: 4 }));
    const chosen = auto.result.silhouette.find((s) => s.k === auto.result.k)?.score ?? Number.NaN;
    const rss = process.memoryUsage().rss / 2 ** 20;
    lines.push(
      `| ${n.toLocaleString('en-US')} | ${features.length} | ${prepare.seconds.toFixed(2)} | ` +
        `${auto.seconds.toFixed(2)} | ${auto.cpu.toFixed(2)} | ${auto.result.k} | ${chosen.toFixed(3)} | ` +
        `${forced.seconds.toFixed(2)} | ${rss.toFixed(0)} |`,
    );
  }
  return lines.join('\n');
}

async function timed<T>(run: () => T): Promise<{ seconds: number; cpu: number; result: T }> {
  await new Promise((resolve) => setImmediate(resolve));
  const started = performance.now();
  const cpu = process.cpuUsage();
  const result = run();
  const used = process.cpuUsage(cpu);
  return { seconds: (performance.now() - started) / 1000, cpu: (used.user + used.system) / 1e6, result };
}

/** Customers from four groups (loyal, regular, new, lapsed one-timers) with skewed money and counts. */
function syntheticCustomers(n: number, seed: number): FeatureInput[] {
  const random = createRandomSource(seed);
  const z = gaussian(random);
  const groups = [
    { share: 0.15, recency: 20, orders: 12, aov: 90, tenure: 900 },
    { share: 0.3, recency: 60, orders: 5, aov: 60, tenure: 600 },
    { share: 0.2, recency: 25, orders: 1.5, aov: 50, tenure: 40 },
    { share: 0.35, recency: 400, orders: 1.2, aov: 40, tenure: 700 },
  ];
  const names = [
    ['recency_days', 'days'],
    ['orders', 'count'],
    ['revenue', 'currency'],
    ['aov', 'currency'],
    ['tenure_days', 'days'],
    ['purchase_days', 'count'],
    ['return_rate', 'ratio'],
    ['distinct_categories', 'count'],
  ] as const;
  const columns = names.map(() => new Float64Array(n));
  for (let i = 0; i < n; i++) {
    let u = random();
    const g = groups.find((group) => (u -= group.share) < 0) ?? groups[groups.length - 1]!;
    const orders = 1 + Math.floor(g.orders * Math.exp(0.5 * z()) - 0.5 + random());
    const aov = g.aov * Math.exp(0.4 * z());
    const row = [
      Math.max(0, Math.round(g.recency * Math.exp(0.6 * z()))),
      Math.max(1, orders),
      Math.round(Math.max(1, orders) * aov * 100) / 100,
      Math.round(aov * 100) / 100,
      Math.round(g.tenure * Math.exp(0.3 * z())),
      Math.max(1, Math.min(orders, Math.round(orders * (0.7 + 0.3 * random())))),
      Math.min(1, Math.max(0, 0.05 + 0.05 * z())),
      Math.max(1, Math.round(1 + Math.sqrt(orders) * random() * 3)),
    ];
    row.forEach((value, f) => (columns[f]![i] = value));
  }
  return names.map(([name, unit], f) => ({ name, unit, values: columns[f]! }));
}

function gaussian(random: RandomSource): () => number {
  return () => Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const sizes = process.argv.slice(2).map(Number);
  console.log(await benchClusters(sizes.length > 0 ? sizes : [100_000, 1_000_000]));
}
