import { workspaceCatalogue } from '../../analyze/index.js';
import { UNITS } from '../../metrics/index.js';
import type { RouteModule } from '../context.js';
import { errors } from '../schemas.js';

export const metricsRoutes: RouteModule = (app, ctx) => {
  app.get(
    '/api/metrics',
    {
      schema: {
        tags: ['metrics'],
        summary: 'The metric catalogue: what every profile column means and how it is computed',
        description:
          'The RFM score, ABC and XYZ methods state the cut points of the stored analysis (the defaults before any).',
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
                    unit: { type: 'string', enum: UNITS },
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
      const metrics = await ctx.data.read(workspaceCatalogue);
      return {
        lang,
        metrics: metrics.map((m) => ({
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
