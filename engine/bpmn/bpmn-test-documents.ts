/** Builders of small BPMN documents for the tests of this folder. */
import { parseBpmnResource } from './parse-bpmn-resource.js';
import type { ExecutableProcess, ParsedProcess } from './model.js';

const NAMESPACES = [
  'xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"',
  'xmlns:zeebe="http://camunda.org/schema/zeebe/1.0"',
  'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"',
].join(' ');

/**
 * A definitions document with one executable process holding `content`; `rootElements` (messages, signals, errors,
 * escalations) stand beside the process.
 */
export function bpmnDocument(content: string, { processId = 'dog-registration', processExtensions = '', rootElements = '' } = {}): string {
  const extensions = processExtensions && `<bpmn:extensionElements>${processExtensions}</bpmn:extensionElements>`;
  return `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions ${NAMESPACES} id="Definitions_1" targetNamespace="http://bpmn.io/schema/bpmn">${rootElements}
  <bpmn:process id="${processId}" name="Hund anmelden" isExecutable="true">${extensions}
${content}
  </bpmn:process>
</bpmn:definitions>`;
}

export const startEvent = (id = 'start') => `<bpmn:startEvent id="${id}"/>`;
export const endEvent = (id = 'end') => `<bpmn:endEvent id="${id}"/>`;

export function flow(id: string, sourceId: string, targetId: string, condition?: string): string {
  const body = condition === undefined
    ? ''
    : `<bpmn:conditionExpression xsi:type="bpmn:tFormalExpression">${condition}</bpmn:conditionExpression>`;
  return `<bpmn:sequenceFlow id="${id}" sourceRef="${sourceId}" targetRef="${targetId}">${body}</bpmn:sequenceFlow>`;
}

export function serviceTask(id: string, extensions = '<zeebe:taskDefinition type="check-dog"/>', tag = 'serviceTask'): string {
  return `<bpmn:${tag} id="${id}"><bpmn:extensionElements>${extensions}</bpmn:extensionElements></bpmn:${tag}>`;
}

/** `<bpmn:${tag} id="${id}" ${attributes}>${definition}</bpmn:${tag}>`, e.g. an intermediate catch event with a timer. */
export function event(tag: string, id: string, definition = '', attributes = ''): string {
  return `<bpmn:${tag} id="${id}" ${attributes}>${definition}</bpmn:${tag}>`;
}

export function timer(kind: 'timeDate' | 'timeDuration' | 'timeCycle', value: string): string {
  return `<bpmn:timerEventDefinition><bpmn:${kind}>${value}</bpmn:${kind}></bpmn:timerEventDefinition>`;
}

/** A `bpmn:message` with a `zeebe:subscription` when `correlationKey` is given. */
export function message(id: string, name: string, correlationKey?: string): string {
  const subscription = correlationKey === undefined
    ? ''
    : `<bpmn:extensionElements><zeebe:subscription correlationKey="${correlationKey}"/></bpmn:extensionElements>`;
  return `<bpmn:message id="${id}" name="${name}">${subscription}</bpmn:message>`;
}

export const signal = (id: string, name: string) => `<bpmn:signal id="${id}" name="${name}"/>`;
export const error = (id: string, code: string) => `<bpmn:error id="${id}" errorCode="${code}"/>`;
export const escalation = (id: string, code: string) => `<bpmn:escalation id="${id}" escalationCode="${code}"/>`;

/** start → `middle` (the element with id `middleId`) → end, wired with flows. */
export function around(middleId: string, middle: string): string {
  return [startEvent(), middle, endEvent(), flow('f1', 'start', middleId), flow('f2', middleId, 'end')].join('\n');
}

export async function parseProcesses(xml: string | Buffer): Promise<ParsedProcess[]> {
  const result = await parseBpmnResource(xml, 'test.bpmn');
  if (!result.ok) throw new Error(`expected the resource to parse, but: ${result.failure.message}`);
  return result.value.processes;
}

export async function parseProcess(xml: string | Buffer): Promise<ExecutableProcess> {
  const [parsed] = await parseProcesses(xml);
  return parsed!.process;
}

export async function rejection(xml: string | Buffer): Promise<string> {
  const result = await parseBpmnResource(xml, 'test.bpmn');
  if (result.ok) throw new Error('expected the resource to be rejected, but it parsed');
  return result.failure.message;
}
