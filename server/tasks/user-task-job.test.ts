import { describe, expect, it } from '@jest/globals';
import { dateHeader, listHeader, taskFromJob, type ActivatedUserTaskJob } from './user-task-job.js';

const job = (customHeaders: Record<string, unknown>, deadline = '1767225600000'): ActivatedUserTaskJob => ({
  key: '2251799813685300', processInstanceKey: '2251799813685290', processDefinitionKey: '2251799813685250', bpmnProcessId: 'hundesteuer',
  processDefinitionVersion: 3, elementId: 'festsetzen', elementInstanceKey: '2251799813685299', customHeaders, deadline, variables: { dogName: 'Bello' },
});

describe('taskFromJob', () => {
  it('reads the headers Zeebe 8.3 sets on a user-task job', () => {
    const task = taskFromJob(job({
      'io.camunda.zeebe:formKey': '2251799813685251',
      'io.camunda.zeebe:assignee': 'k-clerk',
      'io.camunda.zeebe:candidateGroups': '["kaemmerei","ordnungsamt"]',
      'io.camunda.zeebe:candidateUsers': '["mueller"]',
      'io.camunda.zeebe:dueDate': '2026-03-01T12:00:00Z',
      'io.camunda.zeebe:followUpDate': '2026-02-20T08:00:00+01:00',
      'custom-header': 'kept out',
    }));
    expect(task).toEqual({
      jobKey: '2251799813685300', processInstanceKey: '2251799813685290', processDefinitionKey: '2251799813685250', bpmnProcessId: 'hundesteuer',
      processDefinitionVersion: 3, elementId: 'festsetzen', elementInstanceKey: '2251799813685299',
      formKey: '2251799813685251', candidateGroups: ['kaemmerei', 'ordnungsamt'], candidateUsers: ['mueller'], assignee: 'k-clerk',
      dueAt: new Date('2026-03-01T12:00:00Z'), followUpAt: new Date('2026-02-20T07:00:00Z'),
      leaseEndsAt: new Date(1767225600000), variables: { dogName: 'Bello' },
    });
  });

  it('leaves out what the headers do not name', () => {
    expect(taskFromJob(job({}))).toMatchObject({ formKey: null, candidateGroups: [], candidateUsers: [], assignee: null, dueAt: null, followUpAt: null });
  });

  it('treats a missing deadline as a lease already over, so the task is confirmed soon', () => {
    expect(taskFromJob(job({}, '0'), 1234).leaseEndsAt).toEqual(new Date(1234));
  });
});

describe('listHeader', () => {
  const list = (value: unknown) => listHeader({ 'io.camunda.zeebe:candidateGroups': value }, 'candidateGroups');

  it('reads a JSON list, a comma-separated text and a single name, without blanks or repeats', () => {
    expect(list('["kaemmerei", " ordnungsamt ", "", "kaemmerei"]')).toEqual(['kaemmerei', 'ordnungsamt']);
    expect(list('kaemmerei, ordnungsamt')).toEqual(['kaemmerei', 'ordnungsamt']);
    expect(list('"kaemmerei"')).toEqual(['kaemmerei']);
    expect(list('[1, null, "kaemmerei"]')).toEqual(['kaemmerei']);
    expect(list('  ')).toEqual([]);
    expect(list(42)).toEqual([]);
  });
});

describe('dateHeader', () => {
  const date = (value: string) => dateHeader({ 'io.camunda.zeebe:dueDate': value }, 'dueDate')?.toISOString() ?? null;

  it('reads ISO date-times with an offset or Z, and dates', () => {
    expect(date('2026-03-01T12:00:00+01:00')).toBe('2026-03-01T11:00:00.000Z');
    expect(date('2026-03-01T12:00:00.250Z')).toBe('2026-03-01T12:00:00.250Z');
    expect(date('2026-03-01')).toBe('2026-03-01T00:00:00.000Z');
  });

  it('reads FEEL\'s zoned date-times in their zone, across daylight saving time', () => {
    expect(date('2026-01-15T12:00:00@Europe/Berlin')).toBe('2026-01-15T11:00:00.000Z');
    expect(date('2026-07-15T12:00:00@Europe/Berlin')).toBe('2026-07-15T10:00:00.000Z');
    expect(date('2026-07-15T12:00:00[Europe/Berlin]')).toBe('2026-07-15T10:00:00.000Z');
    expect(date('2026-07-15T12:00:00+02:00[Europe/Berlin]')).toBe('2026-07-15T10:00:00.000Z');
  });

  it('reads a date-time without offset or zone as UTC, and drops what it cannot read', () => {
    expect(date('2026-03-01T12:00:00')).toBe('2026-03-01T12:00:00.000Z');
    expect(date('2026-07-15T12:00:00@Mars/Olympus')).toBe('2026-07-15T12:00:00.000Z');
    expect(date('next tuesday')).toBeNull();
  });
});
