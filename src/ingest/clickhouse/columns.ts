import { InputError } from '../../errors.js';
import type { FieldType } from '../kinds.js';
import { fieldSpec } from '../kinds.js';
import type { Mapping } from '../mapping.js';
import type { SourceColumn } from '../source.js';
import type { ClickHouseTarget } from './target.js';

/** A column of the linked table as the server describes it, and the DuckDB type its CSV values are read as. */
export interface LinkedColumn extends SourceColumn {
  /** The ClickHouse type, e.g. `Nullable(DateTime)`. */
  serverType: string;
  nullable: boolean;
}

/** `Nullable(LowCardinality(String))` → `String`. */
function bareType(type: string): { bare: string; nullable: boolean } {
  let t = type.trim();
  let nullable = false;
  for (;;) {
    const m = /^(Nullable|LowCardinality)\((.*)\)$/.exec(t);
    if (!m) break;
    if (m[1] === 'Nullable') nullable = true;
    t = m[2]!.trim();
  }
  return { bare: t, nullable };
}

/** The DuckDB type a ClickHouse column is read as, or undefined for types Clientele cannot read (arrays, maps…). */
export function duckdbType(serverType: string): string | undefined {
  const { bare } = bareType(serverType);
  if (/^U?Int(8|16|32)$/.test(bare) || bare === 'Int64') return 'BIGINT';
  if (bare === 'UInt64') return 'UBIGINT';
  if (/^Float(32|64)$/.test(bare)) return 'DOUBLE';
  const dec = /^Decimal(?:32|64|128)?\((?:(\d+),\s*)?(\d+)\)$/.exec(bare);
  if (dec) return `DECIMAL(38,${Math.min(Number(dec[2]), 37)})`;
  if (bare === 'Date') return 'DATE';
  if (/^DateTime(\(.*\))?$/.test(bare)) return 'TIMESTAMP';
  if (bare === 'String' || bare === 'UUID' || /^FixedString\(\d+\)$/.test(bare) || /^Enum(8|16)\(/.test(bare))
    return 'VARCHAR';
  return undefined;
}

export function linkedColumns(rows: { name: string; type: string }[]): LinkedColumn[] {
  return rows.map((r) => ({
    name: r.name,
    serverType: r.type,
    nullable: bareType(r.type).nullable,
    type: duckdbType(r.type) ?? 'UNSUPPORTED',
  }));
}

const ACCEPTS: Record<FieldType, { types: RegExp; words: string }> = {
  timestamp: { types: /^(DATE|TIMESTAMP|VARCHAR)$/, words: 'a Date, a DateTime or text' },
  number: { types: /^(BIGINT|UBIGINT|DOUBLE|DECIMAL.*|VARCHAR)$/, words: 'a number or text' },
  money: { types: /^(BIGINT|UBIGINT|DOUBLE|DECIMAL.*|VARCHAR)$/, words: 'a number or text' },
  id: { types: /^(BIGINT|UBIGINT|DOUBLE|DECIMAL.*|VARCHAR)$/, words: 'text or a number' },
  text: { types: /^(BIGINT|UBIGINT|DOUBLE|DECIMAL.*|VARCHAR|DATE|TIMESTAMP)$/, words: 'text' },
};

/** Every mapped column must have a type its field can be read from; one sentence for the first that has not. */
export function checkColumnTypes(target: ClickHouseTarget, columns: LinkedColumn[], mapping: Mapping): void {
  for (const [field, name] of Object.entries(mapping)) {
    const column = columns.find((c) => c.name === name);
    const spec = fieldSpec('sales', field);
    if (!column || !spec) continue;
    const accepts = ACCEPTS[spec.type];
    if (!accepts.types.test(column.type)) {
      throw new InputError(
        `Column "${name}" of ${target.database}.${target.table} (${target.display}) has type ${column.serverType}; ${field} needs ${accepts.words}.`,
      );
    }
  }
}
