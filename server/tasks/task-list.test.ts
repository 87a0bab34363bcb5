/**
 * The task list on the embedded engine: user-task jobs become tasks for their candidate groups and users, which
 * clerks list (filtered, sorted, paged) and open with their form, variables and attachments.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { as } from '../tests/test-server.js';
import {
  deploy, DOG_TAX_FORM, listedKeys, startInstance, startTaskTestBed, taskOf, userTask, userTaskProcess, type TaskTestBed,
} from '../tests/task-fixtures.js';

let bed: TaskTestBed;

beforeAll(async () => {
  bed = await startTaskTestBed();
  await deploy(bed, [
    { name: 'hundesteuer-festsetzung.form', content: JSON.stringify(DOG_TAX_FORM) },
    { name: 'hundesteuer.bpmn', content: userTaskProcess('hundesteuer', userTask('festsetzen', { name: 'Hundesteuer festsetzen', formId: DOG_TAX_FORM.id, candidateGroups: 'kaemmerei' })) },
  ]);
});
afterAll(() => bed.stop());

describe('who sees a task', () => {
  let key: string;
  beforeAll(async () => {
    key = (await taskOf(bed, await startInstance(bed, 'hundesteuer', { dogName: 'Bello', breed: 'Dackel' }))).key;
  });

  it('lists a Kämmerei task for a Kämmerei clerk and the process manager, not for an Ordnungsamt clerk', async () => {
    expect(await listedKeys(bed, bed.kaemmerei)).toContain(key);
    expect(await listedKeys(bed, bed.manager)).toContain(key);
    expect(await listedKeys(bed, bed.ordnungsamt)).not.toContain(key);
  });

  it('refuses the task to an Ordnungsamt clerk and to the admin, and the list to the admin', async () => {
    expect((await as(bed.test, bed.ordnungsamt, 'get', `/api/tasks/${key}`)).status).toBe(403);
    expect((await as(bed.test, bed.admin, 'get', `/api/tasks/${key}`)).status).toBe(403);
    expect((await as(bed.test, bed.admin, 'get', '/api/tasks')).status).toBe(403);
    expect((await as(bed.test, undefined, 'get', '/api/tasks')).status).toBe(401);
  });

  it('opens the task with its name, form, the instance\'s variables, no attachments and what the clerk may do', async () => {
    const response = await as(bed.test, bed.kaemmerei, 'get', `/api/tasks/${key}`);
    expect(response.status).toBe(200);
    expect(response.body.task).toMatchObject({
      key, state: 'open', name: 'Hundesteuer festsetzen', bpmnProcessId: 'hundesteuer', elementId: 'festsetzen',
      candidateGroups: ['kaemmerei'], candidateUsers: [], assignee: null,
      actions: { claim: true, unclaim: false, assign: true, complete: false },
    });
    expect(response.body.form.schema).toEqual(DOG_TAX_FORM);
    expect(response.body.variables).toEqual({ dogName: 'Bello', breed: 'Dackel' });
    expect(response.body.attachments).toEqual([]);
  });

  it('answers 404 for a task that does not exist', async () => {
    expect((await as(bed.test, bed.kaemmerei, 'get', '/api/tasks/2251799813999999')).status).toBe(404);
    expect((await as(bed.test, bed.kaemmerei, 'get', '/api/tasks/not-a-key')).status).toBe(404);
  });

  it('records each task once, audited as created by the system', async () => {
    const audit = await as(bed.test, bed.admin, 'get', `/api/admin/audit?action=task.created&targetId=${key}`);
    expect(audit.body.entries).toHaveLength(1);
    expect(audit.body.entries[0]).toMatchObject({ actor: { kind: 'system' }, details: { bpmnProcessId: 'hundesteuer', candidateGroups: ['kaemmerei'] } });
  });
});

describe('candidate users and assignees from the process', () => {
  it('shows a task naming a clerk as candidate user to that clerk, whatever their department', async () => {
    await deploy(bed, [{ name: 'fund.bpmn', content: userTaskProcess('fundsache', userTask('pruefen', { candidateGroups: 'fundbuero', candidateUsers: 'O-Clerk, someone-else' })) }]);
    const task = await taskOf(bed, await startInstance(bed, 'fundsache'));
    expect(task.candidateUsers).toEqual(['o-clerk', 'someone-else']);
    expect(await listedKeys(bed, bed.ordnungsamt)).toContain(task.key);
    expect(await listedKeys(bed, bed.kaemmerei)).not.toContain(task.key);
  });

  it('takes the assignee from the process and shows the task to them', async () => {
    await deploy(bed, [{ name: 'zugewiesen.bpmn', content: userTaskProcess('zugewiesen', userTask('bearbeiten', { candidateGroups: 'fundbuero', assignee: 'k-clerk-2' })) }]);
    const task = await taskOf(bed, await startInstance(bed, 'zugewiesen'));
    expect(task).toMatchObject({ assignee: 'k-clerk-2', assigneeName: 'k-clerk-2' });
    expect(await listedKeys(bed, bed.kaemmerei2, '&assignee=me')).toContain(task.key);
    expect(await listedKeys(bed, bed.kaemmerei)).not.toContain(task.key);
  });
});

describe('filters, sorting and paging', () => {
  const keys: Record<string, string> = {};
  beforeAll(async () => {
    await deploy(bed, [
      { name: 'fristen.bpmn', content: userTaskProcess('fristen', userTask('frist', { candidateGroups: 'kaemmerei', dueDate: '=due', followUpDate: '=due' })) },
      { name: 'ohne-frist.bpmn', content: userTaskProcess('ohne-frist', userTask('offen', { candidateGroups: 'kaemmerei,ordnungsamt' })) },
    ]);
    keys.march = (await taskOf(bed, await startInstance(bed, 'fristen', { due: '2030-03-01T09:00:00Z' }))).key;
    keys.january = (await taskOf(bed, await startInstance(bed, 'fristen', { due: '2030-01-15T09:00:00Z' }))).key;
    keys.february = (await taskOf(bed, await startInstance(bed, 'fristen', { due: '2030-02-01T10:00:00+01:00' }))).key;
    keys.none = (await taskOf(bed, await startInstance(bed, 'ohne-frist'))).key;
  });

  it('reads due and follow-up dates from the job, with their offsets', async () => {
    const response = await as(bed.test, bed.kaemmerei, 'get', `/api/tasks/${keys.february}`);
    expect(response.body.task).toMatchObject({ dueDate: '2030-02-01T09:00:00.000Z', followUpDate: '2030-02-01T09:00:00.000Z' });
  });

  it('sorts by due date, tasks without one last, in either order', async () => {
    const ascending = await listedKeys(bed, bed.kaemmerei, '&sort=due&candidateGroup=kaemmerei');
    const wanted = [keys.january, keys.february, keys.march, keys.none];
    expect(ascending.filter((key) => wanted.includes(key))).toEqual(wanted);
    const descending = await listedKeys(bed, bed.kaemmerei, '&sort=due&order=desc');
    expect(descending.filter((key) => wanted.includes(key))).toEqual([keys.march, keys.february, keys.january, keys.none]);
  });

  it('sorts by creation', async () => {
    const created = await listedKeys(bed, bed.kaemmerei, '&sort=created&order=desc');
    const wanted = [keys.none, keys.february, keys.january, keys.march];
    expect(created.filter((key) => wanted.includes(key))).toEqual(wanted);
  });

  it('filters by process, due window and department', async () => {
    expect(await listedKeys(bed, bed.kaemmerei, '&process=ohne-frist')).toEqual([keys.none]);
    expect(await listedKeys(bed, bed.kaemmerei, '&process=fristen&dueAfter=2030-01-20T00:00:00Z&dueBefore=2030-03-01T09:00:00Z')).toEqual([keys.february]);
    expect(await listedKeys(bed, bed.ordnungsamt, '&candidateGroup=ordnungsamt')).toEqual([keys.none]);
    // A filter narrows what the caller may see; it never shows another department's tasks.
    expect(await listedKeys(bed, bed.ordnungsamt, '&candidateGroup=kaemmerei')).toEqual([keys.none]);
  });

  it('pages with the total of all matches', async () => {
    const first = await as(bed.test, bed.kaemmerei, 'get', '/api/tasks?process=fristen&limit=2');
    const second = await as(bed.test, bed.kaemmerei, 'get', '/api/tasks?process=fristen&limit=2&offset=2');
    expect(first.body).toMatchObject({ total: 3, offset: 0, limit: 2 });
    expect(second.body).toMatchObject({ total: 3, offset: 2, limit: 2 });
    expect([...first.body.tasks, ...second.body.tasks].map((task: { key: string }) => task.key)).toEqual([keys.january, keys.february, keys.march]);
  });

  it('filters by assignee: mine, unassigned, anyone', async () => {
    expect((await as(bed.test, bed.kaemmerei, 'post', `/api/tasks/${keys.march}/claim`)).status).toBe(200);
    expect(await listedKeys(bed, bed.kaemmerei, '&process=fristen&assignee=me')).toEqual([keys.march]);
    expect(await listedKeys(bed, bed.kaemmerei, '&process=fristen&assignee=unassigned')).toEqual([keys.january, keys.february]);
    expect(await listedKeys(bed, bed.kaemmerei2, '&process=fristen&assignee=anyone')).toEqual([keys.january, keys.february, keys.march]);
  });

  it('refuses unknown or malformed filters with 400', async () => {
    for (const query of ['assignee=bob', 'sort=name', 'limit=0', 'limit=201', 'dueBefore=tomorrow', 'colour=red', 'offset=-1']) {
      const response = await as(bed.test, bed.kaemmerei, 'get', `/api/tasks?${query}`);
      expect({ query, status: response.status }).toEqual({ query, status: 400 });
    }
  });
});

describe('the case\'s Aktenzeichen', () => {
  const keys: Record<string, string> = {};
  beforeAll(async () => {
    await deploy(bed, [{ name: 'akten.bpmn', content: userTaskProcess('akten', userTask('bearbeiten', { name: 'Antrag bearbeiten', candidateGroups: 'kaemmerei' })) }]);
    keys.bello = (await taskOf(bed, await startInstance(bed, 'akten', { aktenzeichen: 'HUND-2026-000001' }))).key;
    keys.rex = (await taskOf(bed, await startInstance(bed, 'akten', { aktenzeichen: 'HUND-2026-000002' }))).key;
    keys.invoice = (await taskOf(bed, await startInstance(bed, 'akten', { aktenzeichen: 'RECH-2026-000010' }))).key;
    keys.none = (await taskOf(bed, await startInstance(bed, 'akten'))).key;
  });

  it('shows the Aktenzeichen on each task in the list and on the task, and none for a case without one', async () => {
    const listed = await as(bed.test, bed.kaemmerei, 'get', '/api/tasks?process=akten&sort=created');
    expect(listed.body.tasks.map((task: { key: string; aktenzeichen: string | null }) => [task.key, task.aktenzeichen])).toEqual([
      [keys.bello, 'HUND-2026-000001'], [keys.rex, 'HUND-2026-000002'], [keys.invoice, 'RECH-2026-000010'], [keys.none, null],
    ]);
    expect((await as(bed.test, bed.kaemmerei, 'get', `/api/tasks/${keys.rex}`)).body.task).toMatchObject({ aktenzeichen: 'HUND-2026-000002' });
  });

  it('finds tasks by their whole Aktenzeichen or its beginning, in any case, alongside the other filters', async () => {
    expect(await listedKeys(bed, bed.kaemmerei, '&aktenzeichen=HUND-2026-000002')).toEqual([keys.rex]);
    expect(await listedKeys(bed, bed.kaemmerei, '&aktenzeichen=hund-2026&sort=created')).toEqual([keys.bello, keys.rex]);
    expect(await listedKeys(bed, bed.kaemmerei, '&aktenzeichen=rech&process=akten')).toEqual([keys.invoice]);
    expect(await listedKeys(bed, bed.kaemmerei, '&aktenzeichen=RECH&process=fristen')).toEqual([]);
    expect(await listedKeys(bed, bed.kaemmerei, '&aktenzeichen=2026')).toEqual([]);
    // It narrows what the caller may see: the Ordnungsamt finds no Kämmerei case by its Aktenzeichen.
    expect(await listedKeys(bed, bed.ordnungsamt, '&aktenzeichen=HUND-2026-000001')).toEqual([]);
  });

  it('refuses a blank or overlong Aktenzeichen with 400', async () => {
    for (const query of ['aktenzeichen=', 'aktenzeichen=%20%20', `aktenzeichen=${'A'.repeat(101)}`]) {
      const response = await as(bed.test, bed.kaemmerei, 'get', `/api/tasks?${query}`);
      expect({ query, status: response.status }).toEqual({ query, status: 400 });
    }
  });
});

describe('forms', () => {
  it('serves a form embedded in the process', async () => {
    const embedded = { id: 'pruefung', type: 'default', components: [{ id: 'ok', key: 'ok', type: 'checkbox', label: 'In Ordnung' }] };
    const extension = `<zeebe:userTaskForm id="pruefForm">${JSON.stringify(embedded).replaceAll('&', '&amp;').replaceAll('<', '&lt;')}</zeebe:userTaskForm>`;
    await deploy(bed, [{ name: 'eingebettet.bpmn', content: userTaskProcess('eingebettet', userTask('pruefen', { formKey: 'camunda-forms:bpmn:pruefForm', candidateGroups: 'kaemmerei' }), extension) }]);
    const task = await taskOf(bed, await startInstance(bed, 'eingebettet'));
    const response = await as(bed.test, bed.kaemmerei, 'get', `/api/tasks/${task.key}`);
    expect(response.body.form).toEqual({ key: 'camunda-forms:bpmn:pruefForm', schema: embedded });
  });

  it('says why a form of another application cannot be shown, and refuses to complete without it', async () => {
    await deploy(bed, [{ name: 'fremd.bpmn', content: userTaskProcess('fremdformular', userTask('pruefen', { formKey: 'fachverfahren:pruefung', candidateGroups: 'kaemmerei' })) }]);
    const task = await taskOf(bed, await startInstance(bed, 'fremdformular'));
    const opened = await as(bed.test, bed.kaemmerei, 'get', `/api/tasks/${task.key}`);
    expect(opened.body.form).toBeNull();
    expect(opened.body.formProblem).toMatch(/another application/);
    await as(bed.test, bed.kaemmerei, 'post', `/api/tasks/${task.key}/claim`);
    const completed = await as(bed.test, bed.kaemmerei, 'post', `/api/tasks/${task.key}/complete`).send({ data: {} });
    expect(completed.status).toBe(409);
    expect(completed.body.type).toBe('urn:amtsflow:problem:form-unavailable');
  });
});
