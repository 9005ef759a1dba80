import type { FastifyInstance } from 'fastify';

/**
 * One log line per request with the method, the route pattern (`/api/customers/:id`, never the URL: ids,
 * searches and tokens stay out of the log), the status and the duration.
 */
export function installRequestLog(app: FastifyInstance): void {
  app.addHook('onResponse', async (request, reply) => {
    request.log.info(
      {
        method: request.method,
        route: request.routeOptions.url ?? '(no route)',
        status: reply.statusCode,
        ms: Math.round(reply.elapsedTime),
      },
      'request',
    );
  });
}
