/**
 * The element templates of the connectors that run, for the designer's modeler: a process manager picks a template
 * and the task gets the connector's job type, inputs and headers. The templates come from the composition that runs
 * the connectors (`npm start`), which passes this module to `startServer`.
 */
import type { ElementTemplate } from '../../connectors/index.js';
import type { RouteModule } from '../server-context.js';

/** Resolves with the templates to serve; asked on every request, so it may change while the server runs. */
export type ElementTemplateSource = () => Promise<readonly ElementTemplate[]> | readonly ElementTemplate[];

export function elementTemplateRoutes(source: ElementTemplateSource): RouteModule {
  return {
    name: 'element-templates',
    register(routes) {
      routes.add({
        method: 'get', path: '/api/element-templates', operationId: 'listElementTemplates', tag: 'deployments', access: ['process-manager'],
        summary: 'The element templates of the connectors that run',
        description: 'Camunda element templates (each names its `$schema`), one per connector, generated from its declaration.',
        responses: { 200: { description: 'The templates, as a JSON array', schema: { type: 'array', items: { type: 'object', required: ['id', 'name', 'version'] } } } },
        async handler(_req, res) {
          res.json(await source());
        },
      });
    },
  };
}
