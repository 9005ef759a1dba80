import { formatBytes, type Progress, type ProgressListener, ProgressTracker } from '../util/index.js';
import type { Context } from './context.js';
import { fmtInt } from './terminal-text.js';

/** What a command hands its long steps: `listener` is undefined when nothing is shown. */
export interface CommandProgress {
  listener: ProgressListener | undefined;
  /** Clears the progress line (before the command prints; drawing may resume afterwards). */
  end(): void;
}

const REDRAW_MS = 100;
const BAR = 24;

/**
 * The one place that decides whether a command shows progress: only on a terminal (Io.tty) and never with
 * --json — or, with CLIENTELE_PROGRESS_EVENTS=1, every event as a line `progress {json}` on stderr. Events are timed by a ProgressTracker and drawn as one line on stderr: a new phase and the end of one
 * at once, the rest at most ten times a second.
 */
export function commandProgress(ctx: Context, opts: { json?: boolean } = {}): CommandProgress {
  // For programs that run Clientele (and its fault tests): every event as a JSON line on stderr.
  if (process.env['CLIENTELE_PROGRESS_EVENTS'] === '1') {
    return { listener: (p) => ctx.io.err(`progress ${JSON.stringify(p)}\n`), end: () => undefined };
  }
  if (!ctx.io.tty || opts.json) return { listener: undefined, end: () => undefined };
  let last = -Infinity;
  let phase = '';
  let drawn = false;
  const tracker = new ProgressTracker((p) => {
    const now = performance.now();
    if (now - last < REDRAW_MS && p.done < p.total && p.phase === phase) return;
    last = now;
    phase = p.phase;
    ctx.io.err(`\r${progressLine(p)}\u001b[K`);
    drawn = true;
  });
  return {
    listener: tracker.listener,
    end: () => {
      if (drawn) ctx.io.err('\r\u001b[2K');
      drawn = false;
    },
  };
}

/** `snapshots [######..................]  25% 6/24 snapshots · 1:15 elapsed · ~3:45 left` */
export function progressLine(p: Progress): string {
  const fraction = p.total > 0 ? Math.max(0, Math.min(1, p.done / p.total)) : 0;
  const filled = Math.round(fraction * BAR);
  const parts = [
    `${p.phase} [${'#'.repeat(filled)}${'.'.repeat(BAR - filled)}] ${(fraction * 100).toFixed(0).padStart(3)}%`,
  ];
  const count = countText(p);
  if (count) parts[0] += ` ${count}`;
  if (p.elapsed_s !== undefined) parts.push(`${duration(p.elapsed_s)} elapsed`);
  if (p.eta_s !== undefined && p.done < p.total) parts.push(`~${duration(p.eta_s)} left`);
  return parts.join(' · ');
}

function countText(p: Progress): string {
  if (p.unit === undefined || p.unit === 'percent' || p.unit === 'steps') return '';
  if (p.unit === 'bytes') return `${formatBytes(p.done)}/${formatBytes(p.total)}`;
  return `${fmtInt(p.done)}/${fmtInt(p.total)} ${p.unit}`;
}

/** 75 → `1:15`; 3725 → `1:02:05`. */
export function duration(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  const two = (n: number) => String(n).padStart(2, '0');
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  return h > 0 ? `${h}:${two(m)}:${two(s % 60)}` : `${m}:${two(s % 60)}`;
}
