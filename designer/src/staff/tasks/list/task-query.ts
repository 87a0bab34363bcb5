/**
 * The list's filters live in the address (`/staff/tasks?assignee=me&sort=created`), so a filtered list can be
 * bookmarked and the back button returns to it. Due dates are days in the form and times in the server's query.
 */
import type { TaskQuery } from '../tasks-api.js';

export const PAGE_SIZE = 20;

/** What the filter form edits: days as `YYYY-MM-DD`. */
export interface TaskFilterValues {
  process: string;
  aktenzeichen: string;
  assignee: NonNullable<TaskQuery['assignee']>;
  dueFrom: string;
  dueUntil: string;
  sort: NonNullable<TaskQuery['sort']>;
  order: NonNullable<TaskQuery['order']>;
  page: number;
}

const oneOf = <T extends string>(value: string | null, allowed: readonly T[], fallback: T): T =>
  allowed.includes(value as T) ? (value as T) : fallback;
const isDay = (value: string | null): value is string => value !== null && /^\d{4}-\d{2}-\d{2}$/.test(value);

export function filterValuesOf(search: string): TaskFilterValues {
  const params = new URLSearchParams(search);
  const page = Number(params.get('page'));
  return {
    process: params.get('process') ?? '',
    aktenzeichen: params.get('aktenzeichen') ?? '',
    assignee: oneOf(params.get('assignee'), ['anyone', 'me', 'unassigned'], 'anyone'),
    dueFrom: isDay(params.get('dueFrom')) ? params.get('dueFrom')! : '',
    dueUntil: isDay(params.get('dueUntil')) ? params.get('dueUntil')! : '',
    sort: oneOf(params.get('sort'), ['due', 'created'], 'due'),
    order: oneOf(params.get('order'), ['asc', 'desc'], 'asc'),
    page: Number.isInteger(page) && page > 0 ? page : 1,
  };
}

export function searchOf(values: TaskFilterValues): string {
  const defaults = filterValuesOf('');
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(values)) {
    if (value !== defaults[name as keyof TaskFilterValues]) params.set(name, String(value));
  }
  const text = params.toString();
  return text === '' ? '' : `?${text}`;
}

/** The start of a day in the browser's time zone, as the server's date-time. */
const startOfDay = (day: string, plusDays = 0) => {
  const [year, month, date] = day.split('-').map(Number);
  return new Date(year, month - 1, date + plusDays).toISOString();
};

export function queryOf(values: TaskFilterValues): TaskQuery {
  return {
    process: values.process.trim() || undefined,
    aktenzeichen: values.aktenzeichen.trim() || undefined,
    assignee: values.assignee,
    dueAfter: values.dueFrom ? startOfDay(values.dueFrom) : undefined,
    // "due until" includes that day
    dueBefore: values.dueUntil ? startOfDay(values.dueUntil, 1) : undefined,
    sort: values.sort,
    order: values.order,
    offset: (values.page - 1) * PAGE_SIZE,
    limit: PAGE_SIZE,
  };
}
