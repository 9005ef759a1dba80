import { readFileSync } from 'node:fs';
import { format, resolveConfig } from 'prettier';
import { describe, expect, it } from 'vitest';
import { API_TYPES_FILE, apiTypesText, servedOpenApi } from '../../scripts/api-types.js';

// The web app's API types are generated from the OpenAPI document the server serves (scripts/api-types.ts).
// A route schema changed without `npm run api-types` leaves the web app reading answers of another shape.
describe('the generated API types', () => {
  it('are current: generating them from the served document gives the committed file', async () => {
    const text = await format(await apiTypesText(await servedOpenApi()), {
      ...(await resolveConfig(API_TYPES_FILE)),
      filepath: API_TYPES_FILE,
    });
    expect(text === readFileSync(API_TYPES_FILE, 'utf8'), 'run `npm run api-types`').toBe(true);
  });

  it('state nullable fields and enums as the schemas do', () => {
    const file = readFileSync(API_TYPES_FILE, 'utf8');
    const summary = /export interface GetProfileSummary \{[\s\S]*?\n\}/.exec(file)?.[0] ?? '';
    expect(summary).toMatch(/median_orders: number \| null;/);
    expect(summary).toMatch(/customers: number;/);
    const flows = /export interface GetFlows \{[\s\S]*?\n\}/.exec(file)?.[0] ?? '';
    expect(flows).toMatch(/by: "stage" \| "rfm_segment";|by: 'stage' \| 'rfm_segment';/);
  });
});
