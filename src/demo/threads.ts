import { Worker } from 'node:worker_threads';
import { workerScript } from '../util/worker-script.js';
import { BlockGenerator, type BlockConfig, type BlockOutput } from './block.js';

/** Makes blocks, on this thread or on worker threads; the output never depends on which. */
export interface BlockRunner {
  run(block: number): Promise<BlockOutput>;
  close(): Promise<void>;
}

export function inlineRunner(config: BlockConfig): BlockRunner {
  const generator = new BlockGenerator(config);
  return {
    run: (block) => Promise.resolve(generator.generate(block)),
    close: () => Promise.resolve(),
  };
}

interface Task {
  block: number;
  resolve: (output: BlockOutput) => void;
  reject: (error: Error) => void;
}

/** Worker threads that each build their own generator from the config (see `workerScript`). */
export function workerRunner(config: BlockConfig, threads: number): BlockRunner {
  const script = workerScript(import.meta.url, 'block-worker');
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
    for (;;) {
      if (idle.length === 0 || queue.length === 0) return;
      const worker = idle.pop();
      const task = queue.shift();
      if (worker === undefined || task === undefined) return;
      busy.set(worker, task);
      worker.postMessage(task.block);
    }
  };
  const workers = Array.from({ length: threads }, () => {
    const worker = new Worker(script, { eval: true, workerData: config });
    worker.on('message', (output: BlockOutput) => {
      const task = busy.get(worker);
      busy.delete(worker);
      idle.push(worker);
      task?.resolve(output);
      next();
    });
    worker.on('error', fail);
    worker.on('exit', (code) => {
      if (code !== 0) fail(new Error(`a demo worker thread stopped with exit code ${code}`));
    });
    idle.push(worker);
    return worker;
  });

  return {
    run: (block) =>
      new Promise<BlockOutput>((resolve, reject) => {
        if (failure) return reject(failure);
        queue.push({ block, resolve, reject });
        next();
      }),
    close: async () => {
      for (const worker of workers) worker.removeAllListeners('exit');
      await Promise.all(workers.map((worker) => worker.terminate()));
    },
  };
}
