/** Amounts are integer cents end to end; only here do they become German text ("1.080,00 €"), without floating point. */

export function formatEuroCents(cents: number): string {
  if (!Number.isSafeInteger(cents)) throw new RangeError(`An amount must be whole cents, got ${cents}`);
  const sign = cents < 0 ? '−' : '';
  const absolute = BigInt(Math.abs(cents));
  const euros = (absolute / 100n).toString().replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  const rest = (absolute % 100n).toString().padStart(2, '0');
  return `${sign}${euros},${rest} €`;
}

/** `2025-03-01` → `01.03.2025` */
export function formatGermanDate(isoDate: string): string {
  const [year, month, day] = isoDate.slice(0, 10).split('-');
  return `${day}.${month}.${year}`;
}
