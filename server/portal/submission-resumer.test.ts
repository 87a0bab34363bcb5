import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import pino from 'pino';
import { readServerConfig } from '../config.js';
import { publishDogService, startPortalTestBed, type PortalTestBed } from '../tests/portal-fixtures.js';
import { startTestServer } from '../tests/test-server.js';
import { LaterDocumentsStore } from './later-documents-store.js';
import { SubmissionResumer } from './submission-resumer.js';
import { SubmissionStore } from './submission-store.js';

let bed: PortalTestBed;
let store: SubmissionStore;
beforeAll(async () => {
  // The server's own settling waits a day, so only the resumers made here act.
  bed = await startPortalTestBed({ config: { portal: { ...readServerConfig({}).portal, resumeAfterMs: 24 * 3_600_000 } } });
  await publishDogService(bed);
  store = new SubmissionStore(bed.test.server.context.sql);
}, 60_000);
afterAll(async () => bed.stop());

/** A submission as a crash leaves it: pending, its instance asked for ten seconds ago or not at all. */
async function leftPending(): Promise<{ id: string; reference: string }> {
  const { sql } = bed.test.server.context;
  const [process] = await sql.query<{ key: string; version: number }>(`SELECT key, version FROM definitions WHERE kind = 'process' AND definition_id = 'hund-anmelden'`);
  const id = randomUUID();
  const { reference } = await store.insertPending(sql, {
    id, serviceId: 'hund-anmelden', referencePrefix: 'HUND', statusTokenSha256: randomUUID(), idempotencyKeySha256: null, requestSha256: null, tokenSalt: null,
    processDefinitionKey: process.key, bpmnProcessId: 'hund-anmelden', processVersion: process.version, formKey: 'form:1', data: { halterName: 'Abgestürzt' }, files: [],
  }, 2026);
  await sql.query(`UPDATE portal_submissions SET attempted_at = now() - interval '10 seconds' WHERE id = $1`, [id]);
  return { id, reference };
}

function resumer(withSource: boolean): SubmissionResumer {
  const { context } = bed.test.server;
  return new SubmissionResumer({
    sql: context.sql, store, laterDocuments: new LaterDocumentsStore(context.sql), audit: context.audit, zeebe: context.zeebe, logger: pino({ level: 'silent' }),
    source: withSource ? bed.engine.running.reads : undefined, config: { resumeAfterMs: 1000, resumeIntervalMs: 1000 },
  });
}

const rowOf = async (id: string) => (await bed.test.server.context.sql.query<{ state: string; process_instance_key: string | null }>(
  'SELECT state, process_instance_key FROM portal_submissions WHERE id = $1', [id]))[0];
const instancesOf = (id: string) => bed.engine.running.reads.findInstancesByVariable('submissionId', JSON.stringify(id));

describe('settling submissions a crash left pending', () => {
  it('confirms the instance the first attempt started, and starts no second one', async () => {
    const { id, reference } = await leftPending();
    const { processInstanceKey } = await bed.engine.zbc.createProcessInstance({ bpmnProcessId: 'hund-anmelden', variables: { submissionId: id, submissionReference: reference } });
    expect(await resumer(true).settleStale()).toBe(1);
    expect(await rowOf(id)).toEqual({ state: 'confirmed', process_instance_key: String(processInstanceKey) });
    expect(await instancesOf(id)).toEqual([String(processInstanceKey)]);
  });

  it('starts the instance when the first attempt never reached the engine, once, and audits it', async () => {
    const { id, reference } = await leftPending();
    expect(await resumer(true).settleStale()).toBe(1);
    expect(await resumer(true).settleStale()).toBe(0);
    const instances = await instancesOf(id);
    expect(instances).toHaveLength(1);
    expect(await rowOf(id)).toEqual({ state: 'confirmed', process_instance_key: instances[0] });
    const [entry] = await bed.test.server.context.audit.list({ targetId: reference, limit: 5 }).then((page) => page.entries);
    expect(entry).toMatchObject({ action: 'submission.received', actor: { kind: 'system' }, details: { settledAfterRestart: true, instanceExisted: false } });
  });

  it('marks it unconfirmed, starting nothing, where no exporter tables can tell (a remote Zeebe)', async () => {
    const { id } = await leftPending();
    expect(await resumer(false).settleStale()).toBe(1);
    expect(await rowOf(id)).toEqual({ state: 'unconfirmed', process_instance_key: null });
    expect(await instancesOf(id)).toEqual([]);
  });

  it('leaves a submission alone while its own request may still be waiting for the engine', async () => {
    const { id } = await leftPending();
    await bed.test.server.context.sql.query('UPDATE portal_submissions SET attempted_at = now() WHERE id = $1', [id]);
    expect(await resumer(true).settleStale()).toBe(0);
    expect((await rowOf(id)).state).toBe('pending');
  });
});

describe('the submission rate limit', () => {
  it('refuses more submissions from one address than configured per minute', async () => {
    const test = await startTestServer({ config: { portal: { ...readServerConfig({}).portal, submissionsPerMinute: 2 } } });
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 3; i++) statuses.push((await test.http.post('/api/portal/services/keiner/submissions').send({ data: {} })).status);
      expect(statuses).toEqual([404, 404, 429]);
    } finally {
      await test.stop();
    }
  });
});
