import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  assignControlGroup,
  controlCount,
  createCampaign,
  type CampaignCreated,
} from '../../src/campaigns/index.js';
import { codePointOrder, drawControlGroup } from '../../src/campaigns/control-group.js';
import type { Workspace } from '../../src/db/workspace.js';
import { parseCsv } from '../helpers/csv.js';
import { campaignCli } from './campaign-cli.js';
import { demoWorkspace } from './demo-workspace.js';

describe('assignControlGroup', () => {
  const ids = Array.from({ length: 1_000 }, (_, i) => `C${String(i).padStart(4, '0')}`);
  const strata = ids.map((_, i) => ['a', 'b', 'c'][i % 7 === 0 ? 0 : i % 3 === 0 ? 1 : 2] as string);

  it('puts exactly round(share × n) of every stratum in the control group', () => {
    const draw = assignControlGroup(ids, strata, 0.15, 99);
    for (const s of draw.strata) {
      const members = ids.filter((_, i) => strata[i] === s.stratum);
      const controls = ids.filter((_, i) => strata[i] === s.stratum && draw.control[i] === 1);
      expect(s.members).toBe(members.length);
      expect(controls.length).toBe(Math.round(0.15 * members.length));
      expect(s.controls).toBe(controls.length);
    }
    expect(draw.strata.map((s) => s.stratum)).toEqual(['a', 'b', 'c']);
  });

  it('is reproducible for a seed, whatever the input order, and differs between seeds', () => {
    const first = assignControlGroup(ids, strata, 0.2, 7);
    const again = assignControlGroup(ids, strata, 0.2, 7);
    expect([...again.control]).toEqual([...first.control]);
    const order = ids.map((_, i) => i).reverse();
    const reversed = assignControlGroup(
      order.map((i) => ids[i] as string),
      order.map((i) => strata[i] as string),
      0.2,
      7,
    );
    const controlled = (ds: string[], c: Uint8Array) => ds.filter((_, i) => c[i] === 1).sort();
    expect(
      controlled(
        order.map((i) => ids[i] as string),
        reversed.control,
      ),
    ).toEqual(controlled(ids, first.control));
    const other = assignControlGroup(ids, strata, 0.2, 8);
    expect(controlled(ids, other.control)).not.toEqual(controlled(ids, first.control));
  });

  it('shuffles by Fisher–Yates over the ids in sorted order (worked by hand with u = 0 every time)', () => {
    // Sorted: a b c d e. u = 0 swaps position i with 0 for i = 4 … 1: e b c d a → d b c e a → c b d e a →
    // b c d e a; round(0.4 × 5) = 2 first ones, b and c, are the control group.
    const draw = drawControlGroup(['e', 'c', 'a', 'b', 'd'], ['x', 'x', 'x', 'x', 'x'], 0.4, () => 0);
    expect(['e', 'c', 'a', 'b', 'd'].filter((_, i) => draw.control[i] === 1).sort()).toEqual(['b', 'c']);
  });

  it('orders by code point, as DuckDB sorts text', () => {
    const sorted = ['b', '\u{1F600}', 'a', '\uFF5E', 'A'].sort(codePointOrder);
    // U+FF5E sorts before U+1F600 by code point, though not by UTF-16 code unit.
    expect(sorted).toEqual(['A', 'a', 'b', '\uFF5E', '\u{1F600}']);
  });

  it('rounds half up: round(0.1 × 25) = 3, round(0.1 × 15) = 2, round(0.1 × 4) = 0', () => {
    expect([
      controlCount(0.1, 25),
      controlCount(0.1, 15),
      controlCount(0.1, 4),
      controlCount(0.5, 7),
    ]).toEqual([3, 2, 0, 4]);
  });
});

describe('campaign create on the demo retailer', () => {
  let ws: Workspace;
  let dir: string;
  let path: string;
  let cleanup: () => void;
  let created: CampaignCreated;
  const SEGMENT = `stage in ('asleep', 'lost', 'falling_asleep') and email is not null`;
  beforeAll(async () => {
    ({ ws, dir, path, cleanup } = await demoWorkspace(2_000, 5));
    // A name a spreadsheet would run as a formula; demo phones start with "+", which it would too.
    await ws.run(
      `UPDATE customers SET name = '=HYPERLINK("http://x/' || customer_id || '")' WHERE customer_id < 'C0000200'`,
    );
    ws.close();
    const r = await campaignCli(
      'create',
      '--workspace',
      path,
      '--name',
      'Win-back',
      '--segment',
      SEGMENT,
      '--as-of',
      '2025-10-31',
      '--control',
      '0.2',
      '--stratify',
      'stage',
      '--seed',
      '4242',
      '--out',
      join(dir, 'targets.csv'),
      '--json',
    );
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    created = JSON.parse(r.out) as CampaignCreated;
    ({ ws } = await reopen(path));
  });
  afterAll(() => cleanup());

  async function reopen(p: string): Promise<{ ws: Workspace }> {
    const { Workspace } = await import('../../src/db/workspace.js');
    return { ws: await Workspace.open(p) };
  }

  it('stores the campaign with its dates, counts and seed', async () => {
    expect(created).toMatchObject({
      name: 'Win-back',
      as_of: '2025-10-31',
      start: '2025-11-01',
      control_share: 0.2,
      stratify: 'stage',
      seed: 4242,
      segments: true,
    });
    const row = await ws.one<{ members: number; targets: number; controls: number }>(
      `SELECT members, targets, controls FROM campaigns WHERE name = 'Win-back'`,
    );
    expect(row).toEqual({ members: created.members, targets: created.targets, controls: created.controls });
    // The members are exactly the customers the analysis put in those stages at 2025-10-31 with an e-mail.
    const expected = Number(
      await ws.scalar(
        `SELECT count(*) FROM customer_snapshots cs JOIN snapshots s USING (snapshot_id)
         JOIN customers c USING (customer_id)
         WHERE s.as_of = DATE '2025-10-31' AND cs.stage IN ('asleep', 'lost', 'falling_asleep') AND c.email IS NOT NULL`,
      ),
    );
    expect(created.members).toBe(expected);
    expect(expected).toBeGreaterThan(300);
  });

  it('stratifies exactly: round(0.2 × members) of every stage is in the control group', async () => {
    const rows = await ws.all<{ stratum: string; members: number; controls: number; stage_matches: boolean }>(
      `SELECT stratum, count(*) AS members, count(*) FILTER (WHERE "group" = 'control') AS controls,
              bool_and(stratum = stage) AS stage_matches
       FROM campaign_contacts WHERE campaign_id = $1 GROUP BY stratum ORDER BY stratum`,
      [created.campaign_id],
    );
    expect(rows.map((r) => r.stratum)).toEqual(['asleep', 'falling_asleep', 'lost']);
    for (const r of rows) {
      expect(r.controls).toBe(Math.round(0.2 * r.members));
      expect(r.stage_matches).toBe(true);
    }
    expect(created.strata.map((s) => [s.stratum, s.members, s.controls])).toEqual(
      rows.map((r) => [r.stratum, r.members, r.controls]),
    );
  });

  it('stores exactly the draw of assignControlGroup on the members and their stages', async () => {
    const rows = await ws.all<{ customer_id: string; stratum: string; group: string }>(
      `SELECT customer_id, stratum, "group" FROM campaign_contacts WHERE campaign_id = $1`,
      [created.campaign_id],
    );
    const draw = assignControlGroup(
      rows.map((r) => r.customer_id),
      rows.map((r) => r.stratum),
      0.2,
      4242,
    );
    expect(rows.map((r) => r.group)).toEqual([...draw.control].map((c) => (c === 1 ? 'control' : 'target')));
  });

  it('draws the same control group again for the same seed, and another for another seed', async () => {
    const controls = async (name: string): Promise<string[]> =>
      (
        await ws.all<{ customer_id: string }>(
          `SELECT m.customer_id FROM campaign_contacts m JOIN campaigns c USING (campaign_id)
           WHERE c.name = $1 AND m."group" = 'control' ORDER BY 1`,
          [name],
        )
      ).map((r) => r.customer_id);
    const options = { segment: SEGMENT, asOf: '2025-10-31', control: 0.2, stratify: 'stage' };
    await createCampaign(ws, { ...options, name: 'Same seed', seed: 4242 });
    await createCampaign(ws, { ...options, name: 'Other seed', seed: 4243 });
    const first = await controls('Win-back');
    expect(await controls('Same seed')).toEqual(first);
    expect(await controls('Other seed')).not.toEqual(first);
    expect((await controls('Other seed')).length).toBe(first.length);
  });

  it('writes the target list without the control group, with contact details, formulas neutralized', async () => {
    const rows = parseCsv(readFileSync(join(dir, 'targets.csv'), 'utf8')).filter((r) => r.length > 1);
    const header = rows[0] as string[];
    expect(header).toEqual([
      'customer_id',
      'name',
      'email',
      'phone',
      'region',
      'stage',
      'rfm_segment',
      'abc',
      'xyz',
      'orders',
      'revenue',
      'last_purchase',
      'recency_days',
    ]);
    const ids = rows.slice(1).map((r) => r[0] as string);
    const targets = (
      await ws.all<{ customer_id: string }>(
        `SELECT customer_id FROM campaign_contacts WHERE campaign_id = $1 AND "group" = 'target' ORDER BY 1`,
        [created.campaign_id],
      )
    ).map((r) => r.customer_id);
    expect(ids).toEqual(targets);
    expect(ids.length).toBe(created.targets);
    expect(created.out?.rows).toBe(created.targets);
    // Every phone of the demo starts with "+7": a leading apostrophe keeps a spreadsheet from running it.
    const phone = header.indexOf('phone');
    expect(rows.slice(1).every((r) => (r[phone] as string).startsWith("'+7"))).toBe(true);
    const formulas = rows.filter((r) => (r[0] as string) < 'C0000200');
    expect(formulas.length).toBeGreaterThan(5);
    for (const r of formulas) expect(r[1]).toBe(`'=HYPERLINK("http://x/${r[0]}")`);
    const control = await ws.scalar(
      `SELECT customer_id FROM campaign_contacts WHERE campaign_id = $1 AND "group" = 'control' LIMIT 1`,
      [created.campaign_id],
    );
    expect(ids).not.toContain(control);
  });

  it('leaves nothing behind when the export fails (create is atomic)', async () => {
    const before = Number(await ws.scalar(`SELECT count(*) FROM campaign_contacts`));
    ws.close();
    const folder = join(dir, 'taken.csv');
    mkdirSync(folder);
    const r = await campaignCli(
      'create',
      '--workspace',
      path,
      '--name',
      'Fails',
      '--segment',
      SEGMENT,
      '--as-of',
      '2025-10-31',
      '--out',
      folder,
    );
    ({ ws } = await reopen(path));
    expect(r.code).toBe(1);
    expect(await ws.scalar(`SELECT count(*) FROM campaigns WHERE name = 'Fails'`)).toBe(0);
    expect(Number(await ws.scalar(`SELECT count(*) FROM campaign_contacts`))).toBe(before);
    expect(existsSync(join(dir, `.taken.csv.${process.pid}.tmp`))).toBe(false);
  });

  it.each([
    [['--name', 'Win-back', '--segment', 'orders > 0'], /A campaign named "Win-back" already exists/],
    [['--name', 'X', '--segment', '   '], /--segment is empty/],
    [['--name', 'X', '--segment', 'orders > 100000'], /No customer matches the segment/],
    [['--name', 'X', '--segment', 'ordrs > 1'], /Unknown field "ordrs"/],
    [['--name', 'X', '--segment', 'orders > 0', '--control', '0'], /--control is the share/],
    [['--name', 'X', '--segment', 'orders > 0', '--control', '1'], /--control is the share/],
    [['--name', 'X', '--segment', 'orders > 0', '--control', 'ten'], /--control is the share/],
    [['--name', 'X', '--segment', 'orders > 0', '--stratify', 'colour'], /--stratify colour is not a column/],
    [['--name', 'X', '--segment', 'orders > 0', '--seed', '0'], /--seed must be a whole number from 1/],
    [
      ['--name', 'X', '--segment', 'orders > 0', '--as-of', '2025-10-31', '--start', '2025-10-01'],
      /must be after the selection date/,
    ],
    [['--name', 'X', '--segment', "stage = 'asleep'", '--as-of', '2025-10-15'], /no analysis at 2025-10-15/],
    [['--name', 'X', '--segment', 'orders > 0', '--out', 'list.txt'], /must end in .csv, .xlsx/],
  ])('refuses %j with exit code 2 and stores nothing', async (args, message) => {
    const count = Number(await ws.scalar(`SELECT count(*) FROM campaigns`));
    ws.close();
    const r = await campaignCli('create', '--workspace', path, ...args);
    ({ ws } = await reopen(path));
    expect(r.code).toBe(2);
    expect(r.err).toMatch(message);
    expect(Number(await ws.scalar(`SELECT count(*) FROM campaigns`))).toBe(count);
  });
});
