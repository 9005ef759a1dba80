/** The shapes of the API's JSON answers that the pages read (see /docs for all of them). */
import type { Unit } from '../i18n/numbers-dates.js';
import type {
  GetCustomersById,
  GetLoadsById,
  GetLoadsByIdRejects,
  GetProfile,
  GetProfileSummary,
  PostIngestPreview,
} from './generated/api-responses.js';

export type Row = Record<string, unknown>;

export interface Metric {
  id: string;
  group: string;
  unit: Unit;
  name: string;
  method: string;
}

export interface Status {
  version: string;
  upload_limit_bytes: number;
  tables: Record<string, number>;
  sales: { date_min: string | null; date_max: string | null; customers: number };
}

/** The profile's key figures (GET /api/profile/summary). */
export type Summary = GetProfileSummary;

export interface Month {
  month: string;
  new_customers: number;
  active_customers: number;
  orders: number;
  revenue: number;
}

export type ProfilePage = GetProfile;

export type CustomerCard = GetCustomersById;

export type Preview = PostIngestPreview;

export type RejectSummary = NonNullable<LoadReport['rejects'][string]>;

export type LoadReport = GetLoadsById;

/** A job's progress as GET /api/jobs/:id sends it (src/util/progress.ts). */
export interface JobProgressState {
  phase: string;
  done: number;
  total: number;
  unit?: 'rows' | 'bytes' | 'customers' | 'partitions' | 'snapshots' | 'months' | 'steps' | 'percent';
  elapsed_s?: number;
  eta_s?: number;
}

export interface Job {
  id: string;
  label: string;
  state: 'queued' | 'running' | 'done' | 'failed';
  progress: JobProgressState;
  result: LoadReport | null;
  error: string | null;
}

export type Rejects = GetLoadsByIdRejects;
