/**
 * SQL macros for reading the text of user files. They are created as TEMP macros on every connection, so the
 * parsing rules live in one place and the staging SQL stays readable.
 *
 * - `cl_text(x)`: trimmed text, NULL when empty.
 * - `cl_id(x)`: an identifier; a number written as a float (`17850.0`) becomes `17850`.
 * - `cl_num_dot(x)` / `cl_num_comma(x)`: numbers with a decimal point / comma; spaces, no-break spaces and
 *   thin spaces between digit groups are ignored; with a decimal point, commas may only group thousands
 *   (`1,234.5`), with a decimal comma dots may only group thousands (`1.234,5`).
 */
export const MACROS_SQL = String.raw`
CREATE OR REPLACE TEMP MACRO cl_text(x) AS NULLIF(trim(CAST(x AS VARCHAR)), '');
CREATE OR REPLACE TEMP MACRO cl_id(x) AS
  CASE WHEN cl_text(x) LIKE '%.0' OR cl_text(x) LIKE '%.00'
       THEN CASE WHEN regexp_full_match(cl_text(x), '-?[0-9]+\.0+') THEN regexp_replace(cl_text(x), '\.0+$', '') ELSE cl_text(x) END
       ELSE cl_text(x) END;
CREATE OR REPLACE TEMP MACRO cl_nospace(x) AS replace(replace(replace(x, ' ', ''), chr(160), ''), chr(8239), '');
CREATE OR REPLACE TEMP MACRO cl_num_dot(x) AS
  COALESCE(TRY_CAST(x AS DOUBLE),
    TRY_CAST(CASE WHEN regexp_full_match(cl_nospace(x), '[-+]?[0-9]{1,3}(,[0-9]{3})+(\.[0-9]*)?')
                  THEN replace(cl_nospace(x), ',', '') ELSE cl_nospace(x) END AS DOUBLE));
CREATE OR REPLACE TEMP MACRO cl_num_comma(x) AS
  TRY_CAST(CASE WHEN contains(cl_nospace(x), ',') THEN replace(replace(cl_nospace(x), '.', ''), ',', '.')
                WHEN regexp_full_match(cl_nospace(x), '[-+]?[0-9]{1,3}(\.[0-9]{3})+') THEN replace(cl_nospace(x), '.', '')
                ELSE cl_nospace(x) END AS DOUBLE);
`;
