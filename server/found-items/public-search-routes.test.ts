import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startTestServer, type TestServer } from '../tests/test-server.js';
import { FoundItemRegister, type FoundItemEntry } from './found-item-register.js';
import { placeWords } from './place-words.js';

let test: TestServer;
let register: FoundItemRegister;
const PUBLIC_FIELDS = ['aktenzeichen', 'category', 'description', 'foundOn', 'place'];

const find = (aktenzeichen: string, overrides: Partial<FoundItemEntry> = {}): FoundItemEntry => ({
  aktenzeichen, processInstanceKey: '2251799813685251', category: 'SCHLUESSEL', publicDescription: 'Schlüsselbund, drei Schlüssel',
  publicPlace: 'Innenstadt, Marktplatz', foundOn: '2026-11-20',
  // The finder's own words, which may name people; they feed the matching and are never answered.
  placeWords: placeWords('vor dem Haus von Familie Schmitz, Marktplatz 3'),
  ...overrides,
});

beforeAll(async () => {
  test = await startTestServer({ env: { AMTSFLOW_PORTAL_SEARCHES_PER_MINUTE: '40' } });
  register = new FoundItemRegister(test.server.context.sql);
  await register.recordFind(find('FUND-2026-000001'));
  await register.recordFind(find('FUND-2026-000002', { foundOn: '2026-11-22', publicPlace: 'Witzhelden', publicDescription: 'Autoschlüssel VW' }));
  await register.recordFind(find('FUND-2026-000003', { category: 'GELDBOERSE', publicDescription: 'rote Geldbörse', foundOn: '2026-11-21' }));
  await register.recordFind(find('FUND-2026-000004', { foundOn: '2026-11-25' }));
  await register.recordFind(find('FUND-2026-000005', { foundOn: '2026-11-26', publicPlace: '100%_Markt' }));
  await register.claim('FUND-2026-000004', 'FUND-V-1');
  await register.recordFind(find('FUND-2026-000006', { foundOn: '2026-11-27' }));
  await register.setState('FUND-2026-000006', 'handed-over');
}, 60_000);
afterAll(() => test.stop());

const search = (query: string) => test.http.get(`/api/portal/found-items${query}`);

describe('the public search of found items', () => {
  it('lists the stored finds newest first, with the public fields only and without signing in', async () => {
    const response = await search('');
    expect(response.status).toBe(200);
    expect(response.body.total).toBe(4);
    expect(response.body.items.map((item: { aktenzeichen: string }) => item.aktenzeichen)).toEqual(['FUND-2026-000005', 'FUND-2026-000002', 'FUND-2026-000003', 'FUND-2026-000001']);
    for (const item of response.body.items) expect(Object.keys(item).sort()).toEqual(PUBLIC_FIELDS);
    expect(response.body.items[3]).toEqual({ aktenzeichen: 'FUND-2026-000001', category: 'SCHLUESSEL', description: 'Schlüsselbund, drei Schlüssel', place: 'Innenstadt, Marktplatz', foundOn: '2026-11-20' });
    expect(response.text).not.toMatch(/schmitz|familie|2251799813685251/i);
  });

  it('leaves out finds that were claimed, handed over or became someone\'s property', async () => {
    const listed = (await search('?limit=50')).body.items.map((item: { aktenzeichen: string }) => item.aktenzeichen);
    expect(listed).not.toContain('FUND-2026-000004');
    expect(listed).not.toContain('FUND-2026-000006');
  });

  it('filters by category, part of the published place and the days found, and never by the finder\'s own words', async () => {
    const keys = async (query: string) => (await search(query)).body.items.map((item: { aktenzeichen: string }) => item.aktenzeichen);
    expect(await keys('?category=SCHLUESSEL')).toEqual(['FUND-2026-000005', 'FUND-2026-000002', 'FUND-2026-000001']);
    expect(await keys('?place=witzhelDEN')).toEqual(['FUND-2026-000002']);
    expect(await keys('?place=Schmitz')).toEqual([]);
    expect(await keys('?place=100%25_')).toEqual(['FUND-2026-000005']);
    expect(await keys('?place=0%25')).toEqual(['FUND-2026-000005']);
    expect(await keys('?foundFrom=2026-11-21&foundTo=2026-11-22')).toEqual(['FUND-2026-000002', 'FUND-2026-000003']);
  });

  it('pages with offset and limit and counts every match', async () => {
    const page = await search('?limit=2&offset=2');
    expect(page.body).toMatchObject({ total: 4, offset: 2, limit: 2 });
    expect(page.body.items.map((item: { aktenzeichen: string }) => item.aktenzeichen)).toEqual(['FUND-2026-000003', 'FUND-2026-000001']);
  });

  it('refuses a page larger than 50, a malformed day or category and unknown parameters with field errors', async () => {
    const response = await search('?limit=51&foundFrom=20.11.2026&category=schlüssel&finder=x');
    expect(response.status).toBe(400);
    expect(response.body.errors.map((error: { pointer: string }) => error.pointer).sort()).toEqual(expect.arrayContaining(['#/query/category', '#/query/foundFrom', '#/query/limit']));
  });

  it('is documented in the OpenAPI document', async () => {
    const document = (await test.http.get('/api/openapi.json')).body;
    expect(document.paths['/api/portal/found-items'].get.operationId).toBe('searchFoundItems');
  });

  it('limits the searches per client address', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 40; i++) statuses.push((await search('?category=TIER')).status);
    expect(statuses).toContain(429);
    const refused = await search('');
    expect(refused.status).toBe(429);
    expect(refused.headers['content-type']).toContain('application/problem+json');
  });
});
