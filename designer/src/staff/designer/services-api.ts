/** The portal's public services: which processes citizens can start (server: /api/services). */
import { http } from '../../shared/http/http-client.js';

export interface PortalService {
  /** The BPMN process id. */
  id: string;
  title: string;
  description: string;
  referencePrefix: string;
  published: boolean;
  updatedAt: string;
}

export interface ServiceToPublish {
  processId: string;
  title: string;
  description: string;
  referencePrefix: string;
}

export const servicesApi = {
  list: async () => (await http.request<{ services: PortalService[] }>('/api/services')).services,
  /** A process without a usable start form or a prefix in use is an ApiProblem (409) saying so. */
  publish: (service: ServiceToPublish) => http.request<PortalService>('/api/services', { method: 'POST', json: service }),
  withdraw: (processId: string) => http.request<void>(`/api/services/${encodeURIComponent(processId)}/withdraw`, { method: 'POST', read: 'none' }),
};
