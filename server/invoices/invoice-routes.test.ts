/**
 * The Rechnungseingang's intake on the embedded engine with KoSIT's sample invoices: a UBL or CII XRechnung starts the
 * rechnungsworkflow with the stored XML and a gap-free Aktenzeichen; anything else is refused with a clear problem;
 * only the Rechnungseingang (and admins) may send; a retry is answered alike without a second instance; an invoice a
 * crash left pending is started by the settling.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createHash, randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pino from 'pino';
import { FileSystemDocumentStore } from '../../connectors/index.js';
import { bpmnProcess, eventually, sequence, serviceTask, startTestEngine, type TestEngine } from '../../engine/tests/harness.js';
import { SHARED } from '../../test/support/shared-files.js';
import { SubmissionResumer } from '../portal/submission-resumer.js';
import { ADMIN_PASSWORD, as, createStaff, signIn, startTestServer, type Credentials, type TestServer } from '../tests/test-server.js';
import { InvoiceStore } from './invoice-store.js';
import { MAX_INVOICE_BYTES } from './invoice-upload.js';

let engine: TestEngine;
let test: TestServer;
let documentDir: string;
let documents: FileSystemDocumentStore;
const who = {} as Record<'eingang' | 'amt' | 'manager' | 'admin', Credentials>;

beforeAll(async () => {
  engine = await startTestEngine();
  documentDir = await mkdtemp(path.join(os.tmpdir(), 'amtsflow-invoice-documents-'));
  documents = new FileSystemDocumentStore(documentDir);
  test = await startTestServer({ gatewayAddress: engine.running.gatewayAddress, operationsSource: engine.running.reads, documents });
  await createStaff(test.server, 'eingang', ['clerk'], ['rechnungseingang']);
  await createStaff(test.server, 'tiefbau', ['clerk'], ['tiefbauamt']);
  await createStaff(test.server, 'manager', ['process-manager']);
  who.eingang = await signIn(test, 'eingang');
  who.amt = await signIn(test, 'tiefbau');
  who.manager = await signIn(test, 'manager');
  who.admin = await signIn(test, 'admin', ADMIN_PASSWORD);
  // A stand-in for the Rechnungsworkflow: its first step waits, so the start variables can be read.
  const deployed = await as(test, who.manager, 'post', '/api/deployments')
    .attach('files', bpmnProcess('rechnungsworkflow', sequence({ id: 'lesen', xml: serviceTask('lesen', 'amtsflow:xrechnung-intake:1') })), 'rechnungsworkflow.bpmn');
  if (deployed.status !== 201) throw new Error(`Deployment failed: ${JSON.stringify(deployed.body)}`);
}, 60_000);
afterAll(async () => {
  await test.stop();
  await engine.destroy();
  await rm(documentDir, { recursive: true, force: true });
});

const sample = (relative: string) => readFileSync(path.join(SHARED, 'xrechnung-samples', relative));
const year = new Date().getUTCFullYear();

const sendXml = (caller: Credentials | undefined, xml: Buffer | string, fileName?: string) =>
  as(test, caller, 'post', `/api/invoices${fileName ? `?fileName=${encodeURIComponent(fileName)}` : ''}`).set('Content-Type', 'application/xml').send(Buffer.from(xml));
const upload = (caller: Credentials | undefined, bytes: Buffer, fileName: string) =>
  as(test, caller, 'post', '/api/invoices').attach('file', bytes, fileName);

/** The instance's start variables, once the exporter (a moment behind the engine) has them. */
async function startVariablesOf(processInstanceKey: string): Promise<Record<string, unknown>> {
  const variables = await eventually(async () => {
    const found = (await engine.running.reads.variablesOf(processInstanceKey)).filter((each) => each.scopeKey === processInstanceKey);
    return ['rechnung', 'aktenzeichen'].every((name) => found.some((each) => each.name === name)) && found;
  }, 10_000);
  return Object.fromEntries(variables.map((each) => [each.name, JSON.parse(each.value) as unknown]));
}
const instancesWith = (aktenzeichen: string) => engine.running.reads.findInstancesByVariable('aktenzeichen', JSON.stringify(aktenzeichen));

describe('receiving an XRechnung', () => {
  it('stores a UBL invoice sent as XML and starts the Rechnungsworkflow with it and the next Aktenzeichen', async () => {
    const xml = sample('valid/01.01a-INVOICE_ubl.xml');
    const response = await sendXml(who.eingang, xml, '01.01a-INVOICE_ubl.xml');
    expect(response.status).toBe(201);
    expect(response.body).toMatchObject({ aktenzeichen: expect.stringMatching(new RegExp(`^RECH-${year}-\\d{6}$`)), processInstanceKey: expect.stringMatching(/^\d+$/), syntax: 'ubl-invoice' });
    const { aktenzeichen, processInstanceKey, document } = response.body as { aktenzeichen: string; processInstanceKey: string; document: { documentId: string } };
    const variables = await startVariablesOf(processInstanceKey);
    expect(variables.aktenzeichen).toBe(aktenzeichen);
    expect(variables.rechnung).toMatchObject({ documentId: document.documentId, filename: '01.01a-INVOICE_ubl.xml', contentType: 'application/xml', size: xml.length, sha256: createHash('sha256').update(xml).digest('hex') });
    expect(Buffer.from((await documents.get(document.documentId)).bytes).equals(xml)).toBe(true);
    const audit = await as(test, who.admin, 'get', `/api/admin/audit?targetId=${aktenzeichen}`);
    expect(audit.body.entries).toEqual([expect.objectContaining({ action: 'invoice.received', actor: expect.objectContaining({ name: 'eingang' }), details: expect.objectContaining({ processInstanceKey, syntax: 'ubl-invoice' }) })]);
  });

  it('takes a CII invoice as a file upload, numbering on without a gap', async () => {
    const first = await sendXml(who.eingang, sample('valid/01.05_minimal_test_ubl.xml'));
    const response = await upload(who.eingang, sample('valid/01.01a-INVOICE_uncefact.xml'), '01.01a-INVOICE_uncefact.xml');
    expect(response.status).toBe(201);
    expect(response.body.syntax).toBe('cii');
    const number = (aktenzeichen: string) => Number(aktenzeichen.split('-')[2]);
    expect(number(response.body.aktenzeichen as string)).toBe(number(first.body.aktenzeichen as string) + 1);
    expect((await startVariablesOf(response.body.processInstanceKey as string)).rechnung).toMatchObject({ filename: '01.01a-INVOICE_uncefact.xml' });
  });

  it('answers a retry with the same Idempotency-Key alike and starts one instance; another file under that key is refused', async () => {
    const key = `rechnung-${randomUUID()}`;
    const xml = sample('valid/01.14a-INVOICE_ubl.xml');
    const [first, second] = await Promise.all([1, 2].map(() => sendXml(who.eingang, xml, 'a.xml').set('Idempotency-Key', key)));
    const answered = [first, second].filter((response) => response.status === 201);
    expect(answered.length).toBeGreaterThanOrEqual(1);
    const retry = await sendXml(who.eingang, xml, 'a.xml').set('Idempotency-Key', key);
    expect(retry.status).toBe(201);
    expect(retry.body).toEqual(answered[0].body);
    expect(await instancesWith(retry.body.aktenzeichen as string)).toEqual([retry.body.processInstanceKey]);
    const other = await sendXml(who.eingang, sample('valid/01.07a-INVOICE_ubl.xml'), 'a.xml').set('Idempotency-Key', key);
    expect(other.status).toBe(422);
    expect(other.body.type).toBe('urn:amtsflow:problem:idempotency-key-reused');
  });
});

describe('refusing what is not an XRechnung', () => {
  it('refuses a file that is not XML with 415 and a field error, and stores and numbers nothing', async () => {
    const pdf = Buffer.from('%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n');
    const before = await countRows();
    const response = await upload(who.eingang, pdf, 'rechnung.xml');
    expect(response.status).toBe(415);
    expect(response.body).toMatchObject({ type: 'urn:amtsflow:problem:invoice-not-xml', errors: [{ pointer: '/file', detail: expect.stringContaining('not well-formed XML') }] });
    const broken = await sendXml(who.eingang, sample('invalid/INV-04_not-well-formed_uncefact.xml'));
    expect(broken.status).toBe(415);
    expect(await countRows()).toBe(before);
  });

  it('refuses XML that is neither UBL nor CII, and a DOCTYPE, with 422 naming the root element', async () => {
    const response = await sendXml(who.eingang, '<?xml version="1.0"?><note xmlns="urn:example:notes"><to>Kämmerei</to></note>');
    expect(response.status).toBe(422);
    expect(response.body).toMatchObject({ type: 'urn:amtsflow:problem:invoice-not-xrechnung', errors: [{ pointer: '/file', detail: expect.stringContaining('{urn:example:notes}note') }] });
    const withDoctype = await sendXml(who.eingang, '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "b">]><x>&a;</x>');
    expect(withDoctype.status).toBe(422);
  });

  it('refuses another media type with 415, a second part with 400, and a file over the limit with 413', async () => {
    expect((await as(test, who.eingang, 'post', '/api/invoices').set('Content-Type', 'text/plain').send('hallo')).status).toBe(415);
    const twoParts = await as(test, who.eingang, 'post', '/api/invoices').attach('file', sample('valid/01.01a-INVOICE_ubl.xml'), 'a.xml').field('note', 'x');
    expect(twoParts.status).toBe(400);
    expect(twoParts.body.errors).toEqual([{ pointer: '/file', detail: expect.stringContaining('exactly one part') }]);
    const tooBig = Buffer.concat([Buffer.from('<?xml version="1.0"?><Invoice>'), Buffer.alloc(MAX_INVOICE_BYTES, 0x20), Buffer.from('</Invoice>')]);
    expect((await upload(who.eingang, tooBig, 'gross.xml')).status).toBe(413);
    expect((await sendXml(who.eingang, tooBig)).status).toBe(413);
  });
});

describe('who may send invoices', () => {
  it('lets only clerks of the Rechnungseingang and admins send them', async () => {
    const xml = sample('valid/01.01a-INVOICE_ubl.xml');
    expect((await sendXml(undefined, xml)).status).toBe(401);
    expect((await sendXml(who.amt, xml)).status).toBe(403);
    expect((await sendXml(who.manager, xml)).status).toBe(403);
    expect((await sendXml(who.admin, xml)).status).toBe(201);
  });

  it('answers 503 when the server runs without the connectors\' document store', async () => {
    const alone = await startTestServer({ gatewayAddress: engine.running.gatewayAddress });
    try {
      await createStaff(alone.server, 'eingang', ['clerk'], ['rechnungseingang']);
      const clerk = await signIn(alone, 'eingang');
      const response = await as(alone, clerk, 'post', '/api/invoices').set('Content-Type', 'application/xml').send(sample('valid/01.01a-INVOICE_ubl.xml'));
      expect(response.status).toBe(503);
      expect(response.body.type).toBe('urn:amtsflow:problem:invoice-intake-unavailable');
    } finally {
      await alone.stop();
    }
  });
});

describe('crash safety', () => {
  it('starts the instance of an invoice a crash left pending, once, with its Aktenzeichen', async () => {
    const { sql, audit, zeebe } = test.server.context;
    const store = new InvoiceStore(sql);
    const [process] = await sql.query<{ version: number }>(`SELECT max(version) AS version FROM definitions WHERE kind = 'process' AND definition_id = 'rechnungsworkflow'`);
    const document = await documents.put({ processInstanceKey: '0', filename: 'abgestuerzt.xml', contentType: 'application/xml', bytes: sample('valid/01.01a-INVOICE_ubl.xml') });
    const left = await store.insertPending(sql, {
      id: randomUUID(), idempotencyKeySha256: null, requestSha256: null, syntax: 'ubl-invoice', document,
      bpmnProcessId: 'rechnungsworkflow', processVersion: process.version, receivedBy: who.eingang.userId,
    }, year);
    await sql.query(`UPDATE invoice_intakes SET attempted_at = now() - interval '10 seconds' WHERE id = $1`, [left.id]);
    const resumer = () => new SubmissionResumer({
      sql, store, audit, subject: 'invoice', zeebe, source: engine.running.reads, logger: pino({ level: 'silent' }), config: { resumeAfterMs: 1000, resumeIntervalMs: 1000 },
    });
    expect(await resumer().settleStale()).toBe(1);
    expect(await resumer().settleStale()).toBe(0);
    const instances = await instancesWith(left.reference);
    expect(instances).toHaveLength(1);
    expect((await startVariablesOf(instances[0])).rechnung).toMatchObject({ documentId: document.documentId });
    const [row] = await sql.query<{ state: string; process_instance_key: string }>('SELECT state, process_instance_key FROM invoice_intakes WHERE id = $1', [left.id]);
    expect(row).toEqual({ state: 'confirmed', process_instance_key: instances[0] });
  });
});

async function countRows(): Promise<number> {
  const [row] = await test.server.context.sql.query<{ count: number }>('SELECT count(*)::int AS count FROM invoice_intakes');
  return row.count;
}
