import Fastify from 'fastify';
import { describe, expect, expectTypeOf, it } from 'vitest';
import type { TypesFromSchema } from '../../src/server/context.js';
import { asOfParam, formatParam, limitParam, type TableFormat } from '../../src/server/schemas.js';

// The handlers' request and reply types come from their route schemas (src/server/context.ts). These checks are
// compiled by `npm run typecheck` (part of `npm test`): a wrong derivation fails the build, not only the run.

describe('request and reply types derived from the route schema', () => {
  it('types the querystring, params and body as the schema validates them, and the reply as it serialises', async () => {
    const app = Fastify().withTypeProvider<TypesFromSchema>();
    app.post(
      '/things/:id',
      {
        schema: {
          params: { type: 'object', properties: { id: { type: 'integer' } }, required: ['id'] },
          querystring: {
            type: 'object',
            properties: { as_of: asOfParam, limit: limitParam(100, 10), format: formatParam },
          },
          body: {
            type: 'object',
            properties: { name: { type: 'string' }, share: { type: 'number', default: 0.1 } },
            required: ['name'],
          },
          response: {
            200: {
              type: 'object',
              properties: { id: { type: 'integer' }, unit: { type: 'string', enum: ['day', 'week'] } },
              required: ['id', 'unit'],
            },
          },
        },
      },
      async (request) => {
        // A property with a default is present (Fastify fills it in); one without is optional.
        expectTypeOf(request.query.format).toEqualTypeOf<TableFormat>();
        expectTypeOf(request.query.limit).toEqualTypeOf<number>();
        expectTypeOf(request.query.as_of).toEqualTypeOf<string | undefined>();
        expectTypeOf(request.params.id).toEqualTypeOf<number>();
        expectTypeOf(request.body.name).toEqualTypeOf<string>();
        expectTypeOf(request.body.share).toEqualTypeOf<number>();
        return { id: request.params.id, unit: request.query.format === 'json' ? 'day' : 'week' } as const;
      },
    );
    const unitReply = {
      200: {
        type: 'object',
        properties: { unit: { type: 'string', enum: ['day', 'week'] } },
        required: ['unit'],
      },
    } as const;
    app.get(
      '/wrong',
      { schema: { response: unitReply } },
      // @ts-expect-error -- the reply's `unit` must be one of the schema's enum values
      () => ({ unit: 'month' }),
    );
    const reply = await app.inject({ method: 'POST', url: '/things/7?limit=3', payload: { name: 'x' } });
    expect(reply.statusCode).toBe(200);
    expect(reply.json()).toEqual({ id: 7, unit: 'day' });
    await app.close();
  });
});
