// Public API of the demo retailer generator.
export { generateDemo, type DemoCounts, type DemoResult } from './generate.js';
export type { DemoFormat, DemoOptions } from './options.js';
export { CURRENCY, DEFAULT_DEMO_PARAMETERS, TIME_UNIT_DAYS, type DemoParameters } from './parameters.js';
