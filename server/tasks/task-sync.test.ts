/**
 * The task list keeps up with the engine, which never says that a job was cancelled: a task whose job is gone
 * disappears when someone opens it and, within a few checks, from everyone's list; a lease that runs out renews
 * itself; the engine's word reopens a task wrongly recorded as ended. Sync timings are shortened to fractions of a
 * second here; the assertions wait for outcomes (`eventually`), never for durations.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import pino from 'pino';
import { eventually, bpmnProcess, sequence } from '../../engine/tests/harness.js';
import { as } from '../tests/test-server.js';
import { deploy, listedKeys, startInstance, startTaskTestBed, taskOf, userTask, userTaskProcess, type TaskTestBed } from '../tests/task-fixtures.js';
import { TaskStore } from './task-store.js';
import { TaskSyncChecker } from './task-sync-checker.js';

let bed: TaskTestBed;
let store: TaskStore;

const WITHDRAWAL = '<bpmn:message id="withdrawn" name="antrag-zurueckgezogen"><bpmn:extensionElements><zeebe:subscription correlationKey="=caseId" /></bpmn:extensionElements></bpmn:message>';

beforeAll(async () => {
  bed = await startTaskTestBed({ leaseMs: 1500, checkIntervalMs: 100, recheckAfterMs: 300 });
  store = new TaskStore(bed.test.server.context.sql);
  const review = userTask('pruefen', { candidateGroups: 'kaemmerei' });
  await deploy(bed, [
    { name: 'antrag.bpmn', content: userTaskProcess('antrag', review) },
    {
      name: 'zuruecknehmbar.bpmn',
      content: bpmnProcess('zuruecknehmbar', `${sequence(review)}
        <bpmn:boundaryEvent id="zurueckgezogen" attachedToRef="pruefen"><bpmn:messageEventDefinition messageRef="withdrawn" /></bpmn:boundaryEvent>
        <bpmn:endEvent id="eingestellt" /><bpmn:sequenceFlow id="toEingestellt" sourceRef="zurueckgezogen" targetRef="eingestellt" />`, WITHDRAWAL),
    },
  ]);
});
afterAll(() => bed.stop());

async function auditActions(key: string): Promise<{ action: string; actor: { kind: string } }[]> {
  const response = await as(bed.test, bed.admin, 'get', `/api/admin/audit?targetId=${key}&limit=50`);
  return (response.body.entries as { action: string; actor: { kind: string } }[]).reverse();
}

describe('a task whose job is gone', () => {
  it('disappears at the latest when someone opens it after the instance was cancelled', async () => {
    const processInstanceKey = await startInstance(bed, 'antrag');
    const { key } = await taskOf(bed, processInstanceKey);
    await bed.engine.zbc.cancelProcessInstance(processInstanceKey);
    const opened = await as(bed.test, bed.kaemmerei, 'get', `/api/tasks/${key}`);
    expect(opened.status).toBe(410);
    expect(opened.body.type).toBe('urn:amtsflow:problem:task-gone');
    expect(await listedKeys(bed, bed.kaemmerei)).not.toContain(key);
  });

  it('leaves everyone\'s list within a few background checks after the instance was cancelled', async () => {
    const processInstanceKey = await startInstance(bed, 'antrag');
    const { key } = await taskOf(bed, processInstanceKey);
    await bed.engine.zbc.cancelProcessInstance(processInstanceKey);
    await eventually(async () => !(await listedKeys(bed, bed.manager)).includes(key), 15_000);
    expect((await auditActions(key)).map(({ action, actor }) => `${action} by ${actor.kind}`)).toEqual(['task.created by system', 'task.gone by system']);
  });

  it('leaves the list when an interrupting boundary event ends the user task', async () => {
    const processInstanceKey = await startInstance(bed, 'zuruecknehmbar', { caseId: 'HU-2026-0042' });
    const { key } = await taskOf(bed, processInstanceKey);
    await bed.engine.zbc.publishMessage({ name: 'antrag-zurueckgezogen', correlationKey: 'HU-2026-0042', variables: {} });
    await eventually(async () => !(await listedKeys(bed, bed.kaemmerei)).includes(key), 15_000);
    expect((await store.get(key))?.state).toBe('gone');
  });
});

describe('leases', () => {
  it('takes a job back when its lease runs out: the same open task, created once, still completable', async () => {
    const processInstanceKey = await startInstance(bed, 'antrag');
    const { key } = await taskOf(bed, processInstanceKey);
    const firstLease = (await store.get(key))!.leaseEndsAt;
    await as(bed.test, bed.kaemmerei, 'post', `/api/tasks/${key}/claim`);
    await eventually(async () => (await store.get(key))!.leaseEndsAt > firstLease, 15_000);
    const task = await store.get(key);
    expect(task).toMatchObject({ state: 'open', assignee: 'k-clerk' });
    expect((await auditActions(key)).filter(({ action }) => action === 'task.created')).toHaveLength(1);
    expect((await as(bed.test, bed.kaemmerei, 'post', `/api/tasks/${key}/complete`).send({})).status).toBe(200);
  });

  it('opens a task recorded as ended again when the engine hands out its job once more', async () => {
    const { key } = await taskOf(bed, await startInstance(bed, 'antrag'));
    await bed.test.server.context.sql.transaction((tx) => store.markGone(tx, key, 'wrongly recorded as gone by this test'));
    expect(await listedKeys(bed, bed.kaemmerei)).not.toContain(key);
    await eventually(async () => (await listedKeys(bed, bed.kaemmerei)).includes(key), 15_000);
    expect((await auditActions(key)).map(({ action }) => action)).toEqual(['task.created', 'task.reopened']);
  });
});

describe('completions that never recorded their outcome', () => {
  let checker: TaskSyncChecker;
  beforeAll(() => {
    const { sql, zeebe, audit } = bed.test.server.context;
    // Stuck completions are settled after two minutes; this checker counts every completion as stuck at once.
    checker = new TaskSyncChecker({ store, sql, zeebe, audit, logger: pino({ level: 'silent' }), config: { leaseMs: 60_000, checkIntervalMs: 60_000, recheckAfterMs: 60_000, probesPerCheck: 100 } });
  });

  const stuck = async (key: string) => {
    expect(await store.beginCompletion(key)).toBe(true);
    await bed.test.server.context.sql.query(`UPDATE tasks SET completing_since = now() - interval '1 hour' WHERE job_key = $1`, [key]);
  };

  it('reopens a task whose job the engine still has', async () => {
    const { key } = await taskOf(bed, await startInstance(bed, 'antrag'));
    await stuck(key);
    expect(await checker.confirm({ key, state: 'completing' })).toBe('open');
    expect((await store.get(key))?.state).toBe('open');
  });

  it('ends a task whose job the engine no longer has, as gone', async () => {
    const processInstanceKey = await startInstance(bed, 'antrag');
    const { key } = await taskOf(bed, processInstanceKey);
    await stuck(key);
    await bed.engine.zbc.cancelProcessInstance(processInstanceKey);
    // The server's own checker may settle it first; either way the same rules apply.
    await checker.checkOnce();
    expect(await store.get(key)).toMatchObject({ state: 'gone', goneReason: expect.stringMatching(/outcome was never recorded/) });
  });
});
