import { availableParallelism } from 'node:os';
import { InputError } from '../errors.js';
import { ModelFitError, type ModelFitFailure } from '../models/index.js';
import { workerPool } from '../util/worker-pool.js';
import { workerScript } from '../util/worker-script.js';
import { fitDate, type DateInputs, type DateModel } from './date-model.js';

type Reply = { patterns: DateInputs['patterns'] } & (
  { model: DateModel } | { error: { message: string; input: boolean; details: Record<string, unknown> } }
);

/** Fits dates (`fitDate`) on worker threads, several at once, or on this thread (`inlineFitPool`). */
export interface FitPool {
  readonly threads: number;
  fit(inputs: DateInputs): Promise<DateModel>;
  close(): Promise<void>;
}

/**
 * One worker thread per core (at most 4): the fits of different dates are independent, and while they run the
 * main thread keeps the database busy with the next dates' summaries and the last dates' rows. A model that
 * cannot be fitted rejects with the same `InputError` (`ModelFitError`) as on the main thread.
 */
export function fitPool(threads = Math.min(4, availableParallelism())): FitPool {
  const pool = workerPool<DateInputs, Reply, DateModel>({
    script: workerScript(import.meta.url, 'fit-worker'),
    threads,
    name: 'a model-fitting worker thread',
    transfer: ({ patterns, spend }) =>
      ([...Object.values(patterns), ...Object.values(spend)] as Float64Array[]).map(
        (a) => a.buffer as ArrayBuffer,
      ),
    // The patterns' buffers moved to the worker come back with the reply.
    settle: (reply, inputs) => {
      inputs.patterns = reply.patterns;
      return 'model' in reply ? reply.model : replyError(reply.error);
    },
  });
  return { threads, fit: (inputs) => pool.run(inputs), close: () => pool.close() };
}

/** Fits on this thread, one date at a time: for a single date, where a worker would only add its start. */
export function inlineFitPool(): FitPool {
  return {
    threads: 1,
    fit: (inputs) => {
      try {
        return Promise.resolve(fitDate(inputs));
      } catch (error) {
        return Promise.reject(error as Error);
      }
    },
    close: () => Promise.resolve(),
  };
}

function replyError(e: { message: string; input: boolean; details: Record<string, unknown> }): Error {
  if (!e.input) return new Error(e.message);
  const reason = e.details['reason'];
  return typeof reason === 'string'
    ? new ModelFitError(reason as ModelFitFailure, e.message)
    : new InputError(e.message, e.details);
}
