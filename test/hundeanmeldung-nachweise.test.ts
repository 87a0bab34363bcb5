/**
 * The Hundeanmeldung's Nachforderung answered through the portal: the seeded service, the real mail connector (into
 * an SMTP sink), the citizen's status link. The Ordnungsamt asks for proofs, the citizen hands them in by the status
 * link, the waiting instance receives them, and the Ordnungsamt's next task shows them as attachments.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pino from 'pino';
import { startSmtpSink, type SmtpSink } from '../connectors/builtin/mail/testing/smtp-sink.js';
import {
  BUILTIN_MAIL_TEMPLATE_DIR, environmentSecretProvider, FileSystemDocumentStore, MailTemplateCatalog, mailConnector, startConnectorRuntime, type ConnectorRuntime,
} from '../connectors/index.js';
import { eventually } from '../engine/tests/harness.js';
import { PROCESS_MAIL_TEMPLATE_DIR, referenceBundles } from '../processes/index.js';
import { seedBundles } from '../server/seeding/seed-bundles.js';
import { PDF_BYTES, startPortalTestBed, type PortalTestBed } from '../server/tests/portal-fixtures.js';
import { as } from '../server/tests/test-server.js';

let bed: PortalTestBed;
let smtp: SmtpSink;
let connectors: ConnectorRuntime;
let documentDir: string;
beforeAll(async () => {
  bed = await startPortalTestBed();
  await seedBundles(bed.test.server.context, referenceBundles().filter((bundle) => bundle.name === 'hundeanmeldung'));
  smtp = await startSmtpSink();
  documentDir = await mkdtemp(path.join(os.tmpdir(), 'amtsflow-nachweise-'));
  connectors = startConnectorRuntime({
    connectors: [mailConnector({
      smtp: { host: '127.0.0.1', port: smtp.port, secure: false, ignoreTLS: true },
      from: 'Stadt Leichlingen <noreply@leichlingen.de>',
      templates: await MailTemplateCatalog.fromDirectories([BUILTIN_MAIL_TEMPLATE_DIR, PROCESS_MAIL_TEMPLATE_DIR]),
    })] as never,
    gatewayAddress: bed.engine.running.gatewayAddress,
    secrets: environmentSecretProvider({}),
    documents: new FileSystemDocumentStore(documentDir),
    logger: pino({ level: 'silent' }),
  });
}, 90_000);
afterAll(async () => {
  await connectors.stop();
  await smtp.close();
  await bed.stop();
  await rm(documentDir, { recursive: true, force: true });
});

const EMAIL = 'erika.schmitz@example.org';
/** A Labrador of 57 cm and 30 kg: a §11 dog, so the Ordnungsamt checks the Anzeige. */
const APPLICATION = {
  owner: { salutation: 'Frau', firstName: 'Erika', lastName: 'Schmitz', birthDate: '1980-04-01', email: EMAIL, street: 'Am Büscherhof 1', postalCode: '42799', city: 'Leichlingen', language: 'de' },
  dogs: [{ name: 'Bello', breed: 'Andere', breedOther: 'Labrador Retriever', sex: 'weiblich', birthDate: '2024-03-01', heightCm: 57, weightKg: 30, chipNumber: '276098106123456', insurer: 'Provinzial', policyNumber: 'HV-1' }],
  keptSince: '2026-01-01',
  dogsAlreadyRegistered: 0,
  sepaMandate: false,
  consent: true,
};

async function ordnungsamtTask(instanceKey: string): Promise<string> {
  return eventually(async () => (await bed.test.server.context.sql.query<{ job_key: string }>(
    `SELECT job_key FROM tasks WHERE process_instance_key = $1 AND element_id = 'NachweisePruefen' AND state = 'open'`, [instanceKey]))[0]?.job_key, 15_000);
}

describe('the Hundeanmeldung\'s missing proofs, handed in through the portal', () => {
  it('reaches the waiting instance, and the Ordnungsamt\'s next task shows the proofs as attachments', async () => {
    const submitted = await bed.test.http.post('/api/portal/services/hundeanmeldung/submissions').send({ data: APPLICATION });
    expect(submitted.status).toBe(201);
    const { statusToken, reference } = submitted.body;
    const [{ process_instance_key: instanceKey }] = await bed.test.server.context.sql.query<{ process_instance_key: string }>(
      'SELECT process_instance_key FROM portal_submissions WHERE reference = $1', [reference]);

    const check = await ordnungsamtTask(instanceKey);
    expect((await as(bed.test, bed.ordnungsamt, 'post', `/api/tasks/${check}/claim`)).status).toBe(200);
    const asked = await as(bed.test, bed.ordnungsamt, 'post', `/api/tasks/${check}/complete`)
      .send({ data: { ordnungsamt: { ergebnis: 'NACHWEISE_FEHLEN', fehlendeNachweise: ['SACHKUNDE'] } } });
    expect(asked.status).toBe(200);
    const mail = await eventually(() => smtp.received.find((each) => each.recipients.includes(EMAIL) && each.message.headers.subject.includes('Nachweise')), 15_000);
    expect(mail.message.headers.subject).toContain(reference);
    expect((await bed.test.http.get(`/api/portal/submissions/${statusToken}`)).body.acceptsLaterDocuments).toBe(true);

    const handedIn = await bed.test.http.post(`/api/portal/submissions/${statusToken}/documents`)
      .set('Idempotency-Key', 'hundeanmeldung-sachkunde-01')
      .attach('files', PDF_BYTES, 'sachkundenachweis.pdf');
    expect(handedIn.status).toBe(201);

    const again = await ordnungsamtTask(instanceKey);
    expect(again).not.toBe(check);
    const task = await as(bed.test, bed.ordnungsamt, 'get', `/api/tasks/${again}`);
    expect(task.body.variables.nachgereichteNachweise).toEqual([{ id: expect.any(String), name: 'sachkundenachweis.pdf', contentType: 'application/pdf', size: PDF_BYTES.length }]);
    expect(task.body.variables.nachreichFristAbgelaufen).not.toBe(true);
    const attachment = task.body.attachments.find((each: { name: string }) => each.name === 'sachkundenachweis.pdf');
    expect(attachment).toEqual({ ...task.body.variables.nachgereichteNachweise[0], href: `/api/tasks/${again}/attachments/${attachment.id}` });
    const download = await as(bed.test, bed.ordnungsamt, 'get', attachment.href).buffer(true);
    expect(download.status).toBe(200);
    expect(Buffer.from(download.body)).toEqual(PDF_BYTES);
  });
});
