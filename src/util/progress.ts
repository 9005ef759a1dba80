import type { Workspace } from '../db/workspace.js';

export interface Progress {
  phase: string;
  done: number;
  total: number;
}

export type ProgressListener = (progress: Progress) => void;

/** Polls DuckDB's progress of the running query and reports it as a percentage until the returned stop(). */
export function watchProgress(
  ws: Workspace,
  phase: string,
  listener: ProgressListener | undefined,
): () => void {
  if (!listener) return () => undefined;
  listener({ phase, done: 0, total: 100 });
  const timer = setInterval(() => {
    const p = ws.connection.progress;
    if (p.percentage >= 0) listener({ phase, done: Math.min(100, p.percentage), total: 100 });
  }, 250);
  return () => {
    clearInterval(timer);
    listener({ phase, done: 100, total: 100 });
  };
}

/**
 * A one-line progress bar on stderr, drawn only when stderr is a terminal (so logs and pipes stay clean),
 * redrawn at most ten times a second.
 */
export function terminalProgress(stream: NodeJS.WriteStream = process.stderr): {
  listener: ProgressListener;
  end: () => void;
} {
  if (!stream.isTTY) return { listener: () => undefined, end: () => undefined };
  let last = 0;
  let drawn = false;
  const listener: ProgressListener = ({ phase, done, total }) => {
    const now = Date.now();
    if (now - last < 100 && done < total) return;
    last = now;
    const fraction = total > 0 ? Math.min(1, done / total) : 0;
    const width = 30;
    const filled = Math.round(fraction * width);
    stream.write(
      `\r${phase.padEnd(9)} [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${(fraction * 100).toFixed(0).padStart(3)}%`,
    );
    drawn = true;
  };
  return {
    listener,
    end: () => {
      if (drawn) stream.write('\r\u001b[2K');
    },
  };
}
