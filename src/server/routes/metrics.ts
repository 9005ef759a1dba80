import { catalogue } from '../../metrics/index.js';
import type { RouteModule } from '../context.js';
import { errors } from '../schemas.js';

export const metricsRoutes: RouteModule = (app) => {
  app.get<{ Querystring: { lang: 'en' | 'ru' } }>(
    '/api/metrics',
    {
      schema: {
        tags: ['metrics'],
        summary: 'The metric catalogue: what every profile column means and how it is computed',
        querystring: {
          type: 'object',
          properties: { lang: { type: 'string', enum: ['en', 'ru'], default: 'en' } },
        },
        response: {
          200: {
            type: 'object',
            properties: {
              lang: { type: 'string' },
              metrics: {
                type: 'array',
                items: {
                  type: 'object',
                  properties: {
                    id: { type: 'string' },
                    group: { type: 'string' },
                    unit: { type: 'string' },
                    name: { type: 'string' },
                    method: { type: 'string' },
                  },
                  required: ['id', 'group', 'unit', 'name', 'method'],
                },
              },
            },
          },
          ...errors(400),
        },
      },
    },
    async (request) => {
      const lang = request.query.lang;
      return {
        lang,
        metrics: catalogue().map((m) => ({
          id: m.id,
          group: m.group,
          unit: m.unit,
          name: m.name[lang],
          method: m.method[lang],
        })),
      };
    },
  );
};
