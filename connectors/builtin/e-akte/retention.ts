/** Retention dates on the calendar of the authority (Europe/Berlin), not on UTC instants. */
import type { RetentionRule } from './e-akte-model.js';

const PERIOD = /^P(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)D)?$/;
const BERLIN_DATE = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Berlin', year: 'numeric', month: '2-digit', day: '2-digit' });

export class RetentionRuleError extends Error {
  override name = 'RetentionRuleError';
}

/** The calendar date (`YYYY-MM-DD`) in Germany at the given instant. */
export function berlinDate(instant: Date): string {
  return BERLIN_DATE.format(instant);
}

export function parseRetentionPeriod(period: string): { years: number; months: number; days: number } {
  const match = PERIOD.exec(period);
  if (!match || period === 'P') throw new RetentionRuleError(`"${period}" is not a retention period like P10Y, P6M or P3Y6M`);
  const [years, months, days] = match.slice(1).map((part) => Number(part ?? 0));
  return { years, months, days };
}

/** The last day a document filed at `filedAt` must be kept. */
export function retainUntil(filedAt: Date, rule: RetentionRule): string {
  const { years, months, days } = parseRetentionPeriod(rule.period);
  const filingDate = berlinDate(filedAt);
  const start = rule.startsAt === 'endOfYear' ? `${filingDate.slice(0, 4)}-12-31` : filingDate;
  return addToDate(start, years, months, days);
}

/** Adds years and months (keeping the day, or the month's last day when it is shorter), then days. */
export function addToDate(date: string, years: number, months: number, days: number): string {
  const [year, month, day] = date.split('-').map(Number);
  const totalMonths = (year + years) * 12 + (month - 1) + months;
  const targetYear = Math.floor(totalMonths / 12);
  const targetMonth = totalMonths % 12;
  const lastDay = new Date(Date.UTC(targetYear, targetMonth + 1, 0)).getUTCDate();
  const shifted = new Date(Date.UTC(targetYear, targetMonth, Math.min(day, lastDay) + days));
  return shifted.toISOString().slice(0, 10);
}
