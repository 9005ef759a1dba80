import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Workspace } from '../../src/db/workspace.js';
import { tempWorkspace } from '../helpers/workspace.js';

let ws: Workspace;
let cleanup: () => void;
beforeAll(async () => ({ ws, cleanup } = await tempWorkspace()));
afterAll(() => cleanup());

/** The parsing rules written plainly, without the fast paths of src/db/macros.ts: what those must return. */
const REFERENCE_SQL = String.raw`
CREATE OR REPLACE TEMP MACRO ref_text(x) AS NULLIF(trim(CAST(x AS VARCHAR)), '');
CREATE OR REPLACE TEMP MACRO ref_id(x) AS
  CASE WHEN ref_text(x) LIKE '%.0' OR ref_text(x) LIKE '%.00'
       THEN CASE WHEN regexp_full_match(ref_text(x), '-?[0-9]+\.0+') THEN regexp_replace(ref_text(x), '\.0+$', '') ELSE ref_text(x) END
       ELSE ref_text(x) END;
CREATE OR REPLACE TEMP MACRO ref_nospace(x) AS replace(replace(replace(x, ' ', ''), chr(160), ''), chr(8239), '');
CREATE OR REPLACE TEMP MACRO ref_num_dot(x) AS
  COALESCE(TRY_CAST(x AS DOUBLE),
    TRY_CAST(CASE WHEN regexp_full_match(ref_nospace(x), '[-+]?[0-9]{1,3}(,[0-9]{3})+(\.[0-9]*)?')
                  THEN replace(ref_nospace(x), ',', '') ELSE ref_nospace(x) END AS DOUBLE));
CREATE OR REPLACE TEMP MACRO ref_num_comma(x) AS
  TRY_CAST(CASE WHEN contains(ref_nospace(x), ',') THEN replace(replace(ref_nospace(x), '.', ''), ',', '.')
                WHEN regexp_full_match(ref_nospace(x), '[-+]?[0-9]{1,3}(\.[0-9]{3})+') THEN replace(ref_nospace(x), '.', '')
                ELSE ref_nospace(x) END AS DOUBLE);
`;

const NBSP = '\u00a0';
const THIN = '\u202f';
const VALUES = [
  '',
  ' ',
  '   ',
  NBSP,
  `${NBSP}abc${NBSP}`,
  '\u3000x\u2009',
  '\tx\t',
  'abc',
  ' abc ',
  'Иванов',
  ' Иванов ',
  '17850',
  '17850.0',
  ' 17850.00 ',
  '-3.0',
  '1.0a',
  'A.0',
  '313.95',
  ' 313.95 ',
  '-2,5',
  '313,95',
  '1,234.5',
  '1.234,5',
  '1.234.567',
  '1,234,567',
  `1 234,50`,
  `1${NBSP}234,50`,
  `1${THIN}234.50`,
  '12,3456',
  '1e5',
  '1,5e3',
  'nan',
  'inf',
  '-',
  '.',
  ',',
  '2024-12-24 19:12:47',
  ' 2024-12-24 ',
];

describe('the parsing macros', () => {
  it('give what the plain definitions give, for tricky and ordinary values alike', async () => {
    await ws.run(REFERENCE_SQL);
    const rows = await ws.all<{ v: string | null; same: boolean }>(
      `SELECT v,
         (cl_text(v) IS NOT DISTINCT FROM ref_text(v))
         AND (cl_id(v) IS NOT DISTINCT FROM ref_id(v))
         AND (cl_num_dot(v) IS NOT DISTINCT FROM ref_num_dot(v) OR (isnan(cl_num_dot(v)) AND isnan(ref_num_dot(v))))
         AND (cl_num_comma(v) IS NOT DISTINCT FROM ref_num_comma(v)
              OR (isnan(cl_num_comma(v)) AND isnan(ref_num_comma(v)))) AS same
       FROM (SELECT unnest(from_json($1, '["VARCHAR"]')) AS v UNION ALL SELECT NULL)`,
      [JSON.stringify(VALUES)],
    );
    expect(rows.filter((r) => !r.same).map((r) => r.v)).toEqual([]);
    expect(rows).toHaveLength(VALUES.length + 1);
  });

  it('read numbers and text as documented', async () => {
    const row = await ws.one(
      `SELECT cl_text(' a ') AS t, cl_text('  ') AS empty, cl_id(' 17850.0 ') AS id,
         cl_num_dot('1,234.5') AS dot, cl_num_comma('1 234,5') AS comma, cl_num_comma('-2,5') AS neg`,
    );
    expect(row).toEqual({ t: 'a', empty: null, id: '17850', dot: 1234.5, comma: 1234.5, neg: -2.5 });
  });
});
