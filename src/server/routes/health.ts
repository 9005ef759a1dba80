import { VERSION } from '../../version.js';
import type { RouteModule } from '../context.js';

export const healthRoutes: RouteModule = (app) => {
  app.get(
    '/api/health',
    {
      config: { public: true },
      schema: {
        tags: ['server'],
        summary: 'Whether the server is up (no token needed)',
        security: [],
        response: {
          200: {
            type: 'object',
            properties: { ok: { type: 'boolean' }, version: { type: 'string' } },
            required: ['ok', 'version'],
          },
        },
      },
    },
    async () => ({ ok: true, version: VERSION }),
  );
};
