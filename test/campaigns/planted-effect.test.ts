import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyze } from '../../src/analyze/analyze.js';
import {
  assignControlGroup,
  campaignArms,
  createCampaign,
  evaluationWindow,
  findCampaign,
  memberOutcomes,
  type CampaignCreated,
  type CampaignEvaluationReport,
  type CampaignListing,
  type ContactsAttached,
  type MemberOutcomes,
} from '../../src/campaigns/index.js';
import { Workspace } from '../../src/db/workspace.js';
import { ingestFile } from '../../src/ingest/load.js';
import { createRandomSource, evaluateCampaign } from '../../src/stats/index.js';
import { withinBinomial } from '../stats/simulate.js';
import { campaignCli } from './campaign-cli.js';
import { demoWorkspace } from './demo-workspace.js';

// The demo retailer's customers with an e-mail, selected at 2025-10-31, half of them kept as control. Then an
// effect is planted: each target, with probability 0.3 (seeded), gets one extra 3,000 purchase in the window
// 2025-11-01 … 2025-11-30. The evaluation must find it with the right size; A/A splits must not find anything.
const PLANT_P = 0.3;
const PLANT_AMOUNT = 3000;
const COST = 50;

let ws: Workspace;
let dir: string;
let path: string;
let cleanup: () => void;
let created: CampaignCreated;
let natural: MemberOutcomes;
let strata: string[];
let planted = { customers: 0, revenue: 0, newBuyers: 0 };
let report: CampaignEvaluationReport;
let contacts: ContactsAttached;
let text: string;

beforeAll(async () => {
  ({ ws, dir, path, cleanup } = await demoWorkspace(3_000, 11));
  created = await createCampaign(ws, {
    name: 'Autumn',
    segment: 'email is not null',
    asOf: '2025-10-31',
    control: 0.5,
    stratify: 'stage',
    seed: 2024,
    channel: 'email',
    costPerContact: COST,
  });
  const campaign = await findCampaign(ws, 'Autumn');
  natural = await memberOutcomes(ws, campaign.campaign_id, await evaluationWindow(ws, campaign, 30), {
    ids: true,
  });
  strata = (
    await ws.all<{ stratum: string }>(
      `SELECT stratum FROM campaign_contacts WHERE campaign_id = $1 ORDER BY customer_id`,
      [campaign.campaign_id],
    )
  ).map((r) => r.stratum);
  planted = await plant(natural, join(dir, 'planted.csv'));
  await ingestFile(ws, join(dir, 'planted.csv'));
  await analyze(ws, { months: 24 });
  writeContactLog(natural, join(dir, 'log.csv'));
  ws.close();
  const attached = await campaignCli(
    'contacts',
    'Autumn',
    '--workspace',
    path,
    '--file',
    join(dir, 'log.csv'),
    '--json',
  );
  expect(attached.err).toBe('');
  contacts = JSON.parse(attached.out) as ContactsAttached;
  const evaluated = await campaignCli('evaluate', 'Autumn', '--workspace', path, '--window', '30d', '--json');
  expect(evaluated.err).toBe('');
  expect(evaluated.code).toBe(0);
  report = JSON.parse(evaluated.out) as CampaignEvaluationReport;
  text = (await campaignCli('evaluate', 'Autumn', '--workspace', path, '--bootstrap', '0')).out;
  ws = await Workspace.open(path);
});
afterAll(() => cleanup());

/** Writes the planted sales: each target (in id order) gets, with probability 0.3, one 3,000 order in November. */
async function plant(
  outcomes: MemberOutcomes,
  file: string,
): Promise<{ customers: number; revenue: number; newBuyers: number }> {
  const random = createRandomSource(777);
  const lines = ['order_id,customer_id,date,amount'];
  let newBuyers = 0;
  outcomes.ids!.forEach((id, i) => {
    if (outcomes.isControl[i] === 1 || random() >= PLANT_P) return;
    const day = 1 + Math.floor(random() * 28);
    lines.push(`PLANT-${i},${id},2025-11-${String(day).padStart(2, '0')} 12:00:00,${PLANT_AMOUNT}`);
    if (outcomes.converted[i] === 0) newBuyers++;
  });
  writeFileSync(file, `${lines.join('\n')}\n`);
  return { customers: lines.length - 1, revenue: (lines.length - 1) * PLANT_AMOUNT, newBuyers };
}

/** Every target sent on 1 November; every 3rd opened, every 6th clicked; one control member and a stranger too. */
function writeContactLog(outcomes: MemberOutcomes, file: string): void {
  const lines = ['customer_id,sent_at,opened_at,clicked_at'];
  let k = 0;
  outcomes.ids!.forEach((id, i) => {
    if (outcomes.isControl[i] === 1) return;
    const opened = k % 3 === 0 ? '2025-11-01 10:00:00' : '';
    const clicked = k % 6 === 0 ? '2025-11-01 10:05:00' : '';
    lines.push(`${id},2025-11-01 09:00:00,${opened},${clicked}`);
    k++;
  });
  const control = outcomes.ids!.find((_, i) => outcomes.isControl[i] === 1);
  lines.push(`${control},2025-11-01 09:00:00,,`, 'NOT-A-MEMBER,2025-11-01 09:00:00,,');
  writeFileSync(file, `${lines.join('\n')}\n`);
}

const between = (x: number, lower: number | null, upper: number | null) => {
  expect(lower).not.toBeNull();
  expect(upper).not.toBeNull();
  expect(x).toBeGreaterThan(lower as number);
  expect(x).toBeLessThan(upper as number);
};

describe('a planted effect', () => {
  it('planted what it meant to: about 30 % of the targets', () => {
    expect(withinBinomial(planted.customers, created.targets, PLANT_P)).toBe(true);
    expect(created.targets + created.controls).toBe(created.members);
    expect(created.controls).toBe(created.strata.reduce((s, x) => s + Math.round(0.5 * x.members), 0));
  });

  it('is found: revenue per customer up by the planted amount per target, inside its 95 % interval', () => {
    const s = report.summary;
    const perTarget = planted.revenue / created.targets; // the true effect on the treated
    expect(perTarget).toBeGreaterThan(800);
    between(perTarget, s.revenue_per_customer_difference.lower, s.revenue_per_customer_difference.upper);
    between(planted.revenue, s.incremental_revenue.lower, s.incremental_revenue.upper);
    expect(s.revenue_p_value).toBeLessThan(1e-6);
    expect(s.significant).toBe(true);
    // CUPED uses each member's pre-period revenue; the interval still covers the planted revenue.
    expect(s.incremental_revenue_cuped).not.toBeNull();
    between(planted.revenue, s.incremental_revenue_cuped!.lower, s.incremental_revenue_cuped!.upper);
  });

  it('finds the extra buyers: the conversion lift covers the targets who bought only because of the plant', () => {
    const s = report.summary;
    between(
      planted.newBuyers / created.targets,
      s.conversion_difference.lower,
      s.conversion_difference.upper,
    );
    expect(s.conversion_p_value).toBeLessThan(1e-6);
  });

  it('computes ROI from targets × cost per contact, on revenue', () => {
    const s = report.summary;
    expect(s.cost).toBe(created.targets * COST);
    expect(s.roi?.estimate).toBeCloseTo(((s.incremental_revenue.estimate as number) - s.cost!) / s.cost!, 10);
    expect(s.sample_ratio_mismatch).toBe(false);
    expect(report.evaluation.sampleRatio.expected).toEqual([created.members / 2, created.members / 2]);
  });

  it('counts outcomes in [start, start + 30 days) and the pre-period of the same length', () => {
    expect(report.window).toMatchObject({
      days: 30,
      start: '2025-11-01',
      end: '2025-12-01',
      last_day: '2025-11-30',
      pre_start: '2025-10-02',
      complete: true,
      pre_period_observed: true,
    });
  });

  it('shows targets restored from lost far more often than controls', () => {
    const t = report.transitions;
    expect(t.available).toBe(true);
    if (!t.available) return;
    expect(t.to).toMatchObject({ as_of: '2025-11-30' });
    expect(t.to.basis).toMatch(/first snapshot at or after/);
    const lost = t.moves.find((m) => m.from === 'lost' && m.to === 'restored');
    expect(lost).toBeDefined();
    expect(lost!.target.share - lost!.control.share).toBeGreaterThan(0.15);
    expect(lost!.p_value_holm).toBeLessThan(1e-6);
    const stayed = t.moves.find((m) => m.from === 'lost' && m.to === 'lost');
    expect(stayed!.target.share).toBeLessThan(stayed!.control.share);
  });

  it('reads the e-mail funnel from the attached contact log', () => {
    const opened = Math.ceil(created.targets / 3);
    const clicked = Math.ceil(created.targets / 6);
    expect(contacts).toMatchObject({
      targets: created.targets,
      controls: 1,
      not_members: 1,
      sent: created.targets + 1,
    });
    const f = report.funnel!;
    expect(f).toMatchObject({
      sent: created.targets,
      opened,
      clicked,
      control_contacted: 1,
      cost: created.targets * COST,
    });
    expect(f.ratios.openRate).toBeCloseTo(opened / created.targets, 12);
    expect(f.ratios.clickThroughRate).toBeCloseTo(clicked / created.targets, 12);
    expect(f.ratios.clickToOpenRate).toBeCloseTo(clicked / opened, 12);
    expect(f.orders).toBeGreaterThanOrEqual(planted.customers);
    expect(f.ratios.costPerOrder).toBeCloseTo((created.targets * COST) / f.orders, 10);
    expect(report.warnings.join(' ')).toMatch(/1 control-group member as contacted/);
  });

  it('says it in words, stores the result and lists it', async () => {
    expect(report.summary.verdict).toMatch(/^The campaign brought [\d,.]+ of incremental revenue \(95 % CI/);
    expect(text).toMatch(/The campaign brought/);
    expect(text).toMatch(/lost → restored/);
    expect(text).toMatch(/E-mail funnel: sent [\d,]+ · open rate/);
    expect(text).toMatch(/Sample-ratio check: ok/);
    expect(Number(await ws.scalar(`SELECT count(*) FROM campaign_results`))).toBe(2);
    ws.close();
    const listed = await campaignCli('list', '--workspace', path, '--json');
    ws = await Workspace.open(path);
    const list = JSON.parse(listed.out) as CampaignListing[];
    expect(list.map((c) => [c.name, c.evaluations])).toEqual([['Autumn', 2]]);
    expect(list[0]?.last_evaluation?.incremental_revenue.estimate).toBeCloseTo(
      report.summary.incremental_revenue.estimate as number,
      6,
    );
  });
});

describe('A/A splits of the same members (no plant)', () => {
  it('reject at about the nominal 5 % over 300 seeded splits', () => {
    const splits = 300;
    let revenue = 0;
    let conversion = 0;
    for (let seed = 1; seed <= splits; seed++) {
      const draw = assignControlGroup(natural.ids!, strata, 0.5, seed);
      const e = evaluateCampaign(
        campaignArms(natural, { split: draw.control, prePeriod: false }),
        'control',
        {
          bootstrapReplicates: 0,
        },
      );
      const c = e.comparisons[0]!;
      if ((c.revenuePerCustomer.test.pValue as number) < 0.05) revenue++;
      if ((c.conversion.test.pValue as number) < 0.05) conversion++;
    }
    // Binomial(300, 0.05): 15 expected, within 3.5 standard deviations (3.8 each).
    expect(withinBinomial(revenue, splits, 0.05)).toBe(true);
    expect(withinBinomial(conversion, splits, 0.05)).toBe(true);
    console.log(`A/A: ${revenue}/${splits} revenue and ${conversion}/${splits} conversion tests below 0.05`);
  });
});
