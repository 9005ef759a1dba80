import { InputError, isInputError } from '../../errors.js';
import { KIND_SPECS, ingestFile, type LoadReport, previewFile } from '../../ingest/index.js';
import { ApiError } from '../api-error.js';
import type { RouteModule, ServerContext } from '../context.js';
import { ingestOptions } from '../ingest-fields.js';
import { errors } from '../schemas.js';
import type { ReceivedForm, Upload } from '../uploads.js';
import { jobSchema } from './jobs.js';

const formSchema = {
  type: 'object',
  properties: {
    file: {
      type: 'string',
      format: 'binary',
      description: 'The file: CSV/TSV/;-separated text, .xlsx, .parquet, .json/.ndjson.',
    },
    upload_id: {
      type: 'string',
      description: 'Instead of file: a file sent before (returned by a preview).',
    },
    kind: {
      type: 'string',
      enum: ['sales', 'customers', 'products'],
      description: 'Default: guessed from the columns.',
    },
    map: {
      type: 'string',
      description: 'JSON object canonical field → source column, e.g. {"customer_id": "Код карты"}.',
    },
    encoding: { type: 'string', description: 'utf-8, windows-1251, utf-16le, utf-16be (default: detected).' },
    delimiter: { type: 'string', description: ', ; tab | space (default: detected).' },
    decimal: { type: 'string', description: '. or , (default: detected).' },
    date_format: {
      type: 'string',
      description: 'e.g. dd.mm.yyyy, mm/dd/yyyy, yyyymmdd, iso or %d.%m.%Y %H:%M.',
    },
    sheet: { type: 'string', description: 'Worksheet of an .xlsx workbook (default: the first).' },
  },
} as const;

/** Multipart bodies are read by the handler (streamed to disk), so the schema only documents the form. */
const documentOnly = (): (() => boolean) => () => true;

export const ingestRoutes: RouteModule = (app, ctx) => {
  app.post(
    '/api/ingest/preview',
    {
      validatorCompiler: documentOnly,
      schema: {
        tags: ['ingest'],
        summary:
          'What loading the file would do: detected layout, column mapping, first rows (nothing is loaded)',
        consumes: ['multipart/form-data'],
        body: formSchema,
        response: {
          200: {
            type: 'object',
            properties: {
              upload_id: { type: 'string' },
              file: { type: 'string' },
              bytes: { type: 'integer' },
              kind: { type: 'string' },
              format: { type: 'string' },
              encoding: { type: ['string', 'null'] },
              delimiter: { type: ['string', 'null'] },
              header_line: { type: ['integer', 'null'] },
              columns: { type: 'array', items: { type: 'string' } },
              mapping: { type: 'object', additionalProperties: { type: 'string' } },
              unmapped: { type: 'array', items: { type: 'string' } },
              fields: {
                type: 'array',
                items: {
                  type: 'object',
                  properties: { field: { type: 'string' }, required: { type: 'boolean' } },
                },
              },
              required_groups: {
                type: 'array',
                description: 'Required fields: each group is satisfied when any one of its fields is mapped.',
                items: { type: 'array', items: { type: 'string' } },
              },
              decimal: { type: 'string' },
              date_format: { type: ['string', 'null'] },
              sample: { type: 'array', items: { type: 'array', items: { type: 'string' } } },
            },
          },
          ...errors(400, 404, 413, 415),
        },
      },
    },
    async (request) => {
      const form = await ctx.uploads.receive(request);
      const { upload, options } = parseForm(ctx, form);
      const release = ctx.uploads.hold(upload);
      try {
        const preview = await ctx.data.read((ws) => previewFile(ws, upload.path, options));
        return {
          ...preview,
          upload_id: upload.id,
          file: upload.name,
          bytes: upload.bytes,
          required_groups: KIND_SPECS[preview.kind].required,
        };
      } catch (error) {
        throw withName(error, upload);
      } finally {
        release();
      }
    },
  );

  app.post(
    '/api/ingest',
    {
      validatorCompiler: documentOnly,
      schema: {
        tags: ['ingest'],
        summary: 'Load the file in the background: answers 202 with a job to follow at /api/jobs/{id}',
        description:
          'The same checks as `clientele ingest`: every row read is accepted or kept as a reject with its line and reason; the load is atomic and idempotent.',
        consumes: ['multipart/form-data'],
        body: formSchema,
        response: {
          202: {
            type: 'object',
            properties: { job_id: { type: 'string' }, upload_id: { type: 'string' }, job: jobSchema },
          },
          ...errors(400, 404, 413, 415),
        },
      },
    },
    async (request, reply) => {
      const form = await ctx.uploads.receive(request);
      const { upload, options } = parseForm(ctx, form);
      if (upload.bytes === 0) throw new ApiError(400, `${upload.name} is empty: there is nothing to load.`);
      const release = ctx.uploads.hold(upload);
      const job = ctx.jobs.submit('ingest', upload.name, (control) =>
        ctx.data
          .write(async (ws) => {
            control.started();
            const report = await ingestFile(ws, upload.path, { ...options, onProgress: control.progress });
            if (report.already_loaded) return report;
            await ws.run(`UPDATE loads SET file = $1 WHERE load_id = $2`, [upload.name, report.load_id]);
            return { ...report, file: upload.name } satisfies LoadReport;
          })
          .then(
            (report) => {
              release();
              ctx.uploads.remove(upload);
              return report;
            },
            (error: unknown) => {
              release();
              throw withName(error, upload);
            },
          ),
      );
      return reply
        .code(202)
        .header('location', `/api/jobs/${job.id}`)
        .send({ job_id: job.id, upload_id: upload.id, job });
    },
  );
};

function parseForm(
  ctx: ServerContext,
  form: ReceivedForm,
): { upload: Upload; options: ReturnType<typeof ingestOptions> } {
  const { upload_id: uploadId, ...rest } = form.fields;
  let options: ReturnType<typeof ingestOptions>;
  try {
    options = ingestOptions(rest);
  } catch (error) {
    if (form.upload) ctx.uploads.remove(form.upload);
    throw error;
  }
  if (form.upload) return { upload: form.upload, options };
  if (uploadId !== undefined && uploadId !== '') return { upload: ctx.uploads.get(uploadId), options };
  throw new ApiError(400, 'Send the file in the form field "file" (or the upload_id of a file sent before).');
}

/** Engine messages name the file by its path in the server's temp folder; people know it by its own name. */
function withName(error: unknown, upload: Upload): unknown {
  if (!(error instanceof Error) || !error.message.includes(upload.path)) return error;
  if (isInputError(error))
    return new InputError(error.template.replaceAll(upload.path, upload.name), error.details);
  return new Error(error.message.replaceAll(upload.path, upload.name));
}
