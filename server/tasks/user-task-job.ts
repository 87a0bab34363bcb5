/**
 * What a user task is made of, read from its `io.camunda.zeebe:userTask` job: the reserved headers Zeebe 8.3 (and our
 * engine, `engine/processing/behaviors/jobs.ts`) sets from the task's form and assignment definitions.
 */

export const USER_TASK_JOB_TYPE = 'io.camunda.zeebe:userTask';

const HEADER = 'io.camunda.zeebe:';

/** Where a job comes from: its process instance, process definition and element instance. */
export interface JobOrigin {
  processInstanceKey: string;
  processDefinitionKey: string;
  bpmnProcessId: string;
  processDefinitionVersion: number;
  elementId: string;
  elementInstanceKey: string;
}

/** An activated job as zeebe-node hands it over (the fields of gateway_protocol.ActivatedJob, keys as strings). */
export interface ActivatedUserTaskJob extends JobOrigin {
  key: string;
  customHeaders: Record<string, unknown>;
  /** Epoch milliseconds, as a string. */
  deadline: string;
  variables: Record<string, unknown>;
}

/** A task as the worker records it. */
export interface TaskFromJob extends JobOrigin {
  jobKey: string;
  formKey: string | null;
  candidateGroups: string[];
  candidateUsers: string[];
  assignee: string | null;
  dueAt: Date | null;
  followUpAt: Date | null;
  leaseEndsAt: Date;
  variables: Record<string, unknown>;
}

export function taskFromJob(job: ActivatedUserTaskJob, now = Date.now()): TaskFromJob {
  const headers = job.customHeaders ?? {};
  const deadline = Number(job.deadline);
  return {
    jobKey: String(job.key),
    processInstanceKey: String(job.processInstanceKey),
    processDefinitionKey: String(job.processDefinitionKey),
    bpmnProcessId: job.bpmnProcessId,
    processDefinitionVersion: job.processDefinitionVersion,
    elementId: job.elementId,
    elementInstanceKey: String(job.elementInstanceKey),
    formKey: textHeader(headers, 'formKey'),
    candidateGroups: listHeader(headers, 'candidateGroups'),
    candidateUsers: listHeader(headers, 'candidateUsers'),
    assignee: textHeader(headers, 'assignee'),
    dueAt: dateHeader(headers, 'dueDate'),
    followUpAt: dateHeader(headers, 'followUpDate'),
    // A gateway that sent no deadline: treat the lease as already over, so the checker confirms the task soon.
    leaseEndsAt: new Date(Number.isFinite(deadline) && deadline > 0 ? deadline : now),
    variables: job.variables ?? {},
  };
}

function textHeader(headers: Record<string, unknown>, name: string): string | null {
  const value = headers[`${HEADER}${name}`];
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : null;
}

/**
 * Candidate groups and users: a JSON list of strings (Zeebe 8.x); a comma-separated text as older Zeebe versions
 * and hand-written headers have it is read too. Blank entries and duplicates are dropped.
 */
export function listHeader(headers: Record<string, unknown>, name: string): string[] {
  const value = textHeader(headers, name);
  if (value === null) return [];
  let entries: unknown[];
  try {
    const parsed: unknown = JSON.parse(value);
    entries = Array.isArray(parsed) ? parsed : [parsed];
  } catch {
    entries = value.split(',');
  }
  const names = entries.filter((entry): entry is string => typeof entry === 'string').map((entry) => entry.trim()).filter((entry) => entry !== '');
  return [...new Set(names)];
}

/**
 * Due and follow-up dates: ISO 8601 date-times. FEEL's zoned form (`2026-03-01T12:00:00@Europe/Berlin`, or the zone
 * in brackets) names a zone instead of (or besides) an offset; without an offset the time is read in that zone. A
 * date-time with neither is read as UTC. An unreadable date is dropped rather than failing the task.
 */
export function dateHeader(headers: Record<string, unknown>, name: string): Date | null {
  const value = textHeader(headers, name);
  if (value === null) return null;
  const zoned = /^(.*?)(?:@([A-Za-z_+\-/0-9]+)|\[([A-Za-z_+\-/0-9]+)\])$/.exec(value);
  const text = zoned ? zoned[1] : value;
  const zone = zoned ? (zoned[2] ?? zoned[3]) : undefined;
  const hasOffset = /(?:Z|[+-]\d{2}:?\d{2})$/.test(text);
  if (hasOffset || !text.includes('T')) return validDate(Date.parse(text));
  const asUtc = Date.parse(`${text}Z`);
  if (zone === undefined || Number.isNaN(asUtc)) return validDate(asUtc);
  // The zone's offset at that wall-clock time: measured once at the UTC reading, then once more at the corrected
  // instant (which differs only across a daylight-saving change).
  const first = asUtc - zoneOffsetMs(zone, asUtc);
  return validDate(asUtc - zoneOffsetMs(zone, first));
}

function validDate(time: number): Date | null {
  return Number.isNaN(time) ? null : new Date(time);
}

/** How far the zone's wall clock is ahead of UTC at an instant; 0 for a zone id the runtime does not know. */
function zoneOffsetMs(zone: string, instant: number): number {
  let parts: Intl.DateTimeFormatPart[];
  try {
    parts = new Intl.DateTimeFormat('en-US', {
      timeZone: zone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit',
    }).formatToParts(new Date(instant));
  } catch {
    return 0;
  }
  const part = (type: string) => Number(parts.find((entry) => entry.type === type)?.value);
  const wallClock = Date.UTC(part('year'), part('month') - 1, part('day'), part('hour'), part('minute'), part('second'));
  return wallClock - Math.floor(instant / 1000) * 1000;
}
