/**
 * The form a service is filled in with: the form its process's latest version (deployed through this server) links
 * at its none start event, by form id (its latest deployed version) or embedded in the process. `formKey` names the
 * exact form version, so a submission can say which one the citizen was shown. A form `forms/` cannot judge
 * (`checkSchema`) is not offered at all.
 */
import { checkSchema, type FormSchema } from '../../forms/index.js';
import type { DeploymentStore } from '../deployments/deployment-store.js';
import type { ProcessModelReader } from '../tasks/process-model-reader.js';
import type { TaskFormResolver } from '../tasks/task-forms.js';

export interface ServiceForm {
  kind: 'form';
  bpmnProcessId: string;
  processDefinitionKey: string;
  processVersion: number;
  /** The exact form version: `form:<form key>` for a linked form, `embedded:<process definition key>:<id>` for an embedded one. */
  formKey: string;
  schema: Record<string, unknown>;
  /** The messages that process version catches: a service's `laterDocuments` message must be one of them. */
  messagesCaught: ReadonlySet<string>;
}

export type ServiceFormLookup = ServiceForm | { kind: 'unavailable'; reason: string };

const CACHED_FORMS = 100;

export class ServiceFormResolver {
  /** Lookups by process id and deployment generation (`ServiceStore.withDeploymentGeneration`): valid until the next deployment. */
  private readonly cache = new Map<string, Promise<ServiceFormLookup>>();

  constructor(
    private readonly deployments: DeploymentStore,
    private readonly models: ProcessModelReader,
    private readonly forms: TaskFormResolver,
  ) {}

  /** The form, worked out once per deployment generation when one is given. */
  formOf(bpmnProcessId: string, deploymentGeneration?: string): Promise<ServiceFormLookup> {
    if (deploymentGeneration === undefined) return this.lookUp(bpmnProcessId);
    const key = `${bpmnProcessId}@${deploymentGeneration}`;
    let lookup = this.cache.get(key);
    if (lookup === undefined) {
      lookup = this.lookUp(bpmnProcessId);
      if (this.cache.size >= CACHED_FORMS) this.cache.delete(this.cache.keys().next().value!);
      this.cache.set(key, lookup);
      lookup.catch(() => this.cache.delete(key));
    }
    return lookup;
  }

  private async lookUp(bpmnProcessId: string): Promise<ServiceFormLookup> {
    const process = await this.deployments.latest('process', bpmnProcessId);
    if (process === undefined) return unavailable(`The process "${bpmnProcessId}" was not deployed through this server.`);
    const model = await this.models.model(process.key, bpmnProcessId);
    const link = model?.startForm;
    if (link === undefined) return unavailable(`Version ${process.version} of "${bpmnProcessId}" has no start event that links a form.`);
    let formKey = link.formKey;
    if (link.formId !== undefined) {
      formKey = (await this.deployments.latest('form', link.formId))?.key;
      if (formKey === undefined) return unavailable(`The start form "${link.formId}" was not deployed through this server.`);
    }
    const form = await this.forms.formOf({ formKey: formKey ?? null, processDefinitionKey: process.key, bpmnProcessId });
    if (form.kind !== 'form') return unavailable(form.kind === 'unavailable' ? form.reason : 'The start event links no form.');
    const problems = checkSchema(form.schema as unknown as FormSchema);
    if (problems.length > 0) return unavailable(`The start form cannot be validated here: ${problems.slice(0, 3).map((problem) => problem.message).join('; ')}`);
    return {
      kind: 'form', bpmnProcessId, processDefinitionKey: process.key, processVersion: process.version, formKey: form.cacheKey, schema: form.schema,
      messagesCaught: model!.messagesCaught,
    };
  }
}

function unavailable(reason: string): ServiceFormLookup {
  return { kind: 'unavailable', reason };
}
