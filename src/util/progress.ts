/** What `done` and `total` count. */
export const PROGRESS_UNITS = [
  'rows',
  'bytes',
  'customers',
  'partitions',
  'snapshots',
  'months',
  'steps',
  'percent',
] as const;
export type ProgressUnit = (typeof PROGRESS_UNITS)[number];

/**
 * One progress event of a long step. `phase`, `done` and `total` are what the step reports (with `unit` when it
 * knows what it counts); `elapsed_s` and `eta_s` are added by a ProgressTracker (progress-tracker.ts).
 */
export interface Progress {
  phase: string;
  done: number;
  total: number;
  unit?: ProgressUnit;
  /** Seconds since the work started. */
  elapsed_s?: number;
  /** Estimated seconds left in the current phase, from its pace so far; absent until there is a pace. */
  eta_s?: number;
}

export type ProgressListener = (progress: Progress) => void;

/** What progress is read from: a workspace's engine connection (db/workspace.ts), whose running query reports a
 * percentage (negative while unknown). */
export interface QueryProgressSource {
  readonly connection: { readonly progress: { readonly percentage: number } };
}

/** Polls DuckDB's progress of the running query and reports it as a percentage until the returned stop(). */
export function watchProgress(
  ws: QueryProgressSource,
  phase: string,
  listener: ProgressListener | undefined,
): () => void {
  if (!listener) return () => undefined;
  listener({ phase, done: 0, total: 100, unit: 'percent' });
  const timer = setInterval(() => {
    const p = ws.connection.progress;
    if (p.percentage >= 0)
      listener({ phase, done: Math.min(100, p.percentage), total: 100, unit: 'percent' });
  }, 250);
  return () => {
    clearInterval(timer);
    listener({ phase, done: 100, total: 100, unit: 'percent' });
  };
}

/**
 * Runs `work` with DuckDB's query progress reported as `phase` (see watchProgress): phase-level progress for
 * steps that are a few large queries, e.g. `withQueryProgress(ws, 'recommending', onProgress, () => recommendAll(ws))`.
 */
export async function withQueryProgress<T>(
  ws: QueryProgressSource,
  phase: string,
  listener: ProgressListener | undefined,
  work: () => Promise<T>,
): Promise<T> {
  const stop = watchProgress(ws, phase, listener);
  try {
    return await work();
  } finally {
    stop();
  }
}
