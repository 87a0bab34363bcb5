/**
 * For task list tests: an embedded engine and a server on it with clerks of two departments, a process manager and
 * the admin signed in; user-task BPMN, a form, deployment through the server, and waiting for a task to show up.
 */
import type { JSONDoc } from 'zeebe-node';
import { bpmnProcess, eventually, sequence, startTestEngine, type TestEngine } from '../../engine/tests/harness.js';
import { readServerConfig, type ServerConfig, type TaskSyncConfig } from '../config.js';
import { ADMIN_PASSWORD, as, createStaff, signIn, startTestServer, type Credentials, type TestServer } from './test-server.js';

export interface TaskTestBed {
  engine: TestEngine;
  test: TestServer;
  /** Kämmerei clerks (two, to compete), an Ordnungsamt clerk, a process manager, the admin. */
  kaemmerei: Credentials;
  kaemmerei2: Credentials;
  ordnungsamt: Credentials;
  manager: Credentials;
  admin: Credentials;
  stop(): Promise<void>;
}

export interface TaskTestBedOptions {
  /** More server configuration. */
  config?: Partial<ServerConfig>;
  /** Hand the server the engine's exporter tables, as `npm start` does (the operations routes, the portal's status). */
  withOperationsSource?: boolean;
}

export async function startTaskTestBed(tasks: Partial<TaskSyncConfig> = {}, options: TaskTestBedOptions = {}): Promise<TaskTestBed> {
  const engine = await startTestEngine();
  const test = await startTestServer({
    gatewayAddress: engine.running.gatewayAddress,
    operationsSource: options.withOperationsSource ? engine.running.reads : undefined,
    config: { tasks: { ...readServerConfig({}).tasks, ...tasks }, ...options.config },
  });
  await createStaff(test.server, 'k-clerk', ['clerk'], ['kaemmerei']);
  await createStaff(test.server, 'k-clerk-2', ['clerk'], ['kaemmerei']);
  await createStaff(test.server, 'o-clerk', ['clerk'], ['ordnungsamt']);
  await createStaff(test.server, 'manager', ['process-manager']);
  return {
    engine,
    test,
    kaemmerei: await signIn(test, 'k-clerk'),
    kaemmerei2: await signIn(test, 'k-clerk-2'),
    ordnungsamt: await signIn(test, 'o-clerk'),
    manager: await signIn(test, 'manager'),
    admin: await signIn(test, 'admin', ADMIN_PASSWORD),
    async stop() {
      await test.stop();
      await engine.destroy();
    },
  };
}

/** The Kämmerei's form for setting the dog tax: a required amount, a short note, and a reason shown unless approved. */
export const DOG_TAX_FORM = {
  id: 'hundesteuer-festsetzung',
  type: 'default',
  components: [
    { id: 'amount', key: 'taxAmount', type: 'number', label: 'Steuerbetrag (EUR)', validate: { required: true, min: 0 } },
    { id: 'note', key: 'note', type: 'textfield', label: 'Vermerk', validate: { maxLength: 20 } },
    { id: 'approved', key: 'approved', type: 'checkbox', label: 'Geprüft' },
    { id: 'reason', key: 'reason', type: 'textfield', label: 'Grund', conditional: { hide: '=approved' }, validate: { required: true } },
  ],
};

export interface UserTaskOptions {
  name?: string;
  formId?: string;
  formKey?: string;
  candidateGroups?: string;
  candidateUsers?: string;
  assignee?: string;
  dueDate?: string;
  followUpDate?: string;
  /** More extension elements or content (boundary events go beside the task, see `withBoundaryTimer`). */
  extra?: string;
}

export function userTask(id: string, options: UserTaskOptions = {}): { id: string; xml: string } {
  const attributes = (pairs: Record<string, string | undefined>) =>
    Object.entries(pairs).filter(([, value]) => value !== undefined).map(([key, value]) => ` ${key}="${value}"`).join('');
  const form = options.formId !== undefined || options.formKey !== undefined
    ? `<zeebe:formDefinition${attributes({ formId: options.formId, formKey: options.formKey })} />` : '';
  const assignment = attributes({ candidateGroups: options.candidateGroups, candidateUsers: options.candidateUsers, assignee: options.assignee });
  const schedule = attributes({ dueDate: options.dueDate, followUpDate: options.followUpDate });
  return {
    id,
    xml: `<bpmn:userTask id="${id}"${options.name ? ` name="${options.name}"` : ''}><bpmn:extensionElements>${form}`
      + `${assignment ? `<zeebe:assignmentDefinition${assignment} />` : ''}${schedule ? `<zeebe:taskSchedule${schedule} />` : ''}`
      + `${options.extra ?? ''}</bpmn:extensionElements></bpmn:userTask>`,
  };
}

/** A process: start → the user task → end. */
export function userTaskProcess(processId: string, task: { id: string; xml: string }, processExtensions = ''): Buffer {
  const body = sequence(task);
  return bpmnProcess(processId, processExtensions ? `<bpmn:extensionElements>${processExtensions}</bpmn:extensionElements>${body}` : body);
}

/** Deploys files through the server's deployment route, as a process manager. */
export async function deploy(bed: TaskTestBed, files: { name: string; content: Buffer | string }[]): Promise<void> {
  let call = as(bed.test, bed.manager, 'post', '/api/deployments');
  for (const file of files) call = call.attach('files', Buffer.from(file.content), file.name);
  const response = await call;
  if (response.status !== 201) throw new Error(`Deployment failed: ${response.status} ${JSON.stringify(response.body)}`);
}

export async function startInstance(bed: TaskTestBed, bpmnProcessId: string, variables: JSONDoc = {}): Promise<string> {
  const created = await bed.engine.zbc.createProcessInstance({ bpmnProcessId, variables });
  return String(created.processInstanceKey);
}

export interface ListedTask {
  key: string;
  processInstanceKey: string;
  [field: string]: unknown;
}

/** The task of a process instance once the worker has recorded it, as the process manager's list shows it. */
export async function taskOf(bed: TaskTestBed, processInstanceKey: string): Promise<ListedTask> {
  return eventually(async () => {
    const response = await as(bed.test, bed.manager, 'get', '/api/tasks?limit=200');
    return (response.body.tasks as ListedTask[] | undefined)?.find((task) => task.processInstanceKey === processInstanceKey);
  }, 10_000);
}

/** The keys of the tasks a caller's list shows. */
export async function listedKeys(bed: TaskTestBed, who: Credentials, query = ''): Promise<string[]> {
  const response = await as(bed.test, who, 'get', `/api/tasks?limit=200${query}`);
  if (response.status !== 200) throw new Error(`Listing failed: ${response.status} ${JSON.stringify(response.body)}`);
  return (response.body.tasks as ListedTask[]).map((task) => task.key);
}
