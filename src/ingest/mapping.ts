import { field as option, InputError } from '../errors.js';
import { KIND_SPECS, KINDS, normalizeHeader, type Kind } from './kinds.js';

/** Canonical field → source column name. */
export type Mapping = Record<string, string>;

/**
 * Parses `--map customer_id=Код карты,ts=Дата` (the flag may also be repeated). A comma splits pairs only
 * when a `field=` follows, so source names may contain commas.
 */
export function parseMapArgs(values: readonly string[]): Mapping {
  const mapping: Mapping = {};
  for (const value of values) {
    for (const pair of value.split(/,(?=\s*[A-Za-z_]+\s*=)/)) {
      const eq = pair.indexOf('=');
      if (eq <= 0)
        throw new InputError(
          `${option('map')} expects canonical=Source pairs, e.g. ${option('map')} customer_id=CustomerID; got "${pair}".`,
        );
      mapping[pair.slice(0, eq).trim()] = pair.slice(eq + 1).trim();
    }
  }
  return mapping;
}

export interface ResolvedMapping {
  kind: Kind;
  mapping: Mapping;
  /** Source columns not mapped to a canonical field. */
  unmapped: string[];
}

/** Maps the file's columns onto `kind`'s fields: explicit pairs first, then header names. */
export function resolveMapping(kind: Kind, columns: readonly string[], explicit: Mapping): ResolvedMapping {
  const spec = KIND_SPECS[kind];
  const mapping: Mapping = {};
  const used = new Set<string>();
  for (const [field, source] of Object.entries(explicit)) {
    if (!spec.fields.some((f) => f.field === field)) {
      throw new InputError(
        `${option('map')} names "${field}", which is not a ${kind} field. ${kind} fields are: ${spec.fields.map((f) => f.field).join(', ')}.`,
      );
    }
    const column =
      columns.find((c) => c === source) ??
      columns.find((c) => normalizeHeader(c) === normalizeHeader(source));
    if (!column) {
      throw new InputError(
        `${option('map')} ${field}=${source}: the file has no column "${source}". Columns found: ${columns.join(', ')}.`,
      );
    }
    mapping[field] = column;
    used.add(column);
  }
  const normalized = columns.map(normalizeHeader);
  for (const f of spec.fields) {
    if (mapping[f.field]) continue;
    for (const synonym of f.synonyms) {
      const idx = normalized.findIndex((n, i) => n === normalizeHeader(synonym) && !used.has(columns[i]!));
      if (idx >= 0) {
        mapping[f.field] = columns[idx]!;
        used.add(columns[idx]!);
        break;
      }
    }
  }
  return { kind, mapping, unmapped: columns.filter((c) => !used.has(c)) };
}

export function missingRequired(resolved: ResolvedMapping): string[] {
  return KIND_SPECS[resolved.kind].required
    .filter((anyOf) => !anyOf.some((f) => resolved.mapping[f]))
    .map((anyOf) => anyOf.join(' or '));
}

/**
 * With no --kind: the kind that maps the most columns (sales on a tie, and sales whenever both its customer and
 * date columns are found, so that a sales file missing its amount gets the error about the amount).
 */
export function chooseMapping(
  kind: Kind | undefined,
  columns: readonly string[],
  explicit: Mapping,
  file: string,
): ResolvedMapping {
  if (kind) return requireComplete(resolveMapping(kind, columns, explicit), columns, file);
  const tries = KINDS.map((k) => {
    try {
      return resolveMapping(k, columns, explicit);
    } catch {
      return undefined;
    }
  }).filter((t): t is ResolvedMapping => t !== undefined);
  const sales = tries.find((t) => t.kind === 'sales');
  if (sales && sales.mapping['customer_id'] && sales.mapping['ts'])
    return requireComplete(sales, columns, file);
  const score = (t: ResolvedMapping): number =>
    Object.keys(t.mapping).length + (missingRequired(t).length === 0 ? 100 : 0);
  const best = [...tries].sort((a, b) => score(b) - score(a))[0];
  return requireComplete(best ?? resolveMapping('sales', columns, explicit), columns, file);
}

function requireComplete(
  resolved: ResolvedMapping,
  columns: readonly string[],
  file: string,
): ResolvedMapping {
  const missing = missingRequired(resolved);
  if (missing.length > 0) {
    const hint = KIND_SPECS[resolved.kind].required
      .map((anyOf) => anyOf[0])
      .map((f) => `${f}=<column>`)
      .join(',');
    throw new InputError(
      `${file}: no column for required ${resolved.kind} field${missing.length > 1 ? 's' : ''} ${missing.join(', ')}. ` +
        `Columns found: ${columns.join(', ')}. Name them with ${option('map')}, e.g. ${option('map')} ${hint}` +
        (resolved.kind === 'sales' ? `, or pass ${option('kind')} customers|products for other files.` : '.'),
    );
  }
  return resolved;
}
