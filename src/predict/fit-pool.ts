import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { InputError } from '../errors.js';
import { ModelFitError, type ModelFitFailure } from '../models/index.js';
import { workerScript } from '../util/worker-script.js';
import { fitDate, type DateInputs, type DateModel } from './date-model.js';

type Reply = { patterns: DateInputs['patterns'] } & (
  { model: DateModel } | { error: { message: string; input: boolean; details: Record<string, unknown> } }
);

interface Task {
  inputs: DateInputs;
  resolve: (model: DateModel) => void;
  reject: (error: Error) => void;
}

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
  const script = workerScript(import.meta.url, 'fit-worker');
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
      const { patterns, spend } = task.inputs;
      const arrays = [...Object.values(patterns), ...Object.values(spend)] as Float64Array[];
      worker.postMessage(
        task.inputs,
        arrays.map((a) => a.buffer as ArrayBuffer),
      );
    }
  };
  const workers = Array.from({ length: threads }, () => {
    const worker = new Worker(script, { eval: true });
    worker.on('message', (reply: Reply) => {
      const task = busy.get(worker);
      busy.delete(worker);
      idle.push(worker);
      if (task) task.inputs.patterns = reply.patterns;
      if ('model' in reply) task?.resolve(reply.model);
      else task?.reject(replyError(reply.error));
      next();
    });
    worker.on('error', fail);
    worker.on('exit', (code) => {
      if (code !== 0) fail(new Error(`a model-fitting worker thread stopped with exit code ${code}`));
    });
    idle.push(worker);
    return worker;
  });
  return {
    threads,
    fit: (inputs) =>
      new Promise<DateModel>((resolve, reject) => {
        if (failure) return reject(failure);
        queue.push({ inputs, resolve, reject });
        next();
      }),
    close: async () => {
      for (const worker of workers) worker.removeAllListeners('exit');
      await Promise.all(workers.map((worker) => worker.terminate()));
    },
  };
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
