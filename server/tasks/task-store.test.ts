/** The task store's SQL on PGlite and, when AMTSFLOW_TEST_DATABASE_URL is set, on a PostgreSQL server. */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { storageTargets } from '../../engine/storage/storage-test-targets.js';
import { openServerStorage, type SqlClient } from '../storage/server-storage.js';
import { TaskStore, type TaskFilter } from './task-store.js';
import type { TaskFromJob } from './user-task-job.js';

let nextKey = 2251799813690000;

function job(overrides: Partial<TaskFromJob> = {}): TaskFromJob {
  const key = String(nextKey++);
  return {
    jobKey: key, processInstanceKey: String(nextKey++), processDefinitionKey: '2251799813685250', bpmnProcessId: 'hundesteuer',
    processDefinitionVersion: 1, elementId: 'festsetzen', elementInstanceKey: String(nextKey++), formKey: null,
    candidateGroups: ['kaemmerei'], candidateUsers: [], assignee: null, dueAt: null, followUpAt: null,
    leaseEndsAt: new Date(Date.now() + 3_600_000), variables: { dogName: 'Bello' }, ...overrides,
  };
}

const FILTER: TaskFilter = { sort: 'created', order: 'asc', offset: 0, limit: 50 };

describe.each(storageTargets())('task store on $name', (target) => {
  let sql: SqlClient;
  let store: TaskStore;
  beforeAll(async () => {
    await target.setUp();
    sql = await openServerStorage(target.freshOptions());
    store = new TaskStore(sql);
  });
  afterAll(async () => {
    await sql.close();
    await target.tearDown();
  });

  const record = (task: TaskFromJob, name: string | null = null) => sql.transaction((tx) => store.recordActivation(tx, task, name));

  it('records a job once; a second activation renews its lease and variables, and keeps the clerk\'s assignee', async () => {
    const task = job({ assignee: 'Mueller', candidateUsers: ['Schmitz'] });
    expect(await record(task, 'Hundesteuer festsetzen')).toBe('created');
    await sql.transaction((tx) => store.setAssignee(tx, task.jobKey, 'k-clerk'));
    const later = new Date(Date.now() + 7_200_000);
    expect(await record({ ...task, leaseEndsAt: later, variables: { dogName: 'Rex' }, assignee: 'Mueller' })).toBe('renewed');
    expect(await store.get(task.jobKey)).toMatchObject({
      state: 'open', name: 'Hundesteuer festsetzen', assignee: 'k-clerk', candidateUsers: ['schmitz'],
      leaseEndsAt: later.toISOString(), variables: { dogName: 'Rex' },
    });
  });

  it('leaves an ended task alone on activation until told to reopen it', async () => {
    const task = job();
    await record(task);
    await sql.transaction((tx) => store.markGone(tx, task.jobKey, 'test'));
    expect(await record(task)).toBe('ended');
    expect((await store.get(task.jobKey))?.state).toBe('gone');
    expect(await sql.transaction((tx) => store.reopen(tx, task))).toBe(true);
    expect(await store.get(task.jobKey)).toMatchObject({ state: 'open', goneReason: null, endedAt: null });
  });

  it('lets one of two simultaneous completions begin', async () => {
    const task = job();
    await record(task);
    const begun = await Promise.all([store.beginCompletion(task.jobKey), store.beginCompletion(task.jobKey)]);
    expect(begun.sort()).toEqual([false, true]);
    expect(await sql.transaction((tx) => store.markGone(tx, task.jobKey, 'test'))).toBe(false);
    await sql.transaction((tx) => store.finishCompletion(tx, task.jobKey, 'user-1'));
    expect(await store.get(task.jobKey)).toMatchObject({ state: 'completed', completedBy: 'user-1', completingSince: null });
  });

  it('lists by department, candidate user and assignee, and everything for a viewer who sees all', async () => {
    const listed = { bpmnProcessId: 'sichtbarkeit' };
    const department = job({ ...listed, candidateGroups: ['ordnungsamt'] });
    const candidate = job({ ...listed, candidateGroups: ['fundbuero'], candidateUsers: ['O-Clerk'] });
    const assigned = job({ ...listed, candidateGroups: ['fundbuero'], assignee: 'o-clerk' });
    const other = job({ ...listed, candidateGroups: ['kaemmerei'] });
    for (const task of [department, candidate, assigned, other]) await record(task);
    const clerk = { seesAll: false, clerk: { username: 'O-CLERK', departments: ['ordnungsamt'] } };
    const filter = { ...FILTER, ...listed };
    expect((await store.list(clerk, filter)).tasks.map((task) => task.key)).toEqual([department.jobKey, candidate.jobKey, assigned.jobKey]);
    expect((await store.list({ seesAll: true }, filter)).total).toBe(4);
    expect((await store.list({ seesAll: false }, filter)).total).toBe(0);
  });

  it('takes the case\'s Aktenzeichen from the variables (else the portal\'s submission reference), follows them on renewal, and finds tasks by it exactly or by prefix, in any case', async () => {
    const listed = { bpmnProcessId: 'aktenzeichen' };
    const first = job({ ...listed, variables: { aktenzeichen: 'HUND-2026-000001' } });
    const second = job({ ...listed, variables: { aktenzeichen: ' HUND-2026-000002 ' } });
    const invoice = job({ ...listed, variables: { aktenzeichen: 'RECH-2026-000001' } });
    const numbered = job({ ...listed, variables: { aktenzeichen: 42 } });
    const submitted = job({ ...listed, variables: { submissionReference: 'FUND-2026-000003' } });
    const both = job({ ...listed, variables: { aktenzeichen: 'FUND-2026-000004', submissionReference: 'FUND-2026-999999' } });
    const without = job({ ...listed, variables: {} });
    for (const task of [first, second, invoice, numbered, submitted, both, without]) await record(task);
    expect(await store.get(second.jobKey)).toMatchObject({ aktenzeichen: 'HUND-2026-000002' });
    expect(await store.get(submitted.jobKey)).toMatchObject({ aktenzeichen: 'FUND-2026-000003' });
    expect(await store.get(both.jobKey)).toMatchObject({ aktenzeichen: 'FUND-2026-000004' });
    expect(await store.get(numbered.jobKey)).toMatchObject({ aktenzeichen: null });
    expect(await store.get(without.jobKey)).toMatchObject({ aktenzeichen: null });
    const found = async (aktenzeichen: string) =>
      (await store.list({ seesAll: true }, { ...FILTER, ...listed, aktenzeichen })).tasks.map((task) => task.key);
    expect(await found('HUND-2026-000001')).toEqual([first.jobKey]);
    expect(await found('hund-2026')).toEqual([first.jobKey, second.jobKey]);
    expect(await found(' rech ')).toEqual([invoice.jobKey]);
    expect(await found('fund-2026')).toEqual([submitted.jobKey, both.jobKey]);
    // LIKE's wildcards are taken as they are.
    expect(await found('%')).toEqual([]);
    expect(await found('HUND_2026')).toEqual([]);
    // A process that sets its Aktenzeichen after the task began: the next activation brings it.
    await record({ ...without, variables: { aktenzeichen: 'FUND-2026-000007' } });
    expect(await found('FUND-2026-0000')).toEqual([submitted.jobKey, both.jobKey, without.jobKey]);
  });

  it('names the tasks to confirm: lapsed leases first, then the longest unconfirmed, and stuck completions', async () => {
    const lapsed = job({ leaseEndsAt: new Date(Date.now() - 120_000) });
    const stale = job();
    const fresh = job();
    const stuck = job();
    for (const task of [stale, lapsed, fresh, stuck]) await record(task);
    await sql.query(`UPDATE tasks SET confirmed_at = now() - interval '1 hour' WHERE job_key = ANY($1::text[])`, [[stale.jobKey, lapsed.jobKey]]);
    await sql.query(`UPDATE tasks SET confirmed_at = now() - interval '2 hours' WHERE job_key = $1`, [stale.jobKey]);
    await store.beginCompletion(stuck.jobKey);
    await sql.query(`UPDATE tasks SET completing_since = now() - interval '1 hour' WHERE job_key = $1`, [stuck.jobKey]);
    const options = { recheckAfterMs: 600_000, graceMs: 60_000, stuckAfterMs: 120_000, limit: 10 };
    expect(await store.dueForConfirmation(options)).toEqual([{ key: lapsed.jobKey, state: 'open' }, { key: stale.jobKey, state: 'open' }, { key: stuck.jobKey, state: 'completing' }]);
    expect(await store.dueForConfirmation({ ...options, limit: 1 })).toEqual([{ key: lapsed.jobKey, state: 'open' }]);
    await store.confirm([lapsed.jobKey]);
    expect((await store.dueForConfirmation(options)).map((task) => task.key)).toEqual([stale.jobKey, stuck.jobKey]);
  });
});
