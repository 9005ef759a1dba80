import { ApiError } from '../api-error.js';
import type { RouteModule } from '../context.js';
import { errorSchema } from '../schemas.js';

const sessionSchema = {
  type: 'object',
  properties: { authenticated: { type: 'boolean' } },
  required: ['authenticated'],
} as const;

export const SIGN_IN_TRIES_PER_MINUTE = 10;

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
      // Ten tries a minute per address: enough for a person, too slow to guess a token.
      config: {
        public: true,
        rateLimit: {
          max: SIGN_IN_TRIES_PER_MINUTE,
          timeWindow: 60_000,
          errorResponseBuilder: (_request, context) =>
            new ApiError(429, `Too many sign-in attempts from this address; try again in ${context.after}.`),
        },
      },
      schema: {
        tags: ['server'],
        summary: 'Sign the browser in: sets an HttpOnly, SameSite=Strict session cookie',
        security: [],
        body: {
          type: 'object',
          properties: { token: { type: 'string', minLength: 1, maxLength: 1000 } },
          required: ['token'],
        },
        description: `At most ${SIGN_IN_TRIES_PER_MINUTE} tries a minute from one address; more get a 429 with Retry-After.`,
        response: { 200: sessionSchema, 401: errorSchema, 429: errorSchema },
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
