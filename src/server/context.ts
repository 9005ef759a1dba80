import type { IncomingMessage, ServerResponse } from 'node:http';
import type { FastifyBaseLogger, FastifyInstance, FastifyTypeProvider, RawServerDefault } from 'fastify';
import type { FromSchema, JSONSchema } from 'json-schema-to-ts';
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

/**
 * A Fastify type provider that derives each handler's request types (querystring, params, body, headers) from
 * the route's JSON schema with json-schema-to-ts, so a request shape is written once, in the schema that also
 * validates it and documents it in OpenAPI. Schemas must be literal (`as const`, or written inline) for this.
 * Defaulted properties are typed as present (Fastify fills them in). What a handler returns is checked against
 * the response schema of its status.
 */
export interface TypesFromSchema extends FastifyTypeProvider {
  validator: this['schema'] extends JSONSchema ? FromSchema<this['schema']> : unknown;
  serializer: this['schema'] extends JSONSchema ? Closed<FromSchema<this['schema']>> : unknown;
}

/**
 * A schema's object type without the `[key: string]: unknown` that json-schema-to-ts adds when a schema does not
 * say `additionalProperties: false`: the serializer writes only the declared properties anyway, and the engine's
 * result interfaces (which have no index signature) must be assignable to the reply type.
 */
type Closed<T> = T extends readonly (infer U)[]
  ? readonly Closed<U>[]
  : T extends object
    ? { [K in keyof T as string extends K ? never : K]: Closed<T[K]> }
    : T;

/** The Fastify instance routes are registered on, with request types derived from the route schemas. */
export type ApiApp = FastifyInstance<
  RawServerDefault,
  IncomingMessage,
  ServerResponse,
  FastifyBaseLogger,
  TypesFromSchema
>;

/** One area of the API (`routes/<area>/`): registers its routes, each with a schema for OpenAPI. */
export type RouteModule = (app: ApiApp, ctx: ServerContext) => void;
