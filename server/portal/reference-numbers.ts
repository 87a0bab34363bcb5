/**
 * Gap-free reference numbers (`HUND-2026-000123`, `RECH-2026-000042`): one counter row per prefix and year in
 * `portal_reference_counters`, taken inside the statement that writes the row it numbers, so a number exists only with
 * its row. The counter row stays locked until the transaction ends, so numbers have no gaps.
 */

/**
 * SQL parts for an INSERT … SELECT: `cte` is the `WITH` item `counter(last_number)`, `reference` the expression of
 * the number, to select `FROM counter`. `prefix` and `year` are the statement's placeholders (`$12`, `$13`).
 */
export function nextReferenceSql(prefix: string, year: string): { cte: string; reference: string } {
  return {
    cte: `counter AS (
         INSERT INTO portal_reference_counters (prefix, year, last_number) VALUES (${prefix}::text, ${year}::int, 1)
         ON CONFLICT (prefix, year) DO UPDATE SET last_number = portal_reference_counters.last_number + 1
         RETURNING last_number
       )`,
    reference: `${prefix}::text || '-' || ${year}::int || '-' || right('00000' || last_number::text, greatest(6, length(last_number::text)))`,
  };
}
