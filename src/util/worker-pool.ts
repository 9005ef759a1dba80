import { Worker } from 'node:worker_threads';

/**
 * A fixed set of worker threads running the module `script` (see worker-script.ts): each task is posted to an
 * idle worker, queued while all are busy, and settled by the worker's one reply. A worker that fails or exits
 * rejects every task in flight and queued, and later ones; `close` terminates the workers.
 */
export interface WorkerPool<In, Out> {
  run(input: In): Promise<Out>;
  close(): Promise<void>;
}

export interface WorkerPoolOptions<In, Reply, Out> {
  script: string;
  threads: number;
  /** Given to each worker as its workerData. */
  workerData?: unknown;
  /** What the worker threads are, for the message when one stops ("a demo worker thread"). */
  name: string;
  /** Buffers moved (not copied) to the worker with the input. */
  transfer?: (input: In) => ArrayBuffer[];
  /** The task's result from the worker's reply: a value, or an Error to reject with. */
  settle: (reply: Reply, input: In) => Out | Error;
}

export function workerPool<In, Reply, Out>(o: WorkerPoolOptions<In, Reply, Out>): WorkerPool<In, Out> {
  interface Task {
    input: In;
    resolve: (output: Out) => void;
    reject: (error: Error) => void;
  }
  const queue: Task[] = [];
  const busy = new Map<Worker, Task>();
  const idle: Worker[] = [];
  let failure: Error | undefined;
  const fail = (error: Error): void => {
    failure ??= error;
    for (const task of [...busy.values(), ...queue.splice(0)]) task.reject(error);
    busy.clear();
  };
  const next = (): void => {
    while (idle.length > 0 && queue.length > 0) {
      const worker = idle.pop()!;
      const task = queue.shift()!;
      busy.set(worker, task);
      worker.postMessage(task.input, o.transfer?.(task.input) ?? []);
    }
  };
  const workers = Array.from({ length: o.threads }, () => {
    const worker = new Worker(o.script, { eval: true, workerData: o.workerData });
    worker.on('message', (reply: Reply) => {
      const task = busy.get(worker);
      busy.delete(worker);
      idle.push(worker);
      if (task) {
        const out = o.settle(reply, task.input);
        if (out instanceof Error) task.reject(out);
        else task.resolve(out);
      }
      next();
    });
    worker.on('error', fail);
    worker.on('exit', (code) => {
      if (code !== 0) fail(new Error(`${o.name} stopped with exit code ${code}`));
    });
    idle.push(worker);
    return worker;
  });
  return {
    run: (input) =>
      new Promise<Out>((resolve, reject) => {
        if (failure) return reject(failure);
        queue.push({ input, resolve, reject });
        next();
      }),
    close: async () => {
      for (const worker of workers) worker.removeAllListeners('exit');
      await Promise.all(workers.map((worker) => worker.terminate()));
    },
  };
}
