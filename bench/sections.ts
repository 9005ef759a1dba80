/**
 * BENCHMARKS.md is written by more than one benchmark: `npm run bench` (bench/run.ts) writes the file, and
 * `npm run bench:scale` (bench/scale.ts), `npm run bench:clickhouse` (bench/clickhouse.ts) and `npm run
 * bench:load` (bench/load.ts) each their own
 * section between `<!-- bench:… -->` and `<!-- /bench:… -->`. Each keeps the sections of the others.
 */
export const SCALE_SECTION = 'bench:scale';
export const CLICKHOUSE_SECTION = 'bench:clickhouse';
export const LOAD_SECTION = 'bench:load';
/** The sections written by their own benchmark, kept when `npm run bench` rewrites the file. */
export const OWN_SECTIONS = [SCALE_SECTION, CLICKHOUSE_SECTION, LOAD_SECTION] as const;

const open = (name: string): string => `<!-- ${name} -->`;
const close = (name: string): string => `<!-- /${name} -->`;

/** Where section `name` is in a text, markers included, or undefined when it has none. */
function find(text: string, name: string): { start: number; end: number } | undefined {
  const start = text.indexOf(open(name));
  const end = start < 0 ? -1 : text.indexOf(close(name), start);
  return start < 0 || end < 0 ? undefined : { start, end: end + close(name).length };
}

/** What section `name` of a text holds between its markers, or undefined when it has none. */
export function sectionBody(text: string, name: string): string | undefined {
  const at = find(text, name);
  return at && text.slice(at.start + open(name).length, at.end - close(name).length).trim();
}

/** The text with section `name` set to `body`: replaced where it is, or appended at the end. */
export function withSection(text: string, name: string, body: string): string {
  const section = `${open(name)}\n${body.trim()}\n${close(name)}`;
  const at = find(text, name);
  if (at) return text.slice(0, at.start) + section + text.slice(at.end);
  return `${text.trimEnd()}\n\n${section}\n`;
}
