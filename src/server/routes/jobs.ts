import { ApiError } from '../api-error.js';
import type { RouteModule } from '../context.js';
import { PROGRESS_UNITS } from '../../util/index.js';
import { JOB_STATES } from '../jobs.js';
import { errors, nullableString } from '../schemas.js';

export const jobSchema = {
  type: 'object',
  properties: {
    id: { type: 'string' },
    kind: { type: 'string' },
    label: { type: 'string' },
    state: { type: 'string', enum: JOB_STATES },
    progress: {
      type: 'object',
      description:
        'phase: queued; a load: reading (bytes), loading (percent), checking; an analysis: analyzing (percent of the current step); predictions: fitting, snapshots (snapshots done); recommending (percent of the current step).',
      properties: {
        phase: { type: 'string' },
        done: { type: 'number' },
        total: { type: 'number' },
        unit: {
          type: 'string',
          enum: PROGRESS_UNITS,
          description: 'What done and total count; absent when the phase does not say.',
        },
        elapsed_s: { type: 'number', description: 'Seconds since the job started.' },
        eta_s: {
          type: 'number',
          description:
            'Estimated seconds left in the current phase, from its pace so far; absent until there is a pace.',
        },
      },
      required: ['phase', 'done', 'total'],
    },
    result: {
      description:
        'When done: the load report (as `clientele ingest --json` prints it), the analysis summary, or the predictions report.',
    },
    error: nullableString,
    created_at: { type: 'string' },
    started_at: nullableString,
    finished_at: nullableString,
  },
} as const;

export const jobRoutes: RouteModule = (app, ctx) => {
  app.get(
    '/api/jobs',
    {
      schema: {
        tags: ['jobs'],
        summary: 'Background jobs of this server run, newest first',
        response: {
          200: { type: 'object', properties: { jobs: { type: 'array', items: jobSchema } } },
          ...errors(),
        },
      },
    },
    async () => ({ jobs: ctx.jobs.list() }),
  );

  app.get(
    '/api/jobs/:id',
    {
      schema: {
        tags: ['jobs'],
        summary: 'A background job: its state, progress, and the result or error',
        params: { type: 'object', properties: { id: { type: 'string', maxLength: 100 } }, required: ['id'] },
        response: { 200: jobSchema, ...errors(404) },
      },
    },
    async (request) => {
      const job = ctx.jobs.get(request.params.id);
      if (!job)
        throw new ApiError(
          404,
          `There is no job ${request.params.id} (jobs are kept while the server runs).`,
        );
      return job;
    },
  );
};
