/**
 * Fingerprints of the workspace's content, compared by the readers that keep or store results computed from it
 * (the API's caches, the precomputed tables) to know whether those results are still true.
 */

/** Changes whenever a load adds or replaces sales, customers or products. */
export const DATA_VERSION_SQL = `SELECT concat_ws('-', (SELECT count(*) FROM loads), (SELECT coalesce(max(load_id), 0) FROM loads),
  (SELECT count(*) FROM sales))`;

/**
 * The commands whose stored results become profile columns (segments, predictions, recommendations). The
 * snapshot history of `predict --snapshots` is not one: it feeds the customer's history, not the profile.
 */
export const PROFILE_RUN_COMMANDS = ['analyze', 'predict', 'recommend'] as const;

/** Changes whenever the data or any result that the profile shows changes. */
export const PROFILE_VERSION_SQL = `SELECT concat_ws('-', (${DATA_VERSION_SQL}),
  (SELECT count(*) FROM runs WHERE command IN (${PROFILE_RUN_COMMANDS.map((c) => `'${c}'`).join(', ')})))`;
