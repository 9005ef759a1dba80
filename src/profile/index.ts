// The public entry of src/profile: what the surfaces (src/cli, src/server) and library users import.

export { parseDate, resolveAsOf } from './as-of.js';
export { monthlyOverviewQuery } from './monthly-overview.js';
export { hasPredictions, hasSnapshot, type ProfileSummary, runProfile } from './profile.js';
export { profileColumnGroups } from './profile-columns.js';
export { profileFigures } from './profile-figures.js';
export { STORED_PROFILE_TABLE, storedProfileAt } from './stored-profile.js';
export { writeProfile } from './write-profile.js';
