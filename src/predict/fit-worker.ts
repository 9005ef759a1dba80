import { parentPort } from 'node:worker_threads';
import { InputError } from '../errors.js';
import { fitDate, type DateInputs } from './date-model.js';

/**
 * Worker thread entry: fits the dates it is sent (fit-pool.ts) and transfers the per-pattern values back, with
 * the patterns (their buffers came here by transfer, not by copy).
 */
parentPort?.on('message', (inputs: DateInputs) => {
  try {
    const model = fitDate(inputs);
    const arrays = [...Object.values(model.values), ...Object.values(inputs.patterns)] as Float64Array[];
    parentPort?.postMessage(
      { model, patterns: inputs.patterns },
      arrays.map((a) => a.buffer as ArrayBuffer),
    );
  } catch (error) {
    const input = error instanceof InputError;
    parentPort?.postMessage({
      patterns: inputs.patterns,
      error: {
        message: error instanceof Error ? error.message : String(error),
        input,
        details: input ? error.details : {},
      },
    });
  }
});
