/** The shapes of the API's JSON answers that the pages read (see /docs for all of them). */
import type {
  GetCustomersById,
  GetJobsById,
  GetLoadsById,
  GetLoadsByIdRejects,
  GetMetrics,
  GetOverviewMonthly,
  GetProfile,
  GetProfileSummary,
  GetStatus,
  PostIngestPreview,
} from './generated/index.js';

export type Row = Record<string, unknown>;

export type Metric = GetMetrics['metrics'][number];

export type Status = GetStatus;

/** The profile's key figures (GET /api/profile/summary). */
export type Summary = GetProfileSummary;

export type Month = GetOverviewMonthly['months'][number];

export type ProfilePage = GetProfile;

export type CustomerCard = GetCustomersById;

export type Preview = PostIngestPreview;

export type RejectSummary = NonNullable<LoadReport['rejects'][string]>;

export type LoadReport = GetLoadsById;

/** A job's progress as GET /api/jobs/:id sends it (src/util/progress.ts). */
export type JobProgressState = GetJobsById['progress'];

/** A background job; the pages read the result of load jobs (the other jobs' results they fetch anew). */
export type Job = Omit<GetJobsById, 'result'> & { result: LoadReport | null };

export type Rejects = GetLoadsByIdRejects;
