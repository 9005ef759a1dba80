import { readColumns } from '../db/columns.js';
import { ident } from '../db/sql.js';
import type { Workspace } from '../db/workspace.js';
import { field, InputError } from '../errors.js';
import { findColumn, type FileColumn } from './read-table-file.js';

const NUMERIC =
  /^(TINYINT|SMALLINT|INTEGER|BIGINT|HUGEINT|UTINYINT|USMALLINT|UINTEGER|UBIGINT|UHUGEINT|FLOAT|REAL|DOUBLE|DECIMAL.*|BOOLEAN)$/i;
const OUTCOME_NAMES =
  /^(visits?|conversions?|converted|purchased?|bought|orders?|revenue|spend|sales|amount|clicks?|clicked|opens?|opened)$/i;

/** One group of an experiment file: its label and, per outcome column, the values of its rows. */
export interface FileArm {
  group: string;
  values: Float64Array[];
}

/**
 * The outcome columns to compare: the ones named (each must be numeric or boolean, without empty values), or by
 * default the numeric columns whose names say they are outcomes (visit, conversion, revenue, spend, …).
 */
export function outcomeColumns(
  columns: readonly FileColumn[],
  group: FileColumn,
  requested: readonly string[],
): FileColumn[] {
  const numeric = columns.filter((c) => c.name !== group.name && NUMERIC.test(c.type));
  if (requested.length === 0) {
    const guessed = numeric.filter((c) => OUTCOME_NAMES.test(c.name));
    if (guessed.length === 0) {
      throw new InputError(
        `Name the outcomes to compare with ${field('outcomeCol')} (numeric columns of the file: ${numeric.map((c) => c.name).join(', ') || 'none'}).`,
      );
    }
    return guessed;
  }
  return requested.map((name) => {
    const column = findColumn(columns, name, field('outcomeCol'));
    if (column.name === group.name)
      throw new InputError(`${field('outcomeCol')} ${name} is the group column.`);
    if (!NUMERIC.test(column.type)) {
      throw new InputError(
        `${field('outcomeCol')} ${column.name} holds ${column.type.toLowerCase()} values; outcomes must be numbers (0/1 for conversions, amounts for revenue).`,
      );
    }
    return column;
  });
}

/**
 * Splits the rows of a file read into `table` by the group column into per-group columns of outcome values
 * (typed arrays, read chunk by chunk). Groups are ordered by label; rows without a group or with an empty
 * outcome are refused with their count.
 */
export async function fileArms(
  ws: Workspace,
  table: string,
  group: FileColumn,
  outcomes: readonly FileColumn[],
): Promise<FileArm[]> {
  const g = `CAST(${ident(group.name)} AS VARCHAR)`;
  const missing = await ws.one<Record<string, number>>(
    `SELECT count(*) FILTER (WHERE ${g} IS NULL) AS "group", ${outcomes
      .map((o, i) => `count(*) FILTER (WHERE ${ident(o.name)} IS NULL) AS o${i}`)
      .join(', ')} FROM ${ident(table)}`,
  );
  if ((missing?.['group'] ?? 0) > 0) {
    throw new InputError(`${missing?.['group']} rows have no value in the group column ${group.name}.`);
  }
  outcomes.forEach((o, i) => {
    const n = missing?.[`o${i}`] ?? 0;
    if (n > 0) {
      throw new InputError(
        `${n} rows have no value in the outcome column ${o.name}; fill them (0 when nothing happened) and run again.`,
      );
    }
  });
  const groups = await ws.all<{ grp: string; n: number }>(
    `SELECT ${g} AS grp, count(*) AS n FROM ${ident(table)} GROUP BY 1 ORDER BY 1`,
  );
  const columns = await readColumns(
    ws,
    `SELECT k.idx, ${outcomes.map((o, i) => `CAST(r.${ident(o.name)} AS DOUBLE) AS o${i}`).join(', ')}
     FROM ${ident(table)} r
     JOIN (SELECT grp, row_number() OVER (ORDER BY grp) - 1 AS idx
           FROM (SELECT DISTINCT ${g} AS grp FROM ${ident(table)})) k ON k.grp = CAST(r.${ident(group.name)} AS VARCHAR)`,
    [],
    ['idx', ...outcomes.map((_, i) => `o${i}`)],
  );
  const arms: FileArm[] = groups.map((r) => ({
    group: r.grp,
    values: outcomes.map(() => new Float64Array(r.n)),
  }));
  const filled = new Array<number>(groups.length).fill(0);
  const armIndex = columns.numbers['idx'] as Float64Array;
  const values = outcomes.map((_, i) => columns.numbers[`o${i}`] as Float64Array);
  for (let row = 0; row < columns.length; row++) {
    const k = armIndex[row] as number;
    const at = filled[k] as number;
    const arm = arms[k] as FileArm;
    values.forEach((v, i) => ((arm.values[i] as Float64Array)[at] = v[row] as number));
    filled[k] = at + 1;
  }
  return arms;
}
