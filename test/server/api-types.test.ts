import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { API_TYPES_DIR, apiTypeFiles, servedOpenApi, staleApiTypeFiles } from '../../scripts/api-types.js';

// The web app's API types are generated from the OpenAPI document the server serves (scripts/api-types.ts).
// A route schema changed without `npm run api-types` leaves the web app reading answers of another shape.
describe('the generated API types', () => {
  it('are current: generating them from the served document gives the committed files', async () => {
    expect(staleApiTypeFiles(await apiTypeFiles(await servedOpenApi())), 'run `npm run api-types`').toEqual(
      [],
    );
  });

  it('state nullable fields and enums as the schemas do', () => {
    const file = readdirSync(API_TYPES_DIR)
      .map((name) => readFileSync(`${API_TYPES_DIR}${name}`, 'utf8'))
      .join('\n');
    const summary = /export interface GetProfileSummary \{[\s\S]*?\n\}/.exec(file)?.[0] ?? '';
    expect(summary).toMatch(/median_orders: number \| null;/);
    expect(summary).toMatch(/customers: number;/);
    const flows = /export interface GetFlows \{[\s\S]*?\n\}/.exec(file)?.[0] ?? '';
    expect(flows).toMatch(/by: "stage" \| "rfm_segment";|by: 'stage' \| 'rfm_segment';/);
  });
});
