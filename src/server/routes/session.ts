import type { RouteModule } from '../context.js';
import { errorSchema } from '../schemas.js';

const sessionSchema = {
  type: 'object',
  properties: { authenticated: { type: 'boolean' } },
  required: ['authenticated'],
} as const;

/** The browser's sign-in: the web app's form posts the token here and gets the session cookie. */
export const sessionRoutes: RouteModule = (app, ctx) => {
  app.get(
    '/api/session',
    {
      config: { public: true },
      schema: {
        tags: ['server'],
        summary: 'Whether this request is signed in (by cookie or bearer token)',
        security: [],
        response: { 200: sessionSchema },
      },
    },
    async (request) => ({ authenticated: ctx.auth.isSignedIn(request) }),
  );

  app.post(
    '/api/session',
    {
      config: { public: true },
      schema: {
        tags: ['server'],
        summary: 'Sign the browser in: sets an HttpOnly, SameSite=Strict session cookie',
        security: [],
        body: {
          type: 'object',
          properties: { token: { type: 'string', minLength: 1, maxLength: 1000 } },
          required: ['token'],
        },
        response: { 200: sessionSchema, 401: errorSchema },
      },
    },
    async (request, reply) => {
      if (!ctx.auth.accepts(request.body.token)) {
        return reply.code(401).send({ error: 'This token is not valid.' });
      }
      return reply.header('set-cookie', ctx.auth.signInCookie()).send({ authenticated: true });
    },
  );

  app.delete(
    '/api/session',
    {
      config: { public: true },
      schema: {
        tags: ['server'],
        summary: 'Sign the browser out (removes the session cookie)',
        security: [],
        response: { 200: sessionSchema },
      },
    },
    async (_request, reply) =>
      reply.header('set-cookie', ctx.auth.signOutCookie()).send({ authenticated: false }),
  );
};
