import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { InputError } from '../errors.js';
import type { WorkspaceAccess } from './workspace-access.js';

export interface ResolvedToken {
  token: string;
  /** Generated now (first start, or a reset) and stored in the workspace: the caller prints it once. */
  created: boolean;
}

const META_KEY = 'api_token';
const MIN_LENGTH = 16;

/**
 * The API token: the one given (option or CLIENTELE_TOKEN), else the one stored in the workspace's `meta`
 * table, else a new crypto-random one that is stored there.
 */
export async function resolveToken(
  access: WorkspaceAccess,
  given: string | undefined,
  reset = false,
): Promise<ResolvedToken> {
  const fixed = given ?? process.env['CLIENTELE_TOKEN'];
  if (fixed !== undefined && fixed !== '') {
    if (fixed.length < MIN_LENGTH)
      throw new InputError(`The API token (CLIENTELE_TOKEN) must be at least ${MIN_LENGTH} characters long.`);
    return { token: fixed, created: false };
  }
  return access.write(async (ws) => {
    const stored = await ws.scalar(`SELECT value FROM meta WHERE key = $1`, [META_KEY]);
    if (typeof stored === 'string' && stored.length >= MIN_LENGTH && !reset)
      return { token: stored, created: false };
    const token = randomBytes(32).toString('base64url');
    await ws.run(`INSERT OR REPLACE INTO meta VALUES ($1, $2)`, [META_KEY, token]);
    return { token, created: true };
  });
}

/** Compares in constant time (over digests, so lengths leak nothing either). */
export function sameSecret(a: string, b: string): boolean {
  const digest = (s: string): Buffer => createHash('sha256').update(s).digest();
  return timingSafeEqual(digest(a), digest(b));
}

/** The browser's session cookie value: derived from the token, so a new token signs every browser out. */
export function sessionValue(token: string): string {
  return createHmac('sha256', token).update('clientele-session-v1').digest('base64url');
}
