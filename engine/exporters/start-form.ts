/** The form a process's none start event links, as the resources exporter stores it beside the process definition. */
import { EMBEDDED_FORM_KEY_PREFIX } from '../bpmn/map-form-link.js';
import type { EmbeddedForms, ExecutableProcess } from '../bpmn/model.js';

export interface StartFormColumns {
  formId: string | null;
  formKey: string | null;
  /** The schema of a form embedded in the process (`camunda-forms:bpmn:<id>`); null otherwise. */
  schema: string | null;
}

export function startFormColumns(model: ExecutableProcess, embeddedForms: EmbeddedForms): StartFormColumns {
  const startEventId = model.elements[model.bpmnProcessId].noneStartEventId;
  const form = startEventId === undefined ? undefined : model.elements[startEventId].startForm;
  const embeddedId = form?.formKey?.startsWith(EMBEDDED_FORM_KEY_PREFIX) ? form.formKey.slice(EMBEDDED_FORM_KEY_PREFIX.length) : undefined;
  return {
    formId: form?.formId ?? null,
    formKey: form?.formKey ?? null,
    schema: embeddedId === undefined ? null : embeddedForms[embeddedId] ?? null,
  };
}
