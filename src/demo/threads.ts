import { workerPool } from '../util/worker-pool.js';
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

/** Worker threads that each build their own generator from the config (see `workerScript`). */
export function workerRunner(config: BlockConfig, threads: number): BlockRunner {
  const pool = workerPool<number, BlockOutput, BlockOutput>({
    script: workerScript(import.meta.url, 'block-worker'),
    threads,
    workerData: config,
    name: 'a demo worker thread',
    settle: (output) => output,
  });
  return { run: (block) => pool.run(block), close: () => pool.close() };
}
