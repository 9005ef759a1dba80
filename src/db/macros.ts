/**
 * SQL macros for reading the text of user files. They are created as TEMP macros on every connection, so the
 * parsing rules live in one place and the staging SQL stays readable.
 *
 * - `cl_text(x)`: trimmed text, NULL when empty.
 * - `cl_id(x)`: an identifier; a number written as a float (`17850.0`) becomes `17850`.
 * - `cl_num_dot(x)` / `cl_num_comma(x)`: numbers with a decimal point / comma; spaces, no-break spaces and
 *   thin spaces between digit groups are ignored; with a decimal point, commas may only group thousands
 *   (`1,234.5`), with a decimal comma dots may only group thousands (`1.234,5`).
 *
 * They run on every field of every loaded line, so each has a cheap path for the common value and keeps the
 * costly one (trim, replace, regular expressions) inside a CASE branch. That matters: DuckDB computes an
 * expression that occurs twice in a projection once, for every row, before the projection — unless it is
 * inside a CASE branch, which is evaluated only for the rows that take it.
 *
 * - `cl_bare(x)`: x is ASCII without a space at either end, so trim() would return it unchanged (trim()
 *   removes Unicode space separators, and the only ASCII one is the space).
 */
export const MACROS_SQL = String.raw`
CREATE OR REPLACE TEMP MACRO cl_bare(x) AS strlen(x) = length(x) AND NOT prefix(x, ' ') AND NOT suffix(x, ' ');
CREATE OR REPLACE TEMP MACRO cl_text(x) AS
  CASE WHEN cl_bare(CAST(x AS VARCHAR)) THEN NULLIF(CAST(x AS VARCHAR), '')
       ELSE NULLIF(trim(CAST(x AS VARCHAR)), '') END;
CREATE OR REPLACE TEMP MACRO cl_id(x) AS
  CASE WHEN cl_text(x) LIKE '%.0' OR cl_text(x) LIKE '%.00'
       THEN CASE WHEN regexp_full_match(cl_text(x), '-?[0-9]+\.0+') THEN regexp_replace(cl_text(x), '\.0+$', '') ELSE cl_text(x) END
       ELSE cl_text(x) END;
CREATE OR REPLACE TEMP MACRO cl_nospace(x) AS replace(replace(replace(x, ' ', ''), chr(160), ''), chr(8239), '');
CREATE OR REPLACE TEMP MACRO cl_num_dot(x) AS
  CASE WHEN TRY_CAST(x AS DOUBLE) IS NOT NULL THEN TRY_CAST(x AS DOUBLE)
       ELSE TRY_CAST(CASE WHEN regexp_full_match(cl_nospace(x), '[-+]?[0-9]{1,3}(,[0-9]{3})+(\.[0-9]*)?')
                          THEN replace(cl_nospace(x), ',', '') ELSE cl_nospace(x) END AS DOUBLE) END;
-- Without spaces and dots, the general rule below comes down to reading the comma as the decimal point.
CREATE OR REPLACE TEMP MACRO cl_num_comma(x) AS
  CASE WHEN NOT (contains(x, '.') OR contains(x, ' ') OR contains(x, chr(160)) OR contains(x, chr(8239)))
       THEN TRY_CAST(replace(x, ',', '.') AS DOUBLE)
       ELSE TRY_CAST(CASE WHEN contains(cl_nospace(x), ',') THEN replace(replace(cl_nospace(x), '.', ''), ',', '.')
                          WHEN regexp_full_match(cl_nospace(x), '[-+]?[0-9]{1,3}(\.[0-9]{3})+') THEN replace(cl_nospace(x), '.', '')
                          ELSE cl_nospace(x) END AS DOUBLE) END;
`;
