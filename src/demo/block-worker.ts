import { parentPort, workerData } from 'node:worker_threads';
import { BlockGenerator, type BlockConfig, type BlockOutput } from './block.js';

/** Worker thread entry: generates the blocks it is sent and transfers their bytes back. */
const generator = new BlockGenerator(workerData as BlockConfig);

function transferList(output: BlockOutput): ArrayBuffer[] {
  const buffers = new Set<ArrayBuffer>();
  for (const chunk of [...output.sales, ...output.salesFrom, ...output.customers, ...output.truth]) {
    if (chunk.buffer instanceof ArrayBuffer) buffers.add(chunk.buffer);
  }
  return [...buffers];
}

parentPort?.on('message', (block: number) => {
  const output = generator.generate(block);
  parentPort?.postMessage(output, transferList(output));
});
