import type { Workspace } from '../db/workspace.js';
import { hasPredictions, hasRecommendations, hasSnapshot } from './profile.js';

/** The optional column groups of the profile at a date: those whose results are stored at that date. */
export interface ProfileColumnGroups {
  /** Stage, RFM and ABC/XYZ columns (an analysis exists at this date). */
  segments: boolean;
  /** CLV, P(alive) and churn-risk columns (predictions exist at this date). */
  predictions: boolean;
  /** The recommended SKUs (recommendations exist at this date). */
  recommendations: boolean;
}

export async function profileColumnGroups(ws: Workspace, asOf: string): Promise<ProfileColumnGroups> {
  return {
    segments: await hasSnapshot(ws, asOf),
    predictions: await hasPredictions(ws, asOf),
    recommendations: await hasRecommendations(ws, asOf),
  };
}
