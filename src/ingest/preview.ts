import { dirname, join } from 'node:path';
import type { Workspace } from '../db/workspace.js';
import { detectRules, type IngestOptions } from './load.js';
import { chooseMapping, type Mapping } from './mapping.js';
import { KIND_SPECS, type Kind } from './kinds.js';
import { openSource } from './open-source.js';

/** What a load of the file would do, without loading it: detected layout, mapping and the first rows. */
export interface Preview {
  file: string;
  kind: Kind;
  format: string;
  encoding: string | null;
  delimiter: string | null;
  header_line: number | null;
  columns: string[];
  mapping: Mapping;
  unmapped: string[];
  /** Every canonical field of the kind, for a mapping editor. */
  fields: { field: string; required: boolean }[];
  decimal: string;
  date_format: string | null;
  sample: string[][];
}

export async function previewFile(
  ws: Workspace,
  file: string,
  options: Omit<IngestOptions, 'onProgress'> = {},
): Promise<Preview> {
  const source = await openSource(ws, file, {
    encoding: options.encoding,
    delimiter: options.delimiter,
    sheet: options.sheet,
    decimal: options.decimal,
    tmpDir: join(dirname(ws.path), '.clientele-tmp'),
  });
  try {
    const columns = source.columns.map((c) => c.name);
    const resolved = chooseMapping(options.kind, columns, options.map ?? {}, file);
    const rules = detectRules(resolved.kind, source, resolved.mapping, options);
    const spec = KIND_SPECS[resolved.kind];
    return {
      file,
      kind: resolved.kind,
      format: source.format,
      encoding: source.encoding,
      delimiter: source.delimiter,
      header_line: source.headerLine,
      columns,
      mapping: resolved.mapping,
      unmapped: resolved.unmapped,
      fields: spec.fields.map((f) => ({
        field: f.field,
        required: spec.required.some((r) => r.includes(f.field)),
      })),
      decimal: rules.decimal,
      date_format: spec.fields.some((f) => f.type === 'timestamp' && resolved.mapping[f.field])
        ? rules.date.name
        : null,
      sample: source.sample.slice(0, 20),
    };
  } finally {
    source.cleanup();
  }
}
