import type { Text } from '../util/text.js';

/** Lifecycle stages (README.md, "Segments, in short"). */
export const STAGES = ['new', 'one_time', 'active', 'falling_asleep', 'asleep', 'restored', 'lost'] as const;
export type Stage = (typeof STAGES)[number];

export const STAGE_NAMES: Record<Stage, Text> = {
  new: { en: 'New', ru: 'новый' },
  one_time: { en: 'One purchase', ru: 'с 1 покупкой' },
  active: { en: 'Active', ru: 'активный' },
  falling_asleep: { en: 'Falling asleep', ru: 'засыпающий' },
  asleep: { en: 'Asleep', ru: 'уснувший' },
  restored: { en: 'Restored', ru: 'восстановленный' },
  lost: { en: 'Lost', ru: 'ушедший' },
};

export function isStage(value: string): value is Stage {
  return (STAGES as readonly string[]).includes(value);
}
