const UNITS: Record<string, number> = { b: 1, kb: 1e3, mb: 1e6, gb: 1e9, tb: 1e12 };

/** `2GB`, `500 MB`, `1.5gb` or a number of bytes → bytes; undefined when it is none of these. */
export function parseBytes(text: string): number | undefined {
  const m = /^\s*(\d+(?:\.\d+)?)\s*([kmgt]?b)?\s*$/i.exec(text);
  if (!m) return undefined;
  const bytes = Number(m[1]) * (UNITS[(m[2] ?? 'b').toLowerCase()] ?? 1);
  return Number.isFinite(bytes) && bytes >= 1 ? Math.floor(bytes) : undefined;
}

/** 2000000000 → `2 GB`; 1500 → `1.5 KB`. */
export function formatBytes(bytes: number): string {
  for (const [unit, size] of [
    ['TB', 1e12],
    ['GB', 1e9],
    ['MB', 1e6],
    ['KB', 1e3],
  ] as const) {
    if (bytes >= size) return `${Number((bytes / size).toFixed(1))} ${unit}`;
  }
  return `${bytes} bytes`;
}
