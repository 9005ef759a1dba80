import type { FastifyInstance, FastifyRequest } from 'fastify';
import { sameSecret, sessionValue } from './token.js';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Served without a token (health, the sign-in endpoints). */
    public?: boolean;
  }
}

const COOKIE = 'clientele_session';
const MAX_AGE_SECONDS = 30 * 24 * 3600;

/**
 * Who may call the API: a request with `Authorization: Bearer <token>`, or a browser holding the session
 * cookie set by signing in (`/?token=…` or the sign-in form). The cookie is HttpOnly and SameSite=Strict.
 */
export class Auth {
  private readonly session: string;

  constructor(private readonly token: string) {
    this.session = sessionValue(token);
  }

  accepts(token: string): boolean {
    return sameSecret(token, this.token);
  }

  isSignedIn(request: FastifyRequest): boolean {
    const header = request.headers.authorization;
    if (header !== undefined) {
      const m = /^Bearer\s+(\S+)\s*$/i.exec(header);
      return m !== null && this.accepts(m[1] ?? '');
    }
    const cookie = readCookie(request.headers.cookie, COOKIE);
    return cookie !== undefined && sameSecret(cookie, this.session);
  }

  signInCookie(): string {
    return `${COOKIE}=${this.session}; Path=/; HttpOnly; SameSite=Strict; Max-Age=${MAX_AGE_SECONDS}`;
  }

  signOutCookie(): string {
    return `${COOKIE}=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0`;
  }
}

/** The API and its docs need a token; the web app's files do not (they hold no data). */
export function isProtected(path: string): boolean {
  return path === '/api' || path.startsWith('/api/') || path === '/docs' || path.startsWith('/docs/');
}

export function installAuth(app: FastifyInstance, auth: Auth): void {
  app.addHook('onRequest', async (request, reply) => {
    const [path = '/', search = ''] = request.url.split('?', 2);
    if (request.routeOptions.config.public) return;
    if (isProtected(path)) {
      if (auth.isSignedIn(request)) return;
      return reply.code(401).header('www-authenticate', 'Bearer').send({
        error: 'Sign in first: send the header Authorization: Bearer <token>, or open /?token=<token>.',
      });
    }
    const params = new URLSearchParams(search);
    const token = params.get('token');
    if (token === null || (request.method !== 'GET' && request.method !== 'HEAD')) return;
    // `/?token=…` signs the browser in; the redirect takes the token out of the address bar and history.
    params.delete('token');
    if (auth.accepts(token)) reply.header('set-cookie', auth.signInCookie());
    else params.set('signin', 'failed');
    const rest = params.toString();
    return reply.redirect(`${path}${rest ? `?${rest}` : ''}`, 302);
  });
}

function readCookie(header: string | undefined, name: string): string | undefined {
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return undefined;
}
