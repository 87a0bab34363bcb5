/**
 * Claiming, handing back, assigning and completing tasks on the embedded engine: who may, what a clerk is told when
 * someone else was quicker, and that a completion validates with the task's form and continues the instance with
 * the cleaned data, once.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { activateOne, activeElementIds, bpmnProcess, sequence, serviceTask } from '../../engine/tests/harness.js';
import { as, type Credentials } from '../tests/test-server.js';
import { deploy, DOG_TAX_FORM, startInstance, startTaskTestBed, taskOf, userTask, userTaskProcess, type TaskTestBed } from '../tests/task-fixtures.js';

let bed: TaskTestBed;

beforeAll(async () => {
  bed = await startTaskTestBed();
  await deploy(bed, [
    { name: 'hundesteuer-festsetzung.form', content: JSON.stringify(DOG_TAX_FORM) },
    {
      name: 'hundesteuer.bpmn',
      content: bpmnProcess('hundesteuer', sequence(
        userTask('festsetzen', { name: 'Hundesteuer festsetzen', formId: DOG_TAX_FORM.id, candidateGroups: 'kaemmerei' }),
        { id: 'bescheid', xml: serviceTask('bescheid', 'bescheid-erstellen') },
      )),
    },
    { name: 'kenntnisnahme.bpmn', content: userTaskProcess('kenntnisnahme', userTask('lesen', { candidateGroups: 'kaemmerei' })) },
    { name: 'sachlich-richtig.form', content: JSON.stringify(SIGN_OFF_FORM) },
    {
      name: 'zeichnung.bpmn',
      content: bpmnProcess('zeichnung', sequence(
        userTask('zeichnen', { formId: SIGN_OFF_FORM.id, candidateGroups: 'kaemmerei', extra: SIGNED_BY_MAPPING }),
        { id: 'weiter', xml: serviceTask('weiter', 'nach-zeichnung') },
      )),
    },
  ]);
});
afterAll(() => bed.stop());

/**
 * A form that still asks who signs (as the Rechnungsworkflow's once did), even under the reserved name, and a task
 * that takes the signer from the server's `completedBy`, as the Rechnungsworkflow's four-eyes rule does.
 */
const SIGN_OFF_FORM = {
  id: 'sachlich-richtig',
  type: 'default',
  components: [
    { id: 'result', key: 'pruefung.ergebnis', type: 'textfield', label: 'Ergebnis', validate: { required: true } },
    { id: 'typedSigner', key: 'pruefung.geprueftVon', type: 'textfield', label: 'Kennung' },
    { id: 'typedCompleter', key: 'completedBy.username', type: 'textfield', label: 'Erledigt durch' },
  ],
};
const SIGNED_BY_MAPPING = '<zeebe:ioMapping><zeebe:output source="=pruefung" target="pruefung" />'
  + '<zeebe:output source="=completedBy.username" target="pruefung.geprueftVon" /></zeebe:ioMapping>';

const post = (who: Credentials | undefined, key: string, action: string, body?: object) => {
  const call = as(bed.test, who, 'post', `/api/tasks/${key}/${action}`);
  return body === undefined ? call : call.send(body);
};

async function newDogTaxTask(variables: Record<string, string | number> = { dogName: 'Bello' }): Promise<{ key: string; processInstanceKey: string }> {
  const processInstanceKey = await startInstance(bed, 'hundesteuer', variables);
  return { key: (await taskOf(bed, processInstanceKey)).key, processInstanceKey };
}

async function auditActions(key: string): Promise<string[]> {
  const response = await as(bed.test, bed.admin, 'get', `/api/admin/audit?targetId=${key}&limit=50`);
  return (response.body.entries as { action: string }[]).map((entry) => entry.action).reverse();
}

describe('claim and unclaim', () => {
  let key: string;
  beforeAll(async () => ({ key } = await newDogTaxTask()));

  it('lets a clerk of the department claim a task, again without effect', async () => {
    const claimed = await post(bed.kaemmerei, key, 'claim');
    expect(claimed.status).toBe(200);
    expect(claimed.body.task).toMatchObject({ key, assignee: 'k-clerk', assigneeName: 'k-clerk' });
    expect((await post(bed.kaemmerei, key, 'claim')).status).toBe(200);
    expect(await auditActions(key)).toEqual(['task.created', 'task.claimed']);
  });

  it('tells a colleague who holds the task, and refuses other departments and non-clerks', async () => {
    const colleague = await post(bed.kaemmerei2, key, 'claim');
    expect(colleague.status).toBe(409);
    expect(colleague.body).toMatchObject({ type: 'urn:amtsflow:problem:task-claimed', detail: 'k-clerk is working on this task.' });
    expect((await post(bed.ordnungsamt, key, 'claim')).status).toBe(403);
    expect((await post(bed.manager, key, 'claim')).status).toBe(403);
    expect((await post(undefined, key, 'claim')).status).toBe(401);
  });

  it('lets only the assignee or a process manager hand it back', async () => {
    expect((await post(bed.kaemmerei2, key, 'unclaim')).status).toBe(403);
    expect((await post(bed.ordnungsamt, key, 'unclaim')).status).toBe(403);
    const byManager = await post(bed.manager, key, 'unclaim');
    expect(byManager.status).toBe(200);
    expect(byManager.body.task.assignee).toBeNull();
    expect((await post(bed.kaemmerei2, key, 'claim')).status).toBe(200);
    expect((await post(bed.kaemmerei2, key, 'unclaim')).body.task.assignee).toBeNull();
    expect((await post(bed.kaemmerei2, key, 'unclaim')).status).toBe(200);
    expect(await auditActions(key)).toEqual(['task.created', 'task.claimed', 'task.unclaimed', 'task.claimed', 'task.unclaimed']);
  });
});

describe('assign', () => {
  let key: string;
  beforeAll(async () => ({ key } = await newDogTaxTask()));

  it('lets a clerk give a free task to a colleague of the department, and the colleague hand it on', async () => {
    expect((await post(bed.kaemmerei, key, 'assign', { assignee: 'k-clerk-2' })).body.task.assignee).toBe('k-clerk-2');
    const taken = await post(bed.kaemmerei, key, 'assign', { assignee: 'k-clerk' });
    expect(taken.status).toBe(409);
    expect((await post(bed.kaemmerei2, key, 'assign', { assignee: 'K-Clerk' })).body.task.assignee).toBe('k-clerk');
  });

  it('refuses a clerk giving it outside the department, to a non-clerk or to nobody known', async () => {
    for (const assignee of ['o-clerk', 'manager', 'nobody']) {
      const response = await post(bed.kaemmerei, key, 'assign', { assignee });
      expect({ assignee, status: response.status, pointer: response.body.errors?.[0]?.pointer }).toEqual({ assignee, status: 422, pointer: '/assignee' });
    }
    expect((await post(bed.ordnungsamt, key, 'assign', { assignee: 'o-clerk' })).status).toBe(403);
    expect((await post(bed.admin, key, 'assign', { assignee: 'k-clerk' })).status).toBe(403);
    expect((await post(bed.kaemmerei, key, 'assign', { assignee: '' })).status).toBe(400);
  });

  it('lets a process manager give it to any clerk, who may then work on it', async () => {
    const assigned = await post(bed.manager, key, 'assign', { assignee: 'o-clerk' });
    expect(assigned.status).toBe(200);
    expect(assigned.body.task.assignee).toBe('o-clerk');
    const opened = await as(bed.test, bed.ordnungsamt, 'get', `/api/tasks/${key}`);
    expect(opened.status).toBe(200);
    expect(opened.body.task.actions).toMatchObject({ complete: true, unclaim: true });
    expect(await auditActions(key)).toEqual(['task.created', 'task.assigned', 'task.assigned', 'task.assigned']);
  });
});

describe('complete', () => {
  it('refuses invalid data with field errors and completes nothing', async () => {
    const { key, processInstanceKey } = await newDogTaxTask();
    await post(bed.kaemmerei, key, 'claim');
    const response = await post(bed.kaemmerei, key, 'complete', { data: { taxAmount: -5, note: 'viel zu langer Vermerk hier' } }).set('Accept-Language', 'en');
    expect(response.status).toBe(422);
    expect(response.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(response.body.type).toBe('urn:amtsflow:problem:form-invalid');
    expect(response.body.errors).toEqual([
      { pointer: '/data/taxAmount', path: 'taxAmount', componentId: 'amount', key: 'taxAmount', code: 'min', detail: 'Field must have minimum value of 0.', message: 'Field must have minimum value of 0.' },
      { pointer: '/data/note', path: 'note', componentId: 'note', key: 'note', code: 'maxLength', detail: 'Field must have maximum length of 20.', message: 'Field must have maximum length of 20.' },
      { pointer: '/data/reason', path: 'reason', componentId: 'reason', key: 'reason', code: 'required', detail: 'Field is required.', message: 'Field is required.' },
    ]);
    expect(activeElementIds(bed.engine, processInstanceKey)).toEqual(['festsetzen']);
    expect((await as(bed.test, bed.kaemmerei, 'get', `/api/tasks/${key}`)).body.task.state).toBe('open');
  });

  it('answers German field errors by default', async () => {
    const { key } = await newDogTaxTask();
    await post(bed.kaemmerei, key, 'claim');
    const response = await post(bed.kaemmerei, key, 'complete', { data: { approved: true } });
    expect(response.body.errors).toEqual([{ pointer: '/data/taxAmount', path: 'taxAmount', componentId: 'amount', key: 'taxAmount', code: 'required', detail: 'Dieses Feld ist ein Pflichtfeld.', message: 'Dieses Feld ist ein Pflichtfeld.' }]);
  });

  it('completes the job with the cleaned data, and the instance continues with it', async () => {
    const { key, processInstanceKey } = await newDogTaxTask({ dogName: 'Bello', taxAmount: 0 });
    await post(bed.kaemmerei, key, 'claim');
    const response = await post(bed.kaemmerei, key, 'complete', { data: { taxAmount: 96, approved: true, reason: 'hidden once approved', smuggled: 'x' } });
    expect(response.status).toBe(200);
    const completedBy = { id: bed.kaemmerei.userId, username: 'k-clerk', name: 'k-clerk' };
    expect(response.body.variables).toEqual({ taxAmount: 96, note: '', approved: true, completedBy });
    expect(response.body.task).toMatchObject({ key, state: 'completed' });
    const next = await activateOne(bed.engine, 'bescheid-erstellen');
    expect(String(next.processInstanceKey)).toBe(processInstanceKey);
    expect(next.variables).toEqual({ dogName: 'Bello', taxAmount: 96, note: '', approved: true, completedBy });
    expect(await auditActions(key)).toEqual(['task.created', 'task.claimed', 'task.completed']);
  });

  it('tells the second clerk that someone else completed it first, and completes nothing twice', async () => {
    const { key } = await newDogTaxTask();
    await post(bed.kaemmerei, key, 'claim');
    expect((await post(bed.kaemmerei, key, 'complete', { data: { taxAmount: 96, approved: true } })).status).toBe(200);
    const again = await post(bed.kaemmerei, key, 'complete', { data: { taxAmount: 120, approved: true } });
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({ type: 'urn:amtsflow:problem:task-completed', detail: expect.stringMatching(/^Someone else completed it first/) });
    expect((await post(bed.kaemmerei, key, 'claim')).status).toBe(409);
    expect((await as(bed.test, bed.kaemmerei, 'get', `/api/tasks/${key}`)).status).toBe(410);
    expect((await auditActions(key)).filter((action) => action === 'task.completed')).toHaveLength(1);
  });

  it('lets exactly one of two simultaneous completions through', async () => {
    const { key } = await newDogTaxTask();
    await post(bed.kaemmerei, key, 'claim');
    const both = await Promise.all([1, 2].map(() => post(bed.kaemmerei, key, 'complete', { data: { taxAmount: 96, approved: true } })));
    expect(both.map((response) => response.status).sort()).toEqual([200, 409]);
    expect((await auditActions(key)).filter((action) => action === 'task.completed')).toHaveLength(1);
  });

  it('only lets the assignee complete: a colleague is told to claim it, others are refused', async () => {
    const { key } = await newDogTaxTask();
    const unclaimed = await post(bed.kaemmerei, key, 'complete', { data: { taxAmount: 1, approved: true } });
    expect(unclaimed.status).toBe(409);
    expect(unclaimed.body).toMatchObject({ type: 'urn:amtsflow:problem:task-not-assigned-to-you', detail: 'Claim the task before completing it.' });
    await post(bed.kaemmerei, key, 'claim');
    expect((await post(bed.kaemmerei2, key, 'complete', { data: { taxAmount: 1, approved: true } })).status).toBe(409);
    expect((await post(bed.ordnungsamt, key, 'complete', { data: {} })).status).toBe(403);
    expect((await post(bed.manager, key, 'complete', { data: {} })).status).toBe(403);
  });

  it('ends a task as gone when the engine no longer has its job, and says so', async () => {
    const { key, processInstanceKey } = await newDogTaxTask();
    await post(bed.kaemmerei, key, 'claim');
    await bed.engine.zbc.cancelProcessInstance(processInstanceKey);
    const response = await post(bed.kaemmerei, key, 'complete', { data: { taxAmount: 96, approved: true } });
    expect(response.status).toBe(409);
    expect(response.body).toMatchObject({ type: 'urn:amtsflow:problem:task-gone', detail: expect.stringMatching(/^Someone else completed it first, or the process no longer needs the task/) });
    expect(await auditActions(key)).toEqual(['task.created', 'task.claimed', 'task.gone']);
  });

  it('completes a task without a form without data, and refuses data for it', async () => {
    const processInstanceKey = await startInstance(bed, 'kenntnisnahme');
    const { key } = await taskOf(bed, processInstanceKey);
    await post(bed.kaemmerei, key, 'claim');
    const withData = await post(bed.kaemmerei, key, 'complete', { data: { anything: 1 } });
    expect(withData.status).toBe(422);
    expect(withData.body.type).toBe('urn:amtsflow:problem:task-has-no-form');
    const response = await post(bed.kaemmerei, key, 'complete', {});
    expect(response.status).toBe(200);
    expect(response.body.variables).toEqual({ completedBy: { id: bed.kaemmerei.userId, username: 'k-clerk', name: 'k-clerk' } });
    expect(activeElementIds(bed.engine, processInstanceKey)).toEqual([]);
  });

  it('tells the process who completed the task from the session: a clerk cannot sign as someone else', async () => {
    const processInstanceKey = await startInstance(bed, 'zeichnung');
    const { key } = await taskOf(bed, processInstanceKey);
    await post(bed.kaemmerei, key, 'claim');
    const response = await post(bed.kaemmerei, key, 'complete', {
      data: { pruefung: { ergebnis: 'SACHLICH_RICHTIG', geprueftVon: 'k-clerk-2' }, completedBy: { username: 'k-clerk-2' } },
    });
    expect(response.status).toBe(200);
    expect(response.body.variables.completedBy).toEqual({ id: bed.kaemmerei.userId, username: 'k-clerk', name: 'k-clerk' });
    const next = await activateOne(bed.engine, 'nach-zeichnung');
    expect(String(next.processInstanceKey)).toBe(processInstanceKey);
    expect(next.variables.pruefung).toEqual({ ergebnis: 'SACHLICH_RICHTIG', geprueftVon: 'k-clerk' });
  });

  it('refuses a body that is not the declared shape with 400', async () => {
    const { key } = await newDogTaxTask();
    await post(bed.kaemmerei, key, 'claim');
    for (const body of [{ data: 'text' }, { data: [] }, { variables: {} }]) {
      expect((await post(bed.kaemmerei, key, 'complete', body)).status).toBe(400);
    }
    expect((await as(bed.test, bed.kaemmerei, 'post', `/api/tasks/${key}/complete`).set('Content-Type', 'application/json').send('{"data":')).status).toBe(400);
  });
});
