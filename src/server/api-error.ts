import type { FastifyError, FastifyInstance } from 'fastify';
import { isInputError } from '../errors.js';
import { apiField, apiMessage } from './api-words.js';
import { isResourceError } from '../db/index.js';

/** An error the API answers with its status and `{ error: message }`. */
export class ApiError extends Error {
  constructor(
    readonly statusCode: number,
    message: string,
  ) {
    super(message);
  }
}

/**
 * Bad input of any kind (engine InputError, schema validation, content types, multipart limits) becomes a
 * 4xx with `{ error }`; anything else is a 500 whose details stay out of the response and the log.
 */
export function installErrorHandlers(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError | ApiError | Error, request, reply) => {
    if (error instanceof ApiError) return reply.code(error.statusCode).send({ error: error.message });
    if (isInputError(error)) {
      const status = { invalid: 400, not_found: 404, conflict: 409 }[error.code];
      const field = error.field;
      return reply
        .code(status)
        .send({ error: apiMessage(error), ...(field ? { field: apiField(field) } : {}) });
    }
    // Out of memory or disk: the sentence says what to set; 507 (insufficient storage) / 503.
    if (isResourceError(error))
      return reply.code(error.resource === 'disk' ? 507 : 503).send({ error: error.message });
    const status = 'statusCode' in error && typeof error.statusCode === 'number' ? error.statusCode : 500;
    if (status >= 400 && status < 500)
      return reply.code(status).send({ error: clientMessage(error, status) });
    request.log.error({ err_name: error.name }, 'request failed');
    if (process.env['CLIENTELE_DEBUG']) request.log.error(error);
    return reply
      .code(500)
      .send({ error: 'Internal error. Set CLIENTELE_DEBUG=1 on the server to log details.' });
  });
}

function clientMessage(error: Error, status: number): string {
  const code = (error as FastifyError).code;
  if ((error as FastifyError).validation) return `Bad request: ${error.message}.`;
  if (code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE')
    return 'Unsupported content type: send JSON, or multipart/form-data for uploads.';
  if (code === 'FST_ERR_CTP_BODY_TOO_LARGE') return 'The request body is too large.';
  if (code === 'FST_ERR_CTP_INVALID_JSON_BODY' || code === 'FST_ERR_CTP_EMPTY_JSON_BODY')
    return `The request body is not valid JSON: ${error.message}`;
  if (status === 413) return 'The request is too large.';
  return error.message;
}
