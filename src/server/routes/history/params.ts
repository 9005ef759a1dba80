import { requireAnalysis, listSnapshots, type SnapshotRow } from '../../../analyze/index.js';
import { type Workspace } from '../../../db/index.js';
import { isInputError } from '../../../errors.js';
import { RFM_SEGMENT_NAMES, RFM_SEGMENTS, STAGE_NAMES, STAGES } from '../../../segments/index.js';
import { ApiError } from '../../api-error.js';
import { apiMessage } from '../../api-words.js';

/** What the history routes (structure, flows, triggers, cohorts) share: snapshot months and label lists. */

export const MONTH_PATTERN = '^[0-9]{4}-(0[1-9]|1[0-2])$';

export const monthParam = (description: string) =>
  ({ type: 'string', pattern: MONTH_PATTERN, description: `${description}, YYYY-MM.` }) as const;

/** A label in both languages: a lifecycle stage or an RFM segment. */
export interface Label {
  id: string;
  en: string;
  ru: string;
}

export const STAGE_LABELS: readonly Label[] = STAGES.map((id) => ({ id, ...STAGE_NAMES[id] }));
export const RFM_LABELS: readonly Label[] = RFM_SEGMENTS.map((id) => ({ id, ...RFM_SEGMENT_NAMES[id] }));

export const labelsSchema = {
  type: 'array',
  description: 'The values of the dimension in their order, with their names in English and Russian.',
  items: {
    type: 'object',
    properties: { id: { type: 'string' }, en: { type: 'string' }, ru: { type: 'string' } },
    required: ['id', 'en', 'ru'],
  },
} as const;

/**
 * The stored analysis (`clientele analyze`) and its snapshots, oldest first. Without an analysis the request
 * cannot be answered until one is run: 409 with the message saying what to run.
 */
export async function storedSnapshots(ws: Workspace): Promise<{ as_of: string; snapshots: SnapshotRow[] }> {
  try {
    const analysis = await requireAnalysis(ws);
    return { as_of: analysis.as_of, snapshots: await listSnapshots(ws) };
  } catch (error) {
    if (isInputError(error)) throw new ApiError(409, apiMessage(error));
    throw error;
  }
}
