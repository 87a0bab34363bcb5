/** How the exporters' reads take keys and give times: keys as decimal strings (64-bit), times as Dates. */

const MAX_KEY = 2n ** 63n - 1n;

/** A key a bigint column can hold; anything else names no row (rather than failing the query). */
export function isKey(key: string): boolean {
  return /^\d{1,19}$/.test(key) && BigInt(key) <= MAX_KEY;
}

/** A timestamptz column as epoch milliseconds, which PGlite and pg both return as a plain number. */
export const epochMsOf = (column: string) => `(extract(epoch FROM ${column}) * 1000)::float8`;

export function dateOf(epochMs: number | null): Date | null {
  return epochMs === null ? null : new Date(epochMs);
}
