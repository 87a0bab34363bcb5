import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startTestServer, type TestServer } from '../tests/test-server.js';
import { SYSTEM_ACTOR } from './audit-log.js';

let test: TestServer;
beforeAll(async () => {
  test = await startTestServer();
});
afterAll(() => test.stop());

describe('the audit log', () => {
  it('lists the newest entry first also when the ids pass a power of ten, and pages on from the cursor', async () => {
    const { audit } = test.server.context;
    for (let n = 1; n <= 12; n++) await audit.record({ actor: SYSTEM_ACTOR, action: 'test.counted', details: { n } });
    const first = await audit.list({ action: 'test.counted', limit: 5 });
    expect(first.entries.map((entry) => entry.details.n)).toEqual([12, 11, 10, 9, 8]);
    const second = await audit.list({ action: 'test.counted', limit: 5, before: first.nextCursor! });
    expect(second.entries.map((entry) => entry.details.n)).toEqual([7, 6, 5, 4, 3]);
  });
});
