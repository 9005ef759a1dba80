import { useEffect, useRef } from 'react';
import { getJson } from './client.js';
import type { Job } from './types.js';

const POLL_MS = 400;

/** Polls a queued or running job until it is done or failed; `onFinished` runs once at the end. */
export function useJobPolling(
  job: Job | undefined,
  setJob: (job: Job) => void,
  onFinished: () => void,
): void {
  const finished = useRef(onFinished);
  finished.current = onFinished;
  const id = job?.id;
  const active = job !== undefined && (job.state === 'queued' || job.state === 'running');
  useEffect(() => {
    if (!id || !active) return;
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const poll = async () => {
      try {
        const next = await getJson<Job>(`/api/jobs/${id}`);
        if (stopped) return;
        setJob(next);
        if (next.state === 'done' || next.state === 'failed') finished.current();
        else timer = setTimeout(() => void poll(), POLL_MS);
      } catch {
        if (!stopped) timer = setTimeout(() => void poll(), POLL_MS * 5);
      }
    };
    timer = setTimeout(() => void poll(), POLL_MS);
    return () => {
      stopped = true;
      if (timer) clearTimeout(timer);
    };
  }, [id, active, setJob]);
}
