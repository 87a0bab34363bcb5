import { around, bpmnDocument, parseProcess, parseProcesses, rejection } from './bpmn-test-documents.js';

const userTask = (extensions: string) =>
  around('review', `<bpmn:userTask id="review" name="Antrag prüfen"><bpmn:extensionElements>${extensions}</bpmn:extensionElements></bpmn:userTask>`);

const EMBEDDED_FORM = '{"id":"dog-review","components":[{"type":"checkbox","key":"approved","label":"Genehmigt"}]}';

describe('user tasks', () => {
  it('maps a linked form, assignment and schedule', async () => {
    const process = await parseProcess(bpmnDocument(userTask(`
      <zeebe:formDefinition formId="dog-review"/>
      <zeebe:assignmentDefinition assignee="=applicant.clerk" candidateGroups="kaemmerei, ordnungsamt" candidateUsers="=reviewers"/>
      <zeebe:taskSchedule dueDate="2025-03-01T12:00:00Z" followUpDate="=now() + duration(&quot;P7D&quot;)"/>`)));
    expect(process.elements.review).toMatchObject({
      kind: 'userTask',
      name: 'Antrag prüfen',
      userTask: {
        formId: 'dog-review',
        assignee: { kind: 'feel', source: 'applicant.clerk' },
        candidateGroups: { kind: 'static', value: 'kaemmerei, ordnungsamt' },
        candidateUsers: { kind: 'feel', source: 'reviewers' },
        dueDate: { kind: 'static', value: '2025-03-01T12:00:00Z' },
        followUpDate: { kind: 'feel', source: 'now() + duration("P7D")' },
      },
    });
  });

  it('maps an embedded form: the task refers to it by form key, the form text goes into embeddedForms', async () => {
    const xml = bpmnDocument(userTask('<zeebe:formDefinition formKey="camunda-forms:bpmn:userTaskForm_1"/>'), {
      processExtensions: `<zeebe:userTaskForm id="userTaskForm_1">${EMBEDDED_FORM}</zeebe:userTaskForm>`,
    });
    const [parsed] = await parseProcesses(xml);
    expect(parsed!.process.elements.review!.userTask).toEqual({ formKey: 'camunda-forms:bpmn:userTaskForm_1' });
    expect(parsed!.embeddedForms).toEqual({ userTaskForm_1: EMBEDDED_FORM });
  });

  it('maps a custom form key as it is', async () => {
    const process = await parseProcess(bpmnDocument(userTask('<zeebe:formDefinition formKey="portal:dog-review"/>')));
    expect(process.elements.review!.userTask).toEqual({ formKey: 'portal:dog-review' });
  });

  it('maps a user task without extensions to an empty user task definition', async () => {
    const process = await parseProcess(bpmnDocument(around('review', '<bpmn:userTask id="review"/>')));
    expect(process.elements.review!.userTask).toEqual({});
  });

  it('rejects an embedded form key that refers to no form of the process', async () => {
    expect(await rejection(bpmnDocument(userTask('<zeebe:formDefinition formKey="camunda-forms:bpmn:missing"/>'))))
      .toBe("- Element: review > extensionElements > formDefinition\n    - ERROR: Form key 'camunda-forms:bpmn:missing' refers to no 'zeebe:userTaskForm' with id 'missing' in the process");
  });

  it('rejects a form definition with both a form id and a form key', async () => {
    expect(await rejection(bpmnDocument(userTask('<zeebe:formDefinition formId="a" formKey="b"/>'))))
      .toContain("ERROR: Exactly one of the attributes 'formId' or 'formKey' must be present and not empty");
  });

  it('rejects form bindings other than latest as not supported yet', async () => {
    expect(await rejection(bpmnDocument(userTask('<zeebe:formDefinition formId="a" bindingType="deployment"/>'))))
      .toContain("ERROR: Binding type 'deployment' is not supported yet; only 'latest' is");
  });

  it('rejects a Camunda user task (zeebe:userTask), which is not served as a job', async () => {
    expect(await rejection(bpmnDocument(userTask('<zeebe:userTask/>'))))
      .toBe("- Element: review\n    - ERROR: Element 'review' of type 'bpmn:UserTask' with 'zeebe:userTask' is not supported yet");
  });
});
