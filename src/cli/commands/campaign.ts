import type { Command } from 'commander';
import {
  attachContacts,
  createCampaign,
  evaluateResultsFile,
  evaluateStoredCampaign,
  listCampaigns,
  parseWindow,
  planCampaign,
  withScratchWorkspace,
} from '../../campaigns/index.js';
import { InputError } from '../../errors.js';
import { renderContacts } from '../campaign-texts/render-contacts.js';
import { renderCreated } from '../campaign-texts/render-created.js';
import { renderEvaluation } from '../campaign-texts/render-evaluation.js';
import { renderList } from '../campaign-texts/render-list.js';
import { renderPlan } from '../campaign-texts/render-plan.js';
import { renderResultsFile } from '../campaign-texts/render-results-file.js';
import { workspaceOption, type Context } from '../context.js';
import { json } from '../terminal-text.js';

const collect = (value: string, previous: string[]): string[] => [...previous, value];

function wholeNumber(text: string, flag: string): number {
  const n = Number(text);
  if (!Number.isSafeInteger(n) || n < 0)
    throw new InputError(`${flag} must be a whole number; got "${text}".`);
  return n;
}

/** `clientele campaign create | plan | evaluate | contacts | list`. */
export function registerCampaign(program: Command, ctx: Context): void {
  const campaign = program
    .command('campaign')
    .description('Select a segment with a control group, plan its size, and evaluate the incremental effect');

  const create = campaign
    .command('create')
    .description(
      'Select a segment, draw a stratified reproducible control group, store the campaign, write the target list',
    )
    .requiredOption('--name <name>', 'unique name of the campaign')
    .requiredOption('--segment <expression>', `who to select, e.g. "stage = 'asleep' and email is not null"`)
    .option('--control <share>', 'share kept as an untouched control group (0.1 or 10%)', '0.1')
    .option(
      '--stratify <column>',
      'draw the control group within each value of a column: stage, rfm_segment, abc, region…',
    )
    .option('--seed <n>', 'seed of the draw (default: a random one, stored and shown)')
    .option('--channel <channel>', 'email, sms, push…')
    .option('--cost-per-contact <amount>', 'cost of one contact, for the ROI')
    .option(
      '--start <date>',
      'first day of the campaign, YYYY-MM-DD (default: the day after the selection date)',
    )
    .option('--end <date>', 'last day of the campaign, YYYY-MM-DD')
    .option(
      '--as-of <date>',
      'select on sales up to this date (default: the latest sale, or the day before --start)',
    )
    .option(
      '--out <file>',
      'write the target list (control group left out) to .csv, .xlsx, .parquet or .json',
    )
    .option('--json', 'print the result as JSON');
  workspaceOption(create).action(
    async (
      opts: {
        name: string;
        segment: string;
        control: string;
        stratify?: string;
        seed?: string;
        channel?: string;
        costPerContact?: string;
        start?: string;
        end?: string;
        asOf?: string;
        out?: string;
        json?: boolean;
      },
      command: Command,
    ) => {
      const created = await ctx.withWorkspace(command, (ws) => createCampaign(ws, opts));
      ctx.io.out(opts.json ? json(created) : renderCreated(created));
    },
  );

  const plan = campaign
    .command('plan')
    .description(
      'Segment size, its baseline from its own history, and the sample size or minimum detectable effect',
    )
    .requiredOption('--segment <expression>', 'who would be selected')
    .option('--metric <metric>', 'conversion or revenue', 'conversion')
    .option(
      '--mde <effect>',
      'effect to detect: absolute (0.01 = 1 point, or an amount for revenue) or relative (10%)',
    )
    .option('--control <share>', 'planned control share', '0.1')
    .option('--window <length>', 'campaign window: 30d, 4w', '30d')
    .option('--power <p>', 'desired power', '0.8')
    .option('--as-of <date>', 'select on sales up to this date (default: the latest sale)')
    .option('--json', 'print the result as JSON');
  workspaceOption(plan).action(
    async (
      opts: {
        segment: string;
        metric: string;
        mde?: string;
        control: string;
        window: string;
        power: string;
        asOf?: string;
        json?: boolean;
      },
      command: Command,
    ) => {
      const windowDays = parseWindow(opts.window);
      const result = await ctx.withWorkspace(
        command,
        (ws) => planCampaign(ws, { ...opts, windowDays, power: Number(opts.power) }),
        { readOnly: true },
      );
      ctx.io.out(opts.json ? json(result) : renderPlan(result));
    },
  );

  const evaluate = campaign
    .command('evaluate')
    .description('Evaluate a stored campaign (NAME), or an experiment run elsewhere (--file)')
    .argument('[name]', 'a campaign created with `campaign create`')
    .option('--window <length>', 'days after the start to count outcomes (default: start to end, else 30d)')
    .option('--margin <m>', 'gross margin in [0, 1] for the ROI (default 1: ROI on revenue)')
    .option('--bootstrap <n>', 'bootstrap replicates of the revenue check (0 to skip)', '2000')
    .option(
      '--file <file>',
      'an experiment run elsewhere: one row per contacted customer with group and outcomes',
    )
    .option('--group-col <column>', 'with --file: the column of the group')
    .option('--control <value>', 'with --file: the group value of the control group')
    .option('--outcome-col <column>', 'with --file: an outcome column (repeat for several)', collect, [])
    .option(
      '--split <group=weight>',
      'with --file: planned weight of a group for the sample-ratio check (repeat)',
      collect,
      [],
    )
    .option('--seed <n>', 'with --file: seed of the bootstrap', '1')
    .option('--json', 'print the result as JSON');
  workspaceOption(evaluate).action(
    async (
      name: string | undefined,
      opts: {
        window?: string;
        margin?: string;
        bootstrap: string;
        file?: string;
        groupCol?: string;
        control?: string;
        outcomeCol: string[];
        split: string[];
        seed: string;
        json?: boolean;
      },
      command: Command,
    ) => {
      const bootstrap = wholeNumber(opts.bootstrap, '--bootstrap');
      if (opts.file !== undefined) {
        if (name !== undefined) throw new InputError('Give either a campaign NAME or --file, not both.');
        if (opts.groupCol === undefined || opts.control === undefined) {
          throw new InputError('--file needs --group-col COLUMN and --control VALUE (the control group).');
        }
        const file = opts.file;
        const report = await withScratchWorkspace((ws) =>
          evaluateResultsFile(ws, {
            file,
            groupCol: opts.groupCol as string,
            control: opts.control as string,
            outcomeCols: opts.outcomeCol,
            split: opts.split,
            bootstrap,
            seed: wholeNumber(opts.seed, '--seed') || 1,
          }),
        );
        ctx.io.out(opts.json ? json(report) : renderResultsFile(report));
        return;
      }
      if (name === undefined) {
        throw new InputError(
          'Name the campaign to evaluate (`clientele campaign list` shows them), or pass --file RESULTS.',
        );
      }
      const windowDays = opts.window === undefined ? undefined : parseWindow(opts.window);
      const report = await ctx.withWorkspace(command, (ws) =>
        evaluateStoredCampaign(ws, name, { windowDays, margin: opts.margin, bootstrap }),
      );
      ctx.io.out(opts.json ? json(report) : renderEvaluation(report));
    },
  );

  const contacts = campaign
    .command('contacts')
    .description('Attach a contact log (customer_id, sent_at, opened_at, clicked_at) for the e-mail funnel')
    .argument('<name>', 'the campaign')
    .requiredOption('--file <file>', 'the log: CSV, Parquet or JSON, one row per customer or per event')
    .option('--json', 'print the result as JSON');
  workspaceOption(contacts).action(
    async (name: string, opts: { file: string; json?: boolean }, command: Command) => {
      const result = await ctx.withWorkspace(command, (ws) => attachContacts(ws, name, opts.file));
      ctx.io.out(opts.json ? json(result) : renderContacts(result));
    },
  );

  const list = campaign
    .command('list')
    .description('Stored campaigns with their latest evaluation')
    .option('--json', 'print the result as JSON');
  workspaceOption(list).action(async (opts: { json?: boolean }, command: Command) => {
    const campaigns = await ctx.withWorkspace(command, (ws) => listCampaigns(ws), { readOnly: true });
    ctx.io.out(opts.json ? json(campaigns) : renderList(campaigns));
  });
}
