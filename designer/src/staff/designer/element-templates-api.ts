/** The element templates of the connectors the platform runs (GET /api/element-templates). */
import { ApiProblem } from '../../shared/http/api-problem.js';
import { http } from '../../shared/http/http-client.js';
import type { ElementTemplate } from './modeler/element-templates/index.js';

export const elementTemplatesApi = {
  /** A server without the route yet (404) offers no templates rather than failing the modeler. */
  async list(): Promise<ElementTemplate[]> {
    try {
      const answer = await http.request<ElementTemplate[] | { templates: ElementTemplate[] }>('/api/element-templates');
      return Array.isArray(answer) ? answer : answer.templates;
    } catch (error) {
      if (error instanceof ApiProblem && error.status === 404) return [];
      throw error;
    }
  },
};
