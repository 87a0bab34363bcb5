/** Process managers deploy BPMN, DMN and form files and browse what is deployed, with every version's file. */
import { requestOrigin } from '../audit/audit-log.js';
import { notFound } from '../http/problem.js';
import type { RouteModule } from '../server-context.js';
import { ResourceDeployer } from './deploy-resources.js';
import { DeploymentStore, type DefinitionKind } from './deployment-store.js';
import { MAX_FILES, MAX_RESOURCE_BYTES, readUploadedResources } from './uploaded-files.js';

const DEFINITION_SCHEMA = {
  type: 'object',
  properties: {
    kind: { enum: ['process', 'form', 'decision', 'decision-requirements'] },
    key: { type: 'string' },
    id: { type: 'string' },
    name: { type: 'string' },
    version: { type: 'integer' },
    parentKey: { type: 'string' },
  },
};

const VERSION_SCHEMA = {
  type: 'object',
  properties: {
    version: { type: 'integer' },
    key: { type: 'string' },
    name: { type: ['string', 'null'] },
    resourceName: { type: 'string' },
    deploymentKey: { type: 'string' },
    deployedAt: { type: 'string', format: 'date-time' },
    deployedBy: { type: ['object', 'null'], properties: { id: { type: 'string' }, username: { type: ['string', 'null'] } } },
    decisions: { type: 'array', items: { type: 'object', properties: { id: { type: 'string' }, name: { type: ['string', 'null'] }, key: { type: 'string' } } } },
  },
};

/** The three catalogues a process manager browses: each lists definitions with versions and serves any version's file. */
const CATALOGUES: { kind: DefinitionKind; collection: string; idParam: string; file: string; contentType: string; noun: string }[] = [
  { kind: 'process', collection: 'processes', idParam: 'bpmnProcessId', file: 'xml', contentType: 'application/xml', noun: 'process' },
  { kind: 'form', collection: 'forms', idParam: 'formId', file: 'schema', contentType: 'application/json', noun: 'form' },
  { kind: 'decision-requirements', collection: 'decisions', idParam: 'decisionRequirementsId', file: 'xml', contentType: 'application/xml', noun: 'decision requirements graph (DMN file)' },
];

export const deploymentRoutes: RouteModule = {
  name: 'deployments',
  register(routes, context) {
    const store = new DeploymentStore(context.sql);
    const deployer = new ResourceDeployer(context.zeebe, context.sql, store, context.audit);
    const maxBytes = Math.min(context.config.maxUploadBytes, MAX_FILES * MAX_RESOURCE_BYTES + 64 * 1024);

    routes.add({
      method: 'post', path: '/api/deployments', operationId: 'deployResources', tag: 'deployments', access: ['process-manager'],
      summary: 'Deploy BPMN, DMN and form files to the engine',
      description: `multipart/form-data with one or more file parts (any field name; \`files\` by convention), at most ${MAX_FILES} files of ${MAX_RESOURCE_BYTES} bytes each, named *.bpmn, *.xml, *.dmn or *.form, UTF-8. Deployed one file at a time, forms and decisions first; on a rejection the files before it stay deployed and are listed in the problem's \`deployed\`. A rejection is a 400 problem with the engine's message and \`elements\`: the element ids and messages parsed from it.`,
      body: { multipart: { type: 'object', properties: { files: { type: 'array', items: { type: 'string', contentMediaType: 'application/octet-stream' } } } }, maxBytes },
      responses: {
        201: { description: 'Deployed', schema: { type: 'object', properties: { deployed: { type: 'array', items: { type: 'object', properties: { resourceName: { type: 'string' }, deploymentKey: { type: 'string' }, definitions: { type: 'array', items: DEFINITION_SCHEMA } } } } } } },
        400: { description: 'A file is not deployable, or the engine rejected it', contentType: 'application/problem+json' },
        502: { description: 'The gateway answered with an unexpected error', contentType: 'application/problem+json' },
        503: { description: 'The gateway is unavailable', contentType: 'application/problem+json' },
      },
      async handler(req, res) {
        const resources = await readUploadedResources(req.body, req.get('content-type') ?? '');
        res.status(201).json({ deployed: await deployer.deploy(resources, requestOrigin(req)) });
      },
    });

    for (const catalogue of CATALOGUES) {
      routes.add({
        method: 'get', path: `/api/${catalogue.collection}`, operationId: `list${capitalised(catalogue.collection)}`, tag: 'deployments', access: ['process-manager'],
        summary: `Every deployed ${catalogue.noun} with its versions, newest first`,
        responses: { 200: { description: 'The definitions', schema: { type: 'object', properties: { [catalogue.collection]: { type: 'array', items: { type: 'object', properties: { id: { type: 'string' }, latestVersion: { type: 'integer' }, versions: { type: 'array', items: VERSION_SCHEMA } } } } } } } },
        handler: async (_req, res) => res.json({ [catalogue.collection]: await store.list(catalogue.kind) }),
      });

      routes.add({
        method: 'get', path: `/api/${catalogue.collection}/:${catalogue.idParam}/versions/:version/${catalogue.file}`,
        operationId: `download${capitalised(catalogue.collection)}File`, tag: 'deployments', access: ['process-manager'],
        summary: `The file one version of a ${catalogue.noun} was deployed from`,
        params: { [catalogue.idParam]: { type: 'string', minLength: 1, maxLength: 255 }, version: { type: 'string', pattern: '^[1-9][0-9]{0,8}$' } },
        responses: { 200: { description: 'The file as deployed', contentType: catalogue.contentType }, 404: { description: 'No such version', contentType: 'application/problem+json' } },
        async handler(_req, res, { params }) {
          const stored = await store.content(catalogue.kind, params[catalogue.idParam], Number(params.version));
          if (!stored) throw notFound(`No version ${params.version} of ${params[catalogue.idParam]} was deployed through this server.`);
          // attachment() sets a type from the file name's ending (.bpmn is unknown to it), so the type comes after it.
          res.attachment(stored.resourceName).type(catalogue.contentType).send(stored.content);
        },
      });
    }
  },
};

const capitalised = (word: string) => word[0].toUpperCase() + word.slice(1);
