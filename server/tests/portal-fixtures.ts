/**
 * For portal tests: an embedded engine and a server on it (with the engine's exporter tables as operations source),
 * staff signed in, and the dog registration service: a process whose start event links a form with a file picker,
 * then a Kämmerei user task, deployed through the server and published; and a process that asks for documents later.
 */
import { bpmnProcess, sequence } from '../../engine/tests/harness.js';
import type { ServerConfig } from '../config.js';
import { as } from './test-server.js';
import { startTaskTestBed, userTask, type TaskTestBed } from './task-fixtures.js';

export const DOG_SERVICE_FORM = {
  id: 'hund-anmelden-form',
  type: 'default',
  components: [
    { id: 'name', key: 'halterName', type: 'textfield', label: 'Name', validate: { required: true, maxLength: 100 } },
    { id: 'weight', key: 'gewicht', type: 'number', label: 'Gewicht (kg)', validate: { min: 0, max: 150 } },
    { id: 'proof', key: 'impfnachweis', type: 'filepicker', label: 'Impfnachweis', accept: '.pdf,image/png' },
  ],
};

export const PDF_BYTES = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');
export const PNG_BYTES = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(32, 1)]);

/** start (linking the form) → a Kämmerei task → end. */
export function serviceProcess(processId: string, formId = DOG_SERVICE_FORM.id): Buffer {
  const body = sequence(userTask('pruefen', { name: 'Anmeldung prüfen', candidateGroups: 'kaemmerei' }))
    .replace('<bpmn:startEvent id="start" />', `<bpmn:startEvent id="start"><bpmn:extensionElements><zeebe:formDefinition formId="${formId}" /></bpmn:extensionElements></bpmn:startEvent>`);
  return bpmnProcess(processId, body);
}

/** The message by which `processAskingForDocuments` takes documents handed in later. */
export const DOCUMENTS_MESSAGE = 'unterlagen-nachgereicht';

/**
 * start (the dog form) → a first check → waits for documents (`DOCUMENTS_MESSAGE`, by reference number) → a second
 * check → waits for documents again → end: a message correlated twice would end the case.
 */
export function processAskingForDocuments(processId: string, formId = DOG_SERVICE_FORM.id): Buffer {
  const waiting = (id: string) => ({ id, xml: `<bpmn:intermediateCatchEvent id="${id}"><bpmn:messageEventDefinition messageRef="unterlagenMessage" /></bpmn:intermediateCatchEvent>` });
  const body = sequence(
    userTask('pruefen', { name: 'Prüfen', candidateGroups: 'kaemmerei' }), waiting('warten'),
    userTask('nachpruefen', { name: 'Nachgereichtes prüfen', candidateGroups: 'kaemmerei' }), waiting('wartenErneut'),
  ).replace('<bpmn:startEvent id="start" />', `<bpmn:startEvent id="start"><bpmn:extensionElements><zeebe:formDefinition formId="${formId}" /></bpmn:extensionElements></bpmn:startEvent>`);
  return bpmnProcess(processId, body,
    `<bpmn:message id="unterlagenMessage" name="${DOCUMENTS_MESSAGE}"><bpmn:extensionElements><zeebe:subscription correlationKey="=submissionReference" /></bpmn:extensionElements></bpmn:message>`);
}

export type PortalTestBed = TaskTestBed;

/** The task list's test bed, with the engine's exporter tables handed to the server as `npm start` does. */
export function startPortalTestBed(options: { config?: Partial<ServerConfig> } = {}): Promise<PortalTestBed> {
  return startTaskTestBed({}, { config: options.config, withOperationsSource: true });
}

/** Deploys the form and the process through the server and publishes the process as a service. */
export async function publishDogService(bed: PortalTestBed, processId = 'hund-anmelden', referencePrefix = 'HUND'): Promise<void> {
  const deployed = await as(bed.test, bed.manager, 'post', '/api/deployments')
    .attach('files', Buffer.from(JSON.stringify(DOG_SERVICE_FORM)), 'hund-anmelden.form')
    .attach('files', serviceProcess(processId), `${processId}.bpmn`);
  if (deployed.status !== 201) throw new Error(`Deployment failed: ${deployed.status} ${JSON.stringify(deployed.body)}`);
  const published = await as(bed.test, bed.manager, 'post', '/api/services')
    .send({ processId, title: 'Hund anmelden', description: 'Hundesteuer-Anmeldung', referencePrefix });
  if (published.status !== 201) throw new Error(`Publishing failed: ${published.status} ${JSON.stringify(published.body)}`);
}
