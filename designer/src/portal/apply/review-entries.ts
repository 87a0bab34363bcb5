/**
 * What the citizen entered, as label and readable value for the review before sending: the fields the validator
 * kept (shown, enabled), option values as their labels, yes/no for checkboxes, file names for file pickers, dates as
 * the citizen writes them.
 */
import type { FormComponent } from '../../../../forms/index.js';
import { componentLabel } from '../../shared/forms/form-field-errors.js';

export interface ReviewEntry {
  label: string;
  /** Empty when the field was left empty. */
  value: string;
}

export interface ReviewWords {
  yes: string;
  no: string;
  /** A date field's value (`YYYY-MM-DD`) in the citizen's language. */
  date(isoDate: string): string;
}

type Options = { label?: string; value?: unknown }[];

const WITHOUT_VALUE = new Set(['text', 'html', 'image', 'spacer', 'separator', 'button', 'iframe', 'table', 'documentPreview']);

export function reviewEntries(
  components: readonly FormComponent[] | undefined,
  data: Readonly<Record<string, unknown>>,
  files: ReadonlyMap<string, readonly File[]>,
  words: ReviewWords,
  position = '',
): ReviewEntry[] {
  const entries: ReviewEntry[] = [];
  for (const component of components ?? []) {
    if (WITHOUT_VALUE.has(component.type)) continue;
    const own = component.key ?? component.path;
    const value = own === undefined ? data : valueAt(data, own);
    if (component.type === 'dynamiclist') {
      const items = Array.isArray(value) ? value : [];
      items.forEach((item, index) => {
        if (isRecord(item)) entries.push(...reviewEntries(component.components, item, files, words, `${position}${index + 1}.`));
      });
    } else if (component.components) {
      if (isRecord(value)) entries.push(...reviewEntries(component.components, value, files, words, position));
    } else if (component.key !== undefined && value !== undefined) {
      const label = componentLabel(component) ?? component.key;
      entries.push({ label: position ? `${label} (${position.slice(0, -1)})` : label, value: readable(component, value, files, words) });
    }
  }
  return entries;
}

function readable(component: FormComponent, value: unknown, files: ReadonlyMap<string, readonly File[]>, words: ReviewWords): string {
  if (value === null || value === '') return '';
  if (component.type === 'filepicker') return typeof value === 'string' ? (files.get(value) ?? []).map((file) => file.name).join(', ') : '';
  if (component.type === 'checkbox') return value === true ? words.yes : words.no;
  if (component.type === 'datetime' && component.subtype === 'date' && typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)) return words.date(value);
  const options = Array.isArray(component.values) ? component.values as Options : [];
  const labelOf = (item: unknown) => options.find((option) => option.value === item)?.label ?? text(item);
  if (Array.isArray(value)) return value.map(labelOf).join(', ');
  return labelOf(value);
}

function text(value: unknown): string {
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
}

function valueAt(data: Readonly<Record<string, unknown>>, dotted: string): unknown {
  let current: unknown = data;
  for (const segment of dotted.split('.')) current = isRecord(current) ? current[segment] : undefined;
  return current;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
