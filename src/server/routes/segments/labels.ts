import { type Text } from '../../../metrics/index.js';
import { RFM_SEGMENT_NAMES, STAGE_NAMES } from '../../../segments/index.js';

/** A name or a method text in both languages. */
export const textSchema = {
  type: 'object',
  properties: { en: { type: 'string' }, ru: { type: 'string' } },
  required: ['en', 'ru'],
} as const;

/** The names of segment and stage values in both languages, for clients to show instead of the stored codes. */
export const VALUE_LABELS: { rfm_segment: Record<string, Text>; stage: Record<string, Text> } = {
  rfm_segment: RFM_SEGMENT_NAMES,
  stage: STAGE_NAMES,
};

export const valueLabelsSchema = {
  type: 'object',
  description: 'English and Russian names of RFM segments and lifecycle stages, by stored value.',
  properties: {
    rfm_segment: { type: 'object', additionalProperties: textSchema },
    stage: { type: 'object', additionalProperties: textSchema },
  },
} as const;
