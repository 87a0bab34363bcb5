/** The instance list's filters and page live in the address, so the back button returns to the same list. */
import type { InstanceQuery, InstanceState } from '../operations-api.js';

export const PAGE_SIZE = 20;
export const STATE_FILTERS = ['ACTIVE', 'INCIDENT', 'COMPLETED', 'CANCELED'] as const;

export interface InstanceFilterValues {
  bpmnProcessId: string;
  version: string;
  state: '' | InstanceState | 'INCIDENT';
  /** The `nextCursor` of the page before; empty for the newest instances. */
  cursor: string;
}

export function instanceFilterOf(search: string): InstanceFilterValues {
  const params = new URLSearchParams(search);
  const state = params.get('state') ?? '';
  const version = params.get('version') ?? '';
  const cursor = params.get('cursor') ?? '';
  return {
    bpmnProcessId: params.get('bpmnProcessId') ?? '',
    version: /^[1-9]\d{0,8}$/.test(version) ? version : '',
    state: (STATE_FILTERS as readonly string[]).includes(state) ? (state as InstanceFilterValues['state']) : '',
    cursor: /^\d{1,19}$/.test(cursor) ? cursor : '',
  };
}

export function instanceSearchOf(values: InstanceFilterValues): string {
  const params = new URLSearchParams(Object.entries(values).filter(([, value]) => value !== ''));
  const text = params.toString();
  return text === '' ? '' : `?${text}`;
}

export function instanceQueryOf(values: InstanceFilterValues): InstanceQuery {
  return {
    bpmnProcessId: values.bpmnProcessId.trim() || undefined,
    version: values.version ? Number(values.version) : undefined,
    state: values.state || undefined,
    cursor: values.cursor || undefined,
    limit: PAGE_SIZE,
  };
}
