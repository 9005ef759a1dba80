import type { Progress, ProgressListener } from './progress.js';

/**
 * Adds the time elapsed and an estimate of the time left to progress events: the one place both are computed.
 *
 * Engine steps (ingest, analyze's months, predict at each snapshot, partitions…) do not time anything: they
 * report plain events through the `onProgress` listener they are given, with the unit they count in,
 *   onProgress?.({ phase: 'months', done: m, total: months, unit: 'months' });
 * and whoever runs them wraps its own listener once in a tracker and passes `tracker.listener` down: the CLI
 * (cli/progress.ts draws it on the terminal) and the API's job queue (server/jobs.ts keeps it as job.progress)
 * do, and so can a library caller: `analyze(ws, { onProgress: new ProgressTracker(show).listener })`.
 *
 * `elapsed_s` counts from the tracker's creation. `eta_s` extrapolates the pace of the current phase:
 * (time since the phase began) × (total − done) / (done since it began). A phase begins when the phase name or
 * the total changes, or when `done` goes back (e.g. the next query of a phase counted in percent); `eta_s` is
 * absent until something is done in the phase, and 0 once done reaches the total.
 */
export class ProgressTracker {
  private readonly started: number;
  private phase: { name: string; total: number; at: number; base: number; last: number } | undefined;

  /** `clock` gives milliseconds (default: a monotonic clock); tests pass their own. */
  constructor(
    private readonly sink: ProgressListener,
    private readonly clock: () => number = () => performance.now(),
  ) {
    this.started = clock();
  }

  /** Seconds since the tracker was created, to a tenth. */
  elapsed(): number {
    return tenths((this.clock() - this.started) / 1000);
  }

  readonly listener: ProgressListener = (event) => {
    const now = this.clock();
    const { phase, done, total } = event;
    let p = this.phase;
    if (!p || p.name !== phase || p.total !== total || done < p.last) {
      p = { name: phase, total, at: now, base: done, last: done };
      this.phase = p;
    } else {
      p.last = done;
    }
    const timed: Progress = { ...event, elapsed_s: tenths((now - this.started) / 1000) };
    delete timed.eta_s;
    if (total > 0 && done >= total) timed.eta_s = 0;
    else if (done > p.base && now > p.at) {
      timed.eta_s = tenths((((now - p.at) / 1000) * (total - done)) / (done - p.base));
    }
    this.sink(timed);
  };
}

function tenths(seconds: number): number {
  return Math.round(seconds * 10) / 10;
}
