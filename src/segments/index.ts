// The public entry of src/segments: what the surfaces (src/cli, src/server) and library users import.

export { DEFAULT_ABC_XYZ } from './abc-xyz.js';
export {
  DEFAULT_RFM_MAP,
  FM_VALUES,
  RFM_SEGMENT_NAMES,
  RFM_SEGMENTS,
  type RfmMap,
  validateRfmMap,
} from './rfm-map.js';
export { isStage, type Stage, STAGE_NAMES, STAGES } from './stages.js';
