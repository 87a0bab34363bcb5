/**
 * Deployed processes, forms and decision requirements graphs (DMN files), their files, and deploying new versions
 * (server: /api/processes, /api/forms, /api/decisions, /api/deployments).
 */
import { http } from '../../shared/http/http-client.js';

export interface DefinitionVersion {
  version: number;
  key: string;
  name: string | null;
  resourceName: string;
  deploymentKey: string;
  deployedAt: string;
  deployedBy: { id: string; username: string | null } | null;
  /** The decisions of a decision requirements graph's version. */
  decisions?: { id: string; name: string | null; key: string }[];
}

export interface Definition {
  id: string;
  latestVersion: number;
  versions: DefinitionVersion[];
}

export interface DeployedResource {
  resourceName: string;
  deploymentKey: string;
  definitions: { kind: string; key: string; id: string; name?: string; version: number }[];
}

export interface ResourceFile {
  name: string;
  content: string;
  type: string;
}

export const deploymentsApi = {
  processes: async () => (await http.request<{ processes: Definition[] }>('/api/processes')).processes,
  forms: async () => (await http.request<{ forms: Definition[] }>('/api/forms')).forms,
  decisions: async () => (await http.request<{ decisions: Definition[] }>('/api/decisions')).decisions,
  processXml: (processId: string, version: number) =>
    http.request<string>(`/api/processes/${encodeURIComponent(processId)}/versions/${version}/xml`, { read: 'text' }),
  decisionXml: (decisionRequirementsId: string, version: number) =>
    http.request<string>(`/api/decisions/${encodeURIComponent(decisionRequirementsId)}/versions/${version}/xml`, { read: 'text' }),
  formSchema: (formId: string, version: number) =>
    http.request<Record<string, unknown>>(`/api/forms/${encodeURIComponent(formId)}/versions/${version}/schema`),
  /** Deploys the files; a rejection is an ApiProblem whose `extensions.elements` name the elements at fault. */
  async deploy(files: readonly ResourceFile[]): Promise<DeployedResource[]> {
    const form = new FormData();
    for (const file of files) form.append('files', new Blob([file.content], { type: file.type }), file.name);
    return (await http.request<{ deployed: DeployedResource[] }>('/api/deployments', { method: 'POST', form })).deployed;
  },
};
