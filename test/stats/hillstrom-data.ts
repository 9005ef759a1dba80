import { readFileSync } from 'node:fs';
import { DATA } from '../helpers/workspace.js';

/** Per-customer outcomes of one arm of Hillstrom's e-mail experiment (../shared/data/hillstrom/README.md). */
export interface HillstromArm {
  visit: Float64Array;
  conversion: Float64Array;
  spend: Float64Array;
}

export const HILLSTROM_CSV = `${DATA}hillstrom/hillstrom.csv`;
const HEADER =
  'recency,history_segment,history,mens,womens,zip_code,newbie,channel,segment,visit,conversion,spend';

/**
 * Reads hillstrom.csv: CRLF lines, 12 fields, where `history_segment` may be quoted because it holds a comma
 * (`"6) $750 - $1,000"`). Returns the arms keyed by `segment`, in file order.
 */
export function loadHillstrom(): { rows: number; arms: Map<string, HillstromArm> } {
  const lines = readFileSync(HILLSTROM_CSV, 'ascii').split('\r\n');
  if (lines[0] !== HEADER) throw new Error(`unexpected header: ${lines[0]}`);
  if (lines.at(-1) !== '') throw new Error('expected a final CRLF');
  const body = lines.slice(1, -1);
  const columns = new Map<string, { visit: number[]; conversion: number[]; spend: number[] }>();
  for (const line of body) {
    const fields = splitCsvLine(line);
    if (fields.length !== 12) throw new Error(`expected 12 fields: ${line}`);
    const [segment, visit, conversion, spend] = fields.slice(8) as [string, string, string, string];
    let arm = columns.get(segment);
    if (arm === undefined) columns.set(segment, (arm = { visit: [], conversion: [], spend: [] }));
    arm.visit.push(Number(visit));
    arm.conversion.push(Number(conversion));
    arm.spend.push(Number(spend));
  }
  const arms = new Map<string, HillstromArm>();
  for (const [name, c] of columns) {
    arms.set(name, {
      visit: Float64Array.from(c.visit),
      conversion: Float64Array.from(c.conversion),
      spend: Float64Array.from(c.spend),
    });
  }
  return { rows: body.length, arms };
}

function splitCsvLine(line: string): string[] {
  const fields: string[] = [];
  let field = '';
  let quoted = false;
  for (const ch of line) {
    if (ch === '"') quoted = !quoted;
    else if (ch === ',' && !quoted) {
      fields.push(field);
      field = '';
    } else field += ch;
  }
  fields.push(field);
  return fields;
}

export function arm(arms: Map<string, HillstromArm>, name: string): HillstromArm {
  const found = arms.get(name);
  if (found === undefined) throw new Error(`no arm ${name}`);
  return found;
}
