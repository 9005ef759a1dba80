import { InputError } from '../errors.js';
import {
  DELIMITER_CHOICES,
  parseDelimiter,
  ENCODINGS,
  parseEncoding,
  parseDateFormat,
  parseDecimal,
  KINDS,
  type Kind,
  type IngestOptions,
  type Mapping,
} from '../ingest/index.js';

/** The text fields an upload form may carry besides `file`; empty values mean "detect". */
export const INGEST_FIELDS = [
  'upload_id',
  'kind',
  'map',
  'encoding',
  'delimiter',
  'decimal',
  'date_format',
  'sheet',
] as const;

/**
 * Turns the form fields into ingest options with the engine's own parsers (the same values the CLI flags
 * accept); the file itself is then checked by the engine exactly as `clientele ingest` checks it.
 */
export function ingestOptions(fields: Record<string, string>): Omit<IngestOptions, 'onProgress'> {
  const given: Record<string, string> = {};
  for (const [name, value] of Object.entries(fields)) {
    if (!(INGEST_FIELDS as readonly string[]).includes(name)) {
      throw new InputError(`Unknown form field "${name}". Fields: file, ${INGEST_FIELDS.join(', ')}.`);
    }
    const text = name === 'delimiter' ? value : value.trim();
    if (text !== '') given[name] = text;
  }
  const { kind, map, encoding, delimiter, decimal, date_format: dateFormat, sheet } = given;
  if (kind !== undefined && !(KINDS as readonly string[]).includes(kind)) {
    throw new InputError(`kind must be one of ${KINDS.join(', ')}; got "${kind}".`);
  }
  const parsedEncoding = encoding === undefined ? undefined : parseEncoding(encoding);
  if (encoding !== undefined && !parsedEncoding) {
    throw new InputError(`encoding must be one of ${ENCODINGS.join(', ')}; got "${encoding}".`);
  }
  return {
    kind: kind as Kind | undefined,
    map: map === undefined ? undefined : parseMapping(map),
    encoding: parsedEncoding,
    delimiter: delimiter === undefined ? undefined : delimiterField(delimiter),
    decimal: decimal === undefined ? undefined : parseDecimal(decimal),
    dateFormat: dateFormat === undefined ? undefined : parseDateFormat(dateFormat),
    sheet,
  };
}

/** `{"customer_id": "Код карты", "ts": "Дата"}`: canonical field → source column; empty values are skipped. */
function parseMapping(text: string): Mapping {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new InputError(
      `map must be a JSON object of canonical field → source column, e.g. {"customer_id": "Client"}.`,
    );
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw new InputError(
      `map must be a JSON object of canonical field → source column, e.g. {"customer_id": "Client"}.`,
    );
  }
  const mapping: Mapping = {};
  for (const [field, source] of Object.entries(value)) {
    if (typeof source !== 'string') throw new InputError(`map: the column for "${field}" must be text.`);
    if (source.trim() !== '') mapping[field] = source;
  }
  return mapping;
}

function delimiterField(name: string): string {
  const delimiter = parseDelimiter(name);
  if (!delimiter) throw new InputError(`delimiter must be ${DELIMITER_CHOICES}; got "${name}".`);
  return delimiter;
}
