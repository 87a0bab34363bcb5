import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import pino from 'pino';
import { activeElementIds, eventually } from '../../engine/tests/harness.js';
import { readServerConfig } from '../config.js';
import { DOCUMENTS_MESSAGE as MESSAGE, PDF_BYTES, PNG_BYTES, processAskingForDocuments, publishDogService, startPortalTestBed, type PortalTestBed } from '../tests/portal-fixtures.js';
import { as } from '../tests/test-server.js';
import { LaterDocumentsStore } from './later-documents-store.js';
import { LaterDocumentsSettler } from './later-documents-settler.js';

let bed: PortalTestBed;
beforeAll(async () => {
  // The server's own settling waits a day, so only the settler made here acts.
  bed = await startPortalTestBed({ config: { portal: { ...readServerConfig({}).portal, resumeAfterMs: 24 * 3_600_000 } } });
  await publishDogService(bed);
  const deployed = await as(bed.test, bed.manager, 'post', '/api/deployments').attach('files', processAskingForDocuments('unterlagen'), 'unterlagen.bpmn');
  expect(deployed.status).toBe(201);
  const published = await as(bed.test, bed.manager, 'post', '/api/services')
    .send({ processId: 'unterlagen', title: 'Mit Nachreichung', referencePrefix: 'UNT', laterDocuments: { message: MESSAGE, variable: 'unterlagen' } });
  expect(published.status).toBe(201);
  expect(published.body.laterDocuments).toEqual({ message: MESSAGE, variable: 'unterlagen' });
}, 60_000);
afterAll(async () => bed.stop());

const sql = () => bed.test.server.context.sql;

async function apply(serviceId = 'unterlagen'): Promise<{ reference: string; statusToken: string; instanceKey: string }> {
  const response = await bed.test.http.post(`/api/portal/services/${serviceId}/submissions`).send({ data: { halterName: 'Nina Nachreich' } });
  expect(response.status).toBe(201);
  const [row] = await sql().query<{ process_instance_key: string }>('SELECT process_instance_key FROM portal_submissions WHERE reference = $1', [response.body.reference]);
  return { reference: response.body.reference, statusToken: response.body.statusToken, instanceKey: row.process_instance_key };
}

const taskKeyOf = (instanceKey: string, elementId: string) => eventually(async () => (await sql().query<{ job_key: string }>(
  `SELECT job_key FROM tasks WHERE process_instance_key = $1 AND element_id = $2 AND state = 'open'`, [instanceKey, elementId]))[0]?.job_key, 10_000);

async function completeTask(instanceKey: string, elementId: string): Promise<void> {
  const taskKey = await taskKeyOf(instanceKey, elementId);
  expect((await as(bed.test, bed.kaemmerei, 'post', `/api/tasks/${taskKey}/claim`)).status).toBe(200);
  expect((await as(bed.test, bed.kaemmerei, 'post', `/api/tasks/${taskKey}/complete`).send({})).status).toBe(200);
}

const handIn = (statusToken: string, headers: Record<string, string> = {}) => bed.test.http.post(`/api/portal/submissions/${statusToken}/documents`).set(headers);
const status = async (statusToken: string) => (await bed.test.http.get(`/api/portal/submissions/${statusToken}`)).body;

describe('handing in documents later', () => {
  it('hands the files to the waiting case as the declared message, shows them to the clerk and the citizen, and once only on a retry', async () => {
    const { statusToken, instanceKey } = await apply();
    expect((await status(statusToken)).acceptsLaterDocuments).toBe(true);
    await completeTask(instanceKey, 'pruefen');

    const headers = { 'Idempotency-Key': 'later-documents-0123456789' };
    const send = () => handIn(statusToken, headers).attach('files', PDF_BYTES, 'fuehrungszeugnis.pdf').attach('files', PNG_BYTES, { filename: 'sachkunde.png', contentType: 'application/pdf' });
    const response = await send();
    expect(response.status).toBe(201);
    const references = [
      { id: expect.any(String), name: 'fuehrungszeugnis.pdf', contentType: 'application/pdf', size: PDF_BYTES.length },
      { id: expect.any(String), name: 'sachkunde.png', contentType: 'image/png', size: PNG_BYTES.length },
    ];
    expect(response.body).toEqual({ reference: expect.stringMatching(/^UNT-\d{4}-\d{6}$/), handedInAt: expect.any(String), files: references });

    const taskKey = await taskKeyOf(instanceKey, 'nachpruefen');
    const task = await as(bed.test, bed.kaemmerei, 'get', `/api/tasks/${taskKey}`);
    expect(task.body.variables.unterlagen).toEqual(response.body.files);
    expect(task.body.attachments).toEqual(response.body.files.map((file: { id: string }) => ({ ...file, href: `/api/tasks/${taskKey}/attachments/${file.id}` })));
    const download = await as(bed.test, bed.kaemmerei, 'get', `/api/tasks/${taskKey}/attachments/${response.body.files[0].id}`).buffer(true);
    expect(Buffer.from(download.body)).toEqual(PDF_BYTES);
    expect((await status(statusToken)).attachments.map((file: { name: string }) => file.name)).toEqual(['fuehrungszeugnis.pdf', 'sachkunde.png']);

    // A retry gets the same answer and publishes nothing more; the same key for other files is refused.
    const again = await send();
    expect(again.status).toBe(201);
    expect(again.body).toEqual(response.body);
    const other = await handIn(statusToken, headers).attach('files', PDF_BYTES, 'anderes.pdf');
    expect(other.status).toBe(422);
    expect((await status(statusToken)).attachments).toHaveLength(2);
    const audit = await as(bed.test, bed.admin, 'get', `/api/admin/audit?targetId=${response.body.reference}`);
    expect(audit.body.entries.map((entry: { action: string }) => entry.action)).toContain('submission.documents-handed-in');
  });

  it('refuses an unknown link, no files, and files that are no accepted type, with field errors, storing nothing', async () => {
    const { statusToken } = await apply();
    expect((await handIn('A'.repeat(43)).attach('files', PDF_BYTES, 'a.pdf')).status).toBe(404);
    const none = await handIn(statusToken).field('note', 'x');
    expect(none.status).toBe(400);
    const exe = await handIn(statusToken).attach('files', Buffer.from('MZ\u0090\u0000\u0003'), 'virus.pdf');
    expect(exe.status).toBe(400);
    expect(exe.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(exe.body.errors).toEqual([expect.objectContaining({ pointer: '/files/files', detail: expect.stringContaining('virus.pdf') })]);
    const disguised = await handIn(statusToken).attach('files', PNG_BYTES, 'bild.pdf');
    expect(disguised.status).toBe(400);
    const large = await handIn(statusToken).attach('files', Buffer.concat([PDF_BYTES, Buffer.alloc(5 * 1024 * 1024)]), 'big.pdf');
    expect(large.status).toBe(413);
    expect((await status(statusToken)).attachments).toEqual([]);
  });

  it('publishes a service for documents only by a message its process catches', async () => {
    const typo = await as(bed.test, bed.manager, 'post', '/api/services')
      .send({ processId: 'unterlagen', title: 'Mit Nachreichung', referencePrefix: 'UNT', laterDocuments: { message: 'unterlagen-nachgereich', variable: 'unterlagen' } });
    expect(typo.status).toBe(409);
    expect(typo.body.type).toBe('urn:amtsflow:problem:later-documents-message-unknown');
    expect((await as(bed.test, bed.manager, 'get', '/api/services')).body.services.find((each: { id: string }) => each.id === 'unterlagen').laterDocuments)
      .toEqual({ message: MESSAGE, variable: 'unterlagen' });
  });

  it('refuses documents for a service that takes none, and for a closed case', async () => {
    const withoutMessage = await apply('hund-anmelden');
    expect((await status(withoutMessage.statusToken)).acceptsLaterDocuments).toBe(false);
    const refused = await handIn(withoutMessage.statusToken).attach('files', PDF_BYTES, 'a.pdf');
    expect(refused.status).toBe(409);
    expect(refused.body.type).toBe('urn:amtsflow:problem:later-documents-not-accepted');

    const closing = await apply();
    await bed.engine.zbc.cancelProcessInstance(closing.instanceKey);
    await eventually(async () => (await status(closing.statusToken)).state === 'rejected');
    expect((await status(closing.statusToken)).acceptsLaterDocuments).toBe(false);
    const closed = await handIn(closing.statusToken).attach('files', PDF_BYTES, 'a.pdf');
    expect(closed.status).toBe(409);
    expect(closed.body.type).toBe('urn:amtsflow:problem:case-closed');
  });
});

describe('after a crash', () => {
  it('publishes documents left pending, and a second publish of the same hand-in never correlates twice', async () => {
    const { reference, statusToken, instanceKey } = await apply();
    await completeTask(instanceKey, 'pruefen');
    const [submission] = await sql().query<{ id: string }>('SELECT id::text AS id FROM portal_submissions WHERE reference = $1', [reference]);
    const laterDocuments = new LaterDocumentsStore(sql());
    const id = randomUUID();
    // As a crash leaves it: stored, the message asked for ten seconds ago and perhaps published, no answer recorded.
    await sql().transaction((tx) => laterDocuments.insertPending(tx, {
      id, submissionId: submission.id, messageName: MESSAGE, variable: 'unterlagen', correlationKey: reference, idempotencyKeySha256: null, requestSha256: null,
      files: [{ id: randomUUID(), key: 'files', name: 'nachweis.pdf', contentType: 'application/pdf', content: PDF_BYTES, sha256: 'x' }],
    }));
    await sql().query(`UPDATE portal_later_documents SET attempted_at = now() - interval '10 seconds' WHERE id = $1`, [id]);
    const settler = new LaterDocumentsSettler({
      store: laterDocuments, zeebe: bed.test.server.context.zeebe, logger: pino({ level: 'silent' }), config: { resumeAfterMs: 1000 },
    });
    expect(await settler.settleStale()).toBe(1);
    const taskKey = await taskKeyOf(instanceKey, 'nachpruefen');
    const task = await as(bed.test, bed.kaemmerei, 'get', `/api/tasks/${taskKey}`);
    expect(task.body.variables.unterlagen).toEqual([{ id: expect.any(String), name: 'nachweis.pdf', contentType: 'application/pdf', size: PDF_BYTES.length }]);

    // The crash came after the engine took the message: publishing it again is a duplicate; the case waits on.
    await sql().query(`UPDATE portal_later_documents SET state = 'pending', attempted_at = now() - interval '10 seconds' WHERE id = $1`, [id]);
    await completeTask(instanceKey, 'nachpruefen');
    await eventually(() => activeElementIds(bed.engine, instanceKey).includes('wartenErneut'));
    expect(await settler.settleStale()).toBe(1);
    const [row] = await sql().query<{ state: string }>('SELECT state FROM portal_later_documents WHERE id = $1', [id]);
    expect(row.state).toBe('published');
    expect((await status(statusToken)).state).not.toBe('completed');
    expect(activeElementIds(bed.engine, instanceKey)).toContain('wartenErneut');
    // While documents handed in anew end it.
    expect((await handIn(statusToken).attach('files', PDF_BYTES, 'noch-einer.pdf')).status).toBe(201);
    await eventually(async () => (await status(statusToken)).state === 'completed');
  });
});
