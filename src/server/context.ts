import type { FastifyInstance } from 'fastify';
import type { Auth } from './auth.js';
import type { JobQueue } from './jobs.js';
import type { ProfileCache } from './profile-table.js';
import type { UploadStore } from './uploads.js';
import type { WorkspaceAccess } from './workspace-access.js';

/** What every API route module gets. */
export interface ServerContext {
  data: WorkspaceAccess;
  profiles: ProfileCache;
  jobs: JobQueue;
  uploads: UploadStore;
  auth: Auth;
}

/** One area of the API (`routes/<area>.ts`): registers its routes, each with a schema for OpenAPI. */
export type RouteModule = (app: FastifyInstance, ctx: ServerContext) => void;
