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
import { PROCESS_MAIL_TEMPLATE_DIR, referenceResourceFiles } from '../index.js';
import { UserTaskList } from './user-task-list.js';

export { eventually };

export interface ProcessTestBed {
  bed: ConnectorTestBed;
  zbc: ZBClient;
  smtp: SmtpSink;
  tasks: UserTaskList;
  start(bpmnProcessId: string, variables: Record<string, unknown>): Promise<string>;
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

export async function deployReferenceResources(zbc: ZBClient): Promise<void> {
  for (const file of referenceResourceFiles()) {
    const name = path.basename(file);
    const content = await readFile(file);
    await (file.endsWith('.form') ? zbc.deployResource({ name, form: content }) : zbc.deployResource({ name, process: content }));
  }
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
  await deployReferenceResources(zbc);
  const tasks = new UserTaskList(zbc);
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
