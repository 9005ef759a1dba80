import type { Workspace } from '../db/workspace.js';
import { field, InputError } from '../errors.js';
import { compareOutcome } from './compare-outcome.js';
import { plannedWeights } from './planned-weights.js';
import {
  createRandomSource,
  sampleRatioMismatch,
  type BootstrapInterval,
  type MeanDifferenceTest,
  type RelativeLift,
  type SampleRatioCheck,
  type TwoProportionTest,
} from '../stats/index.js';
import type { Estimate } from './evaluation-summary.js';
import { fileArms, outcomeColumns, type FileArm } from './results-file-arms.js';
import { findColumn, readTableFile } from './read-table-file.js';

export interface ResultsFileOptions {
  file: string;
  /** Column holding each row's group (arm). */
  groupCol: string;
  /** The value of the group column that marks the control group. */
  control: string;
  /** Outcome columns; default the numeric columns named like outcomes (visit, conversion, revenue, spend, …). */
  outcomeCols?: readonly string[];
  /** Planned weights as `GROUP=WEIGHT`, one per group; default equal. */
  split?: readonly string[];
  /** Bootstrap replicates for continuous outcomes; default 2000, 0 to skip. */
  bootstrap?: number;
  /** Seed of the bootstrap; default 1. */
  seed?: number;
}

export interface OutcomeArm {
  group: string;
  customers: number;
  /** The rate for a 0/1 outcome, the mean otherwise. */
  mean: number;
  total: number;
  /** Rows with a 1, for a 0/1 outcome. */
  successes: number | null;
}

export interface OutcomeComparison {
  arm: string;
  control: string;
  /** Mean (rate) of the arm − mean (rate) of the control. */
  difference: number;
  relative_lift: RelativeLift;
  /** difference × the arm's customers, with its 95 % interval (proportion interval for 0/1, Welch otherwise). */
  incremental: Estimate;
  welch: MeanDifferenceTest;
  /** Student's pooled-variance t-test, as scipy `ttest_ind` and the Hillstrom README report it. */
  student: MeanDifferenceTest;
  /** Two-proportion z-test, for 0/1 outcomes. */
  proportion: TwoProportionTest | null;
  bootstrap: BootstrapInterval | null;
  /** The primary test's p-value: two-proportion z for 0/1 outcomes, Welch otherwise. */
  p_value: number | null;
  /** Holm-adjusted over the arms, per outcome. */
  p_value_holm: number | null;
}

export interface OutcomeResult {
  column: string;
  kind: 'binary' | 'continuous';
  primary_test: 'two-proportion z-test' | 'Welch t-test';
  arms: OutcomeArm[];
  comparisons: OutcomeComparison[];
}

/** What `clientele campaign evaluate --file … --json` prints. */
export interface ResultsFileReport {
  file: string;
  rows: number;
  group_column: string;
  control: string;
  groups: { group: string; customers: number; planned_weight: number }[];
  outcomes: OutcomeResult[];
  sample_ratio: SampleRatioCheck;
  confidence: number;
  methods: Record<string, string>;
}

const TABLE = 'cl_campaign_results_file';

/**
 * Evaluates an experiment run elsewhere from a file with one row per contacted customer, its group and outcomes.
 * For every treatment group against the control and every outcome: the means (rates), the difference with
 * Welch's and Student's t-tests and 95 % intervals, the relative lift (Fieller), the incremental total; 0/1
 * outcomes add the two-proportion z-test, continuous ones a seeded bootstrap interval; Holm's adjustment over the
 * arms per outcome; and a sample-ratio check against the planned split (equal by default).
 */
export async function evaluateResultsFile(
  ws: Workspace,
  options: ResultsFileOptions,
): Promise<ResultsFileReport> {
  const columns = await readTableFile(ws, options.file, TABLE);
  try {
    const group = findColumn(columns, options.groupCol, field('groupCol'));
    const outcomes = outcomeColumns(columns, group, options.outcomeCols ?? []);
    const arms = await fileArms(ws, TABLE, group, outcomes);
    if (arms.length < 2) {
      throw new InputError(
        `The group column ${group.name} has ${arms.length} value(s) (${arms.map((a) => a.group).join(', ')}); an experiment needs a control and at least one other group.`,
      );
    }
    const control = controlArm(arms, options.control, group.name);
    const weights = plannedWeights(arms, options.split ?? []);
    const replicates = options.bootstrap ?? 2000;
    const random = createRandomSource(options.seed ?? 1);
    const results = outcomes.map((o, i) => compareOutcome(o.name, i, arms, control, replicates, random));
    return {
      file: options.file,
      rows: arms.reduce((s, a) => s + (a.values[0]?.length ?? 0), 0),
      group_column: group.name,
      control: control.group,
      groups: arms.map((a, k) => ({
        group: a.group,
        customers: a.values[0]?.length ?? 0,
        planned_weight: weights[k] as number,
      })),
      outcomes: results,
      sample_ratio: sampleRatioMismatch(
        arms.map((a) => a.values[0]?.length ?? 0),
        weights,
      ),
      confidence: 0.95,
      methods: {
        binary:
          'rate; two-proportion z-test (pooled SE for the p-value, unpooled Wald interval); Student and Welch t on the 0/1 values',
        continuous:
          'mean; Welch t-test (Welch–Satterthwaite df) and Student pooled-variance t-test; percentile/BCa bootstrap (seeded)',
        lift: 'relative lift mean(arm)/mean(control) − 1 with Fieller interval',
        multiplicity: 'Holm–Bonferroni over the treatment arms, per outcome, on the primary p-value',
        sample_ratio: "Pearson's chi-square goodness of fit of group sizes against the planned split",
      },
    };
  } finally {
    await ws.run(`DROP TABLE IF EXISTS ${TABLE}`);
  }
}

function controlArm(arms: readonly FileArm[], wanted: string, column: string): FileArm {
  const found =
    arms.find((a) => a.group === wanted) ??
    arms.find((a) => a.group.trim().toLowerCase() === wanted.trim().toLowerCase());
  if (found) return found;
  throw new InputError(
    `${field('control')} "${wanted}" is not a value of ${column}. Its values: ${arms.map((a) => `"${a.group}"`).join(', ')}.`,
  );
}
