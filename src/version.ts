/** The package version, shown by `clientele --version` and stored with computed results. */
export const VERSION = '0.1.0';
