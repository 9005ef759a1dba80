import { extname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
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

/**
 * Worker threads that each build their own generator from the config. When this module runs from TypeScript
 * sources (tests, tsx) the worker registers the tsx loader first; the built package loads plain JavaScript.
 */
export function workerRunner(config: BlockConfig, threads: number): BlockRunner {
  const self = fileURLToPath(import.meta.url);
  const entry = new URL(`./block-worker${extname(self)}`, import.meta.url).href;
  const load = `import(${JSON.stringify(entry)})`;
  const script =
    extname(self) === '.ts'
      ? `import('tsx/esm/api').then((tsx) => { tsx.register(); return ${load}; })`
      : load;
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
