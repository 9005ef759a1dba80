import { ConflictError, field, InputError } from '../errors.js';
import { SEGMENT_COLUMNS } from '../metrics/index.js';
import type { SegmentSelection } from './segment-selection.js';

/**
 * The selection column to stratify the control group by, in its declared spelling (matched without regard to
 * case). Any column works; categorical ones (stage, rfm_segment, abc, xyz, region, r_score) make sense.
 */
export function stratifyColumn(selection: SegmentSelection, requested: string | undefined): string | null {
  if (requested === undefined || requested.trim() === '') return null;
  const wanted = requested.trim().toLowerCase();
  const found = selection.columns.find((c) => c.toLowerCase() === wanted);
  if (found !== undefined) return found;
  if (SEGMENT_COLUMNS.includes(wanted)) {
    throw new ConflictError(
      `Stratifying by ${wanted} (${field('stratify')}) needs an analysis at the selection date ${selection.asOf}: ${wanted} comes from \`clientele analyze\`. Run \`clientele analyze --as-of ${selection.asOf}\`, or choose the date of a stored analysis.`,
    );
  }
  throw new InputError(
    `${field('stratify')} ${requested} is not a column of the selection. Use one of: ${selection.columns
      .filter((c) => c !== 'customer_id')
      .join(', ')}.`,
  );
}
