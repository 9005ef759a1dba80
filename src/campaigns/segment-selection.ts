import type { Workspace } from '../db/workspace.js';
import { ConflictError, field, InputError } from '../errors.js';
import {
  compileExpression,
  metricFields,
  type CompiledExpression,
  type ExpressionField,
} from '../expr/index.js';
import { catalogue, PREDICTION_COLUMNS, PROFILE_COLUMNS, SEGMENT_COLUMNS } from '../metrics/index.js';
import { hasPredictions, hasSnapshot } from '../profile/profile.js';
import { profileSql } from '../profile/profile-sql.js';

/** Columns of the customers table a target list carries and a segment may test (`email is not null`). */
export const CONTACT_COLUMNS = ['name', 'email', 'phone'] as const;

/** A segment expression compiled against every column a selection can have; `$1` is left for the as-of date. */
export interface CompiledSegment {
  text: string;
  compiled: CompiledExpression;
  /** The expression tests a column of `clientele analyze` (stage, rfm_segment, abc, …). */
  needsSegments: boolean;
  /** The expression tests a column of `clientele predict` (clv, churn_risk, …). */
  needsPredictions: boolean;
}

/** The customers matching a segment at a date: `sql` with `params` ($1 = the as-of date). */
export interface SegmentSelection {
  segment: CompiledSegment;
  asOf: string;
  sql: string;
  params: (string | number | boolean | null)[];
  /** Stage, RFM and ABC/XYZ columns are present (an analysis exists at the date). */
  segments: boolean;
  predictions: boolean;
  columns: string[];
}

/** The fields a segment rule may test: profile, analysis and prediction columns, and the contact columns. */
export function expressionFields(): ExpressionField[] {
  const known = new Set([...PROFILE_COLUMNS, ...SEGMENT_COLUMNS, ...PREDICTION_COLUMNS]);
  return [
    ...metricFields(catalogue().filter((m) => known.has(m.id) || m.id === 'customer_id')),
    ...CONTACT_COLUMNS.map((name): ExpressionField => ({ name, type: 'text' })),
  ];
}

/**
 * Compiles a segment rule in the safe expression language (src/expr) over the profile, the analysis and
 * prediction columns and the contact columns. Nothing the user typed reaches the SQL text.
 */
export function compileSegment(text: string): CompiledSegment {
  if (text.trim() === '') {
    throw new InputError(
      `${field('segment')} is empty: give a rule over customer metrics, e.g. "stage = 'asleep' and revenue > 5000" (\`clientele metrics\` lists the fields).`,
    );
  }
  const compiled = compileExpression(text, expressionFields(), { firstParam: 2 });
  return {
    text: text.trim(),
    compiled,
    needsSegments: compiled.fields.some((f) => SEGMENT_COLUMNS.includes(f)),
    needsPredictions: compiled.fields.some((f) => PREDICTION_COLUMNS.includes(f)),
  };
}

/** The selection SQL for a compiled segment with the given optional column groups. */
export function selectionSql(
  segment: CompiledSegment,
  asOf: string,
  options: { segments: boolean; predictions: boolean },
): SegmentSelection {
  const profile = profileSql(options);
  const sql = `SELECT * FROM (
    SELECT p.*, ${CONTACT_COLUMNS.map((c) => `k.${c}`).join(', ')}
    FROM (${profile}) p
    LEFT JOIN (SELECT customer_id, ${CONTACT_COLUMNS.map((c) => `any_value(${c}) AS ${c}`).join(', ')}
               FROM customers GROUP BY customer_id) k USING (customer_id)
  ) WHERE ${segment.compiled.sql}`;
  return {
    segment,
    asOf,
    sql,
    params: [asOf, ...segment.compiled.params],
    ...options,
    columns: [
      ...PROFILE_COLUMNS,
      ...(options.segments ? SEGMENT_COLUMNS : []),
      ...(options.predictions ? PREDICTION_COLUMNS : []),
      ...CONTACT_COLUMNS,
    ],
  };
}

/**
 * The customers matching a segment at the as-of date, with the analysis columns when an analysis exists at that
 * date and the prediction columns when predictions do. A rule over columns that do not exist there fails with
 * what to run.
 */
export async function selectSegment(ws: Workspace, text: string, asOf: string): Promise<SegmentSelection> {
  const segment = compileSegment(text);
  const segments = await hasSnapshot(ws, asOf);
  const predictions = await hasPredictions(ws, asOf);
  const used = (columns: readonly string[]): string =>
    segment.compiled.fields.filter((f) => columns.includes(f)).join(', ');
  if (segment.needsSegments && !segments) {
    throw new ConflictError(
      `The segment uses ${used(SEGMENT_COLUMNS)}, which \`clientele analyze\` computes, but there is no analysis at ${asOf}. ` +
        `Run \`clientele analyze --as-of ${asOf}\`, or give ${field('asOf')} the date of a stored snapshot.`,
    );
  }
  if (segment.needsPredictions && !predictions) {
    throw new ConflictError(
      `The segment uses ${used(PREDICTION_COLUMNS)}, which \`clientele predict\` computes, but there are no predictions at ${asOf}. ` +
        `Run \`clientele predict --as-of ${asOf}\` first.`,
    );
  }
  return selectionSql(segment, asOf, { segments, predictions });
}
