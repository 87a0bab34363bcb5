/**
 * The public search of found items (Fundsachen), for the citizen portal: no sign-in, rate-limited per client
 * address, paged, and answering only the fields the register keeps for the public.
 */
import type { ApiRoutes } from '../http/api-routes.js';
import { perAddressRateLimit } from '../http/rate-limit.js';
import type { ServerContext } from '../server-context.js';
import type { FoundItemRegister, PublicSearch } from './found-item-register.js';

export const MAX_PAGE_SIZE = 50;

const PUBLIC_FOUND_ITEM_SCHEMA = {
  type: 'object',
  additionalProperties: false,
  properties: {
    aktenzeichen: { type: 'string', description: 'The find\'s number, to name when asking the Fundbüro', examples: ['FUND-2026-000123'] },
    category: { type: 'string', description: 'Category code as in the Fundanzeige form', examples: ['SCHLUESSEL'] },
    description: { type: 'string', description: 'What the Fundbüro publishes about the item (no identifying features)' },
    place: { type: 'string', description: 'Where it was found, coarsely (district or street)' },
    foundOn: { type: 'string', format: 'date' },
  },
};

export function registerPublicSearchRoute(routes: ApiRoutes, context: ServerContext, register: FoundItemRegister): void {
  const searchRateLimit = perAddressRateLimit(context.config.portal.searchesPerMinute, 'Too many searches from this address; wait a minute.');
  routes.add({
    method: 'get', path: '/api/portal/found-items', operationId: 'searchFoundItems', tag: 'portal', access: 'public',
    summary: 'Search the items the Fundbüro keeps: by category, place and the day they were found; newest find first',
    description: [
      'Lists the finds stored in the Fundbüro (not those handed over, disposed of, or owned by their finder or the city).',
      'Only public fields: no finder, no contact, no identifying features; an owner proves ownership in person.',
      `\`place\` matches part of the published place, case-insensitively. \`total\` counts every match; page with \`offset\` and \`limit\` (at most ${MAX_PAGE_SIZE}).`,
      'Rate-limited per client address.',
    ].join(' '),
    before: [searchRateLimit],
    query: {
      type: 'object',
      additionalProperties: false,
      properties: {
        category: { type: 'string', pattern: '^[A-Z_]{2,40}$', description: 'Category code, e.g. SCHLUESSEL' },
        place: { type: 'string', minLength: 1, maxLength: 100, description: 'Part of the place, e.g. Marktplatz' },
        foundFrom: { type: 'string', format: 'date', description: 'Found on or after this day' },
        foundTo: { type: 'string', format: 'date', description: 'Found on or before this day' },
        offset: { type: 'integer', minimum: 0, maximum: 10_000, default: 0 },
        limit: { type: 'integer', minimum: 1, maximum: MAX_PAGE_SIZE, default: 20 },
      },
    },
    responses: {
      200: {
        description: 'One page of found items',
        schema: {
          type: 'object',
          properties: { items: { type: 'array', items: PUBLIC_FOUND_ITEM_SCHEMA }, total: { type: 'integer' }, offset: { type: 'integer' }, limit: { type: 'integer' } },
        },
      },
    },
    async handler(_req, res, { query }) {
      const search = query as unknown as PublicSearch;
      const { items, total } = await register.search(search);
      res.set('Cache-Control', 'no-cache').json({ items, total, offset: search.offset, limit: search.limit });
    },
  });
}
