/**
 * For process tests: the embedded engine with the built-in connectors the reference processes use (PDF, mail against a
 * local SMTP sink, XRechnung intake, HTTP), every reference resource deployed, and a clerk's task list that works
 * user tasks the way the server's does: as a job worker of type `io.camunda.zeebe:userTask`.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { JSONDoc, ZBClient } from 'zeebe-node';
import { startSmtpSink, type ReceivedMail, type SmtpSink } from '../../connectors/builtin/mail/testing/smtp-sink.js';
import { BUILTIN_MAIL_TEMPLATE_DIR, httpConnector, MailTemplateCatalog, mailConnector, pdfDocumentConnector, xrechnungIntakeConnector } from '../../connectors/index.js';
import { eventually, startConnectorTestBed, type ConnectorTestBed } from '../../connectors/testing/connector-test-bed.js';
import type { FormSchema, UploadedFile } from '../../forms/index.js';
import { PROCESS_MAIL_TEMPLATE_DIR, REFERENCE_PROCESSES, referenceResourceFiles } from '../index.js';
import { submittedThrough, type DeployedForms } from './form-submission.js';
import { UserTaskList } from './user-task-list.js';

export { eventually };

export interface ProcessTestBed {
  bed: ConnectorTestBed;
  zbc: ZBClient;
  smtp: SmtpSink;
  tasks: UserTaskList;
  /** Starts an instance with these variables, as a system or the staff would (no start form). */
  start(bpmnProcessId: string, variables: Record<string, unknown>): Promise<string>;
  /**
   * Starts a citizen service the way the portal does: the data is validated with the service's start form (forms/,
   * as the server does) and the instance gets the form's cleaned data plus what the portal adds (`aktenzeichen`, ...).
   * Throws with the field errors when the form refuses the data.
   */
  submit(bpmnProcessId: string, formData: Record<string, unknown>, portalVariables?: Record<string, unknown>, files?: Record<string, UploadedFile[]>): Promise<string>;
  /** The ids of the elements active in the instance now, sorted (multi-instance bodies and inner instances alike). */
  activeElements(processInstanceKey: string): string[];
  isActive(processInstanceKey: string): boolean;
  /** The instance's open incidents: element and message. */
  incidents(processInstanceKey: string): { elementId: string; errorType: string; errorMessage: string }[];
  /** Waits until the instance has ended and returns its variables as the exporter recorded them. */
  finished(processInstanceKey: string, timeoutMs?: number): Promise<Record<string, unknown>>;
  /** The instance's variables now (its root scope). */
  variables(processInstanceKey: string): Record<string, unknown>;
  /** Mails sent to an address, oldest first. */
  mailsTo(address: string): ReceivedMail[];
  destroy(): Promise<void>;
}

/** Deploys every reference resource; answers the forms by the key the engine gave them and by their id. */
export async function deployReferenceResources(zbc: ZBClient): Promise<DeployedForms> {
  const forms: DeployedForms = { byKey: new Map(), byId: new Map() };
  for (const file of referenceResourceFiles()) {
    const name = path.basename(file);
    const content = await readFile(file);
    if (!file.endsWith('.form')) {
      await zbc.deployResource({ name, process: content });
      continue;
    }
    const deployed = await zbc.deployResource({ name, form: content });
    const schema = JSON.parse(content.toString('utf8')) as FormSchema & { id: string };
    forms.byKey.set(String(deployed.deployments[0].form.formKey), schema);
    forms.byId.set(schema.id, schema);
  }
  return forms;
}


export interface ProcessTestBedOptions {
  /** Secrets as `AMTSFLOW_SECRET_<NAME>` would give them (e.g. the finance system's URL). */
  secretValues?: Record<string, string>;
}

export async function startProcessTestBed(options: ProcessTestBedOptions = {}): Promise<ProcessTestBed> {
  const smtp = await startSmtpSink();
  const templates = await MailTemplateCatalog.fromDirectories([BUILTIN_MAIL_TEMPLATE_DIR, PROCESS_MAIL_TEMPLATE_DIR]);
  const mail = mailConnector({
    smtp: { host: '127.0.0.1', port: smtp.port, secure: false, ignoreTLS: true },
    from: 'Stadt Leichlingen <noreply@leichlingen.de>',
    templates,
    retryBackoff: { initialMs: 10 },
  });
  const bed = await startConnectorTestBed([mail, pdfDocumentConnector(), xrechnungIntakeConnector, httpConnector()] as never, { secretValues: options.secretValues });
  const { zbc } = bed.engine;
  const forms = await deployReferenceResources(zbc);
  const tasks = new UserTaskList(zbc, forms);
  const state = () => bed.engine.running.engine.state;
  return {
    bed,
    zbc,
    smtp,
    tasks,
    async start(bpmnProcessId, variables) {
      const { processInstanceKey } = await zbc.createProcessInstance({ bpmnProcessId, variables: variables as JSONDoc });
      return processInstanceKey;
    },
    async submit(bpmnProcessId, formData, portalVariables = {}, files = {}) {
      const service = REFERENCE_PROCESSES.flatMap((each) => each.services).find((each) => each.bpmnProcessId === bpmnProcessId);
      const schema = service?.startFormId === undefined ? undefined : forms.byId.get(service.startFormId);
      if (!schema) throw new Error(`'${bpmnProcessId}' is no citizen service with a start form`);
      const variables = { ...submittedThrough(schema, formData, {}, files), ...portalVariables };
      const { processInstanceKey } = await zbc.createProcessInstance({ bpmnProcessId, variables: variables as JSONDoc });
      return processInstanceKey;
    },
    activeElements: (processInstanceKey) => [...state().elementInstances.values()]
      .filter((element) => String(element.processInstanceKey) === processInstanceKey && element.flowScopeKey !== -1)
      .map((element) => element.elementId).sort(),
    incidents: (processInstanceKey) => [...state().incidents.values()]
      .filter((incident) => String(incident.processInstanceKey) === processInstanceKey)
      .map(({ elementId, errorType, errorMessage }) => ({ elementId, errorType, errorMessage })),
    isActive: (processInstanceKey) => state().elementInstances.has(Number(processInstanceKey)),
    async finished(processInstanceKey, timeoutMs = 15_000) {
      await eventually(() => !state().elementInstances.has(Number(processInstanceKey)), timeoutMs);
      return eventually(async () => {
        const instance = await bed.engine.running.reads.processInstance(processInstanceKey);
        if (instance?.state !== 'COMPLETED') return undefined;
        const rows = await bed.engine.running.reads.variablesOf(processInstanceKey);
        return Object.fromEntries(rows.filter((row) => String(row.scopeKey) === processInstanceKey).map((row) => [row.name, JSON.parse(row.value)]));
      }, timeoutMs);
    },
    variables(processInstanceKey) {
      const scope = state().variables.get(Number(processInstanceKey)) ?? new Map();
      return Object.fromEntries([...scope].map(([name, variable]) => [name, variable.value]));
    },
    mailsTo: (address) => smtp.received.filter((mail) => mail.recipients.includes(address)),
    async destroy() {
      await bed.destroy();
      await smtp.close();
    },
  };
}
