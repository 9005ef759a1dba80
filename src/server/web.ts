import { existsSync } from 'node:fs';
import { join } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import { isProtected } from './auth.js';

const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
  "form-action 'self'",
].join('; ');

/**
 * Serves the built web app (dist-web/) at `/`; any other GET outside /api and /docs gets index.html, so the
 * app's own routes (`/customers/42`) load directly. Hashed assets are cached for good, index.html never.
 */
export async function installWebApp(app: FastifyInstance, webRoot: string): Promise<void> {
  const built = existsSync(join(webRoot, 'index.html'));
  if (built) {
    await app.register(fastifyStatic, {
      root: webRoot,
      prefix: '/',
      cacheControl: false,
      schemaHide: true,
      setHeaders: (reply, path) => {
        if (path.endsWith('.html'))
          reply.header('cache-control', 'no-cache').header('content-security-policy', CSP);
        else if (path.includes(join('/', 'assets', '/'))) {
          reply.header('cache-control', 'public, max-age=31536000, immutable');
        }
      },
    });
  }
  app.setNotFoundHandler((request, reply) => {
    const path = request.url.split('?')[0] ?? '/';
    const page = (request.method === 'GET' || request.method === 'HEAD') && !isProtected(path);
    if (page && built && !/\.[a-z0-9]+$/i.test(path)) {
      return reply
        .header('cache-control', 'no-cache')
        .header('content-security-policy', CSP)
        .sendFile('index.html');
    }
    if (page && !built && path === '/') {
      return reply
        .code(404)
        .type('text/plain; charset=utf-8')
        .send(
          'The web app is not built: run `npm run build`. The API is at /api, its documentation at /docs.\n',
        );
    }
    return reply.code(404).send({ error: `There is no ${request.method} ${path}.` });
  });
}
