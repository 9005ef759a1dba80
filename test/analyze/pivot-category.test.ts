import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyze } from '../../src/analyze/analyze.js';
import { pivotQuery } from '../../src/analyze/pivot.js';
import type { Workspace } from '../../src/db/workspace.js';
import { ingestFile } from '../../src/ingest/load.js';
import { writeText } from '../helpers/fixtures.js';
import { tempWorkspace } from '../helpers/workspace.js';

// "Main category" has one meaning: the catalogue's favourite category, the category with the largest gross
// revenue among the customer's purchase lines (ties: alphabetically first). Worked by hand below:
// - X: one line of 100 in "big", three of 50 in "small": small (150 > 100), although the largest line is big;
// - Y: 100 in "b", 100 in "a": a tie, so a;
// - Z: 80 in "big" and a return of -500 in "small" (returns are not purchase lines): big.
const SALES = `order_id,customer_id,date,sku,amount
x1,X,2024-01-05 10:00:00,B1,100
x2,X,2024-01-06 10:00:00,S1,50
x3,X,2024-01-07 10:00:00,S1,50
x4,X,2024-01-08 10:00:00,S2,50
y1,Y,2024-01-05 10:00:00,B2,100
y2,Y,2024-01-06 10:00:00,A1,100
z1,Z,2024-01-05 10:00:00,B1,80
z2,Z,2024-01-06 10:00:00,S1,-500
`;
const PRODUCTS = `sku,name,category
B1,Big one,big
S1,Small one,small
S2,Small two,small
B2,Bee,b
A1,Ay,a
`;

let ws: Workspace;
let cleanup: () => void;
beforeAll(async () => {
  let dir: string;
  ({ ws, dir, cleanup } = await tempWorkspace());
  await ingestFile(ws, writeText(dir, 'sales.csv', SALES));
  await ingestFile(ws, writeText(dir, 'products.csv', PRODUCTS));
  await analyze(ws, { asOf: '2024-01-31', months: 1 });
});
afterAll(() => cleanup());

describe('the pivot by main category', () => {
  it("counts each customer under the profile's favourite category", async () => {
    const q = await pivotQuery(ws, { rows: 'category', measures: ['count'] });
    const rows = await ws.all<{ category: string; count: number }>(q.sql, q.params);
    expect(rows.map((r) => [r.category, Number(r.count)])).toEqual([
      ['a', 1],
      ['big', 1],
      ['small', 1],
    ]);
  });
});
