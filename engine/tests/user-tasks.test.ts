import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { bpmnProcess, sequence, startTestEngine, type TestEngine } from './harness.js';

let engine: TestEngine;
beforeAll(async () => {
  engine = await startTestEngine();
});
afterAll(async () => engine.destroy());

const form = (id: string) => Buffer.from(JSON.stringify({ id, type: 'default', components: [{ type: 'textfield', key: 'name', label: 'Name' }] }));

describe('user tasks as io.camunda.zeebe:userTask jobs', () => {
  it("carries the linked form's key, assignee, candidate groups and due date in Zeebe's reserved headers", async () => {
    const { zbc } = engine;
    const deployedForm = await zbc.deployResource({ name: 'pruefung.form', form: form('pruefung') });
    expect(deployedForm.deployments[0].form).toMatchObject({ formId: 'pruefung', version: 1 });
    const task = `<bpmn:userTask id="review"><bpmn:extensionElements>
      <zeebe:formDefinition formId="pruefung" />
      <zeebe:assignmentDefinition assignee="=clerk" candidateGroups="kaemmerei, ordnungsamt" />
      <zeebe:taskSchedule dueDate="=dueAt" />
    </bpmn:extensionElements></bpmn:userTask>`;
    await zbc.deployResource({ name: 'review.bpmn', process: bpmnProcess('reviewing', sequence({ id: 'review', xml: task })) });
    await zbc.createProcessInstance({ bpmnProcessId: 'reviewing', variables: { clerk: 'mueller', dueAt: '2026-12-01T12:00:00Z' } });
    const [job] = await zbc.activateJobs({ type: 'io.camunda.zeebe:userTask', worker: 'tasklist', maxJobsToActivate: 1, timeout: 60000, requestTimeout: 2000 });
    expect(job.customHeaders).toEqual({
      'io.camunda.zeebe:formKey': deployedForm.deployments[0].form.formKey,
      'io.camunda.zeebe:assignee': 'mueller',
      'io.camunda.zeebe:candidateGroups': '["kaemmerei","ordnungsamt"]',
      'io.camunda.zeebe:dueDate': '2026-12-01T12:00:00Z',
    });
  });

  it('raises an incident when the linked form was never deployed, and continues once it is', async () => {
    const { zbc } = engine;
    const task = '<bpmn:userTask id="review"><bpmn:extensionElements><zeebe:formDefinition formId="spaeter" /></bpmn:extensionElements></bpmn:userTask>';
    await zbc.deployResource({ name: 'later.bpmn', process: bpmnProcess('later', sequence({ id: 'review', xml: task })) });
    const instance = await zbc.createProcessInstance({ bpmnProcessId: 'later', variables: {} });
    const [incident] = [...engine.running.engine.state.incidents.values()].filter((i) => String(i.processInstanceKey) === instance.processInstanceKey);
    expect(incident.errorType).toBe('FORM_NOT_FOUND');
    await zbc.deployResource({ name: 'spaeter.form', form: form('spaeter') });
    await zbc.resolveIncident({ incidentKey: String(incident.key) });
    const jobs = await zbc.activateJobs({ type: 'io.camunda.zeebe:userTask', worker: 'tasklist', maxJobsToActivate: 10, timeout: 60000, requestTimeout: 2000 });
    expect(jobs.map((j) => j.processInstanceKey)).toContain(instance.processInstanceKey);
  });
});
