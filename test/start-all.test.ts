/**
 * `npm start`'s composition: engine, server and the built-in connectors in one process on a fresh data directory. A
 * process deployed to its gateway renders a Bescheid, files it in the e-Akte (in the connectors' own database) and
 * mails it to a local SMTP server; the server serves the running connectors' element templates and their metrics, and
 * an invoice it receives reaches the seeded Rechnungsworkflow's XRechnung connector through the shared document store.
 * And `npm start` itself prints what runs and stops on SIGTERM.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pino from 'pino';
import { ZBClient } from 'zeebe-node';
import { startSmtpSink, type SmtpSink } from '../connectors/builtin/mail/testing/smtp-sink.js';
import { connectorSecrets } from '../connectors/index.js';
import { bpmnProcess, connectorProcess, connectorTask, flow } from '../connectors/testing/connector-test-bed.js';
import { eventually, startTestEngine } from '../engine/tests/harness.js';
import { createStaff, STAFF_PASSWORD } from '../server/tests/test-server.js';
import { readAmtsflowConfig, startAll, type RunningAmtsflow } from '../start-all.js';
import { SHARED } from './support/shared-files.js';

const ADMIN_PASSWORD = 'ein-langes-admin-passwort';
let smtp: SmtpSink;
let dataDir: string;
let running: RunningAmtsflow;
let zbc: ZBClient;

/** The environment `npm start` would see: a fresh data directory, ports chosen by the system, mail to the sink. */
const environment = () => ({
  AMTSFLOW_DATA_DIR: dataDir, PORT: '0', AMTSFLOW_GATEWAY_PORT: '0', AMTSFLOW_ADMIN_PASSWORD: ADMIN_PASSWORD, AMTSFLOW_LOG_LEVEL: 'silent',
  AMTSFLOW_SMTP_URL: smtp.url, AMTSFLOW_MAIL_FROM: 'Stadt Leichlingen <noreply@leichlingen.de>',
});
const E_AKTE = {
  AMTSFLOW_EAKTE_AUTHORITY_ID: '05378020', AMTSFLOW_EAKTE_AUTHORITY_NAME: 'Stadt Leichlingen',
  AMTSFLOW_EAKTE_ARCHIVE_ID: '05378020-A', AMTSFLOW_EAKTE_ARCHIVE_NAME: 'Stadtarchiv Leichlingen',
};

beforeAll(async () => {
  smtp = await startSmtpSink();
  dataDir = await mkdtemp(path.join(os.tmpdir(), 'amtsflow-start-all-'));
  running = await startAll(readAmtsflowConfig({ ...environment(), ...E_AKTE }), { logger: pino({ level: 'silent' }), secrets: connectorSecrets({}) });
  zbc = new ZBClient(running.gatewayAddress, { useTLS: false, loglevel: 'NONE' });
});
afterAll(async () => {
  await zbc?.close();
  await running?.stop();
  await smtp.close();
  await rm(dataDir, { recursive: true, force: true });
});

/** Signs a staff user in over HTTP and returns the headers of their session. */
async function sessionHeaders(username: string): Promise<Record<string, string>> {
  const response = await fetch(`${running.server.url}/api/auth/login`, {
    method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password: STAFF_PASSWORD }),
  });
  expect(response.status).toBe(200);
  const { csrfToken } = (await response.json()) as { csrfToken: string };
  return { cookie: response.headers.getSetCookie()[0].split(';')[0], 'x-csrf-token': csrfToken };
}

describe('npm start\'s composition', () => {
  it('runs the embedded engine, the server and the built-in connectors on one gateway, the e-Akte in the connectors\' own database', () => {
    expect(running.engine?.gatewayAddress).toBe(running.gatewayAddress);
    expect(existsSync(path.join(dataDir, 'connectors', 'pglite'))).toBe(true);
    expect(running.connectors.runtime.connectorTypes.sort()).toEqual([
      'amtsflow:e-akte-dispose:1', 'amtsflow:e-akte-file:1', 'amtsflow:http-json:1', 'amtsflow:mail:1', 'amtsflow:pdf-document:1', 'amtsflow:xrechnung-intake:1',
    ]);
  });

  it('renders a Hundesteuerbescheid, files it in the e-Akte and mails it, from a process deployed to its gateway', async () => {
    const body = [
      '<bpmn:startEvent id="start" />',
      connectorTask('erstellen', 'amtsflow:pdf-document:1', {
        inputs: {
          title: 'Hundesteuerbescheid', reference: '=aktenzeichen', sender: '={ name: "Stadt Leichlingen", lines: ["Am Büscherhof 1", "42799 Leichlingen"] }',
          recipient: '={ name: antrag.name, lines: ["Hauptstraße 5", "42799 Leichlingen"] }',
          paragraphs: '=["Die Hundesteuer wird wie folgt festgesetzt:"]', items: '=[{ label: "Hundesteuer 2025", amountCents: 12500 }]',
        },
        headers: { kind: 'bescheid', resultVariable: 'bescheid' },
      }),
      connectorTask('ablegen', 'amtsflow:e-akte-file:1', {
        inputs: { document: '=bescheid', aktenzeichen: '=aktenzeichen', documentType: 'Hundesteuerbescheid', title: 'Hundesteuer 2025' },
        headers: { retentionPeriod: 'P10Y', retentionStartsAt: 'endOfYear', disposition: 'A', resultVariable: 'akte' },
      }),
      connectorTask('versenden', 'amtsflow:mail:1', {
        inputs: {
          to: '=antrag.email', attachments: '=[bescheid]',
          variables: '={ name: antrag.name, title: "Hundesteuerbescheid", reference: aktenzeichen, authority: "Stadt Leichlingen" }',
        },
        headers: { template: 'bescheid-versand', resultVariable: 'versand' },
      }),
      '<bpmn:endEvent id="end" />',
      flow('f1', 'start', 'erstellen'), flow('f2', 'erstellen', 'ablegen'), flow('f3', 'ablegen', 'versenden'), flow('f4', 'versenden', 'end'),
    ].join('');
    await zbc.deployResource({ name: 'hundesteuerbescheid.bpmn', process: bpmnProcess('hundesteuerbescheid', body) });
    const result = await zbc.createProcessInstanceWithResult({
      bpmnProcessId: 'hundesteuerbescheid', requestTimeout: 20_000,
      variables: { aktenzeichen: '22.10.05-2025/0042', antrag: { email: 'e.mustermann@example.org', name: 'Erika Mustermann' } },
    });
    expect(result.variables.akte).toMatchObject({ aktenzeichen: '22.10.05-2025/0042', retainUntil: expect.stringMatching(/^\d{4}-12-31$/), sha256: result.variables.bescheid.sha256 });
    expect(result.variables.versand).toMatchObject({ accepted: ['e.mustermann@example.org'], language: 'de' });
    const mail = smtp.received.find((each) => each.recipients.includes('e.mustermann@example.org'));
    expect(mail?.from).toBe('noreply@leichlingen.de');
    expect(mail?.message.parts.find((part) => part.contentType === 'application/pdf')?.filename).toBe('Hundesteuerbescheid-22.10.05-2025_0042.pdf');
  });

  it('serves the running connectors\' element templates to a process manager', async () => {
    await createStaff(running.server, 'modellierer', ['process-manager']);
    const response = await fetch(`${running.server.url}/api/element-templates`, { headers: await sessionHeaders('modellierer') });
    expect(response.status).toBe(200);
    const templates = (await response.json()) as { id: string }[];
    expect(templates.map((template) => template.id).sort()).toEqual(running.connectors.runtime.connectorTypes.sort());
  });

  it('exports the connectors\' metrics at the server\'s /metrics', async () => {
    const metrics = await (await fetch(`${running.server.url}/metrics`)).text();
    expect(metrics).toContain('amtsflow_connector_jobs_finished_total{connector_type="amtsflow:mail:1",outcome="completed"} 1');
    expect(metrics).toContain('amtsflow_connector_jobs_activated_total{connector_type="amtsflow:http-json:1"} 0');
    expect(metrics).toContain('amtsflow_http_requests_total');
  });

  // After the metrics test, which counts the mails so far: the old sample's payment reminder is due at once.
  it('hands an invoice received over HTTP to the XRechnung connector through the shared document store', async () => {
    await createStaff(running.server, 'eingang', ['clerk'], ['rechnungseingang']);
    const response = await fetch(`${running.server.url}/api/invoices?fileName=01.01a-INVOICE_ubl.xml`, {
      method: 'POST', headers: { ...await sessionHeaders('eingang'), 'content-type': 'application/xml' },
      body: readFileSync(path.join(SHARED, 'xrechnung-samples', 'valid', '01.01a-INVOICE_ubl.xml')),
    });
    expect(response.status).toBe(201);
    const { processInstanceKey } = (await response.json()) as { processInstanceKey: string };
    // The seeded Rechnungsworkflow's connector read the stored XML: the instance holds the invoice it found there.
    const eingang = await eventually(async () => (await running.engine!.reads.variable(processInstanceKey, 'eingang'))?.value, 20_000);
    expect(JSON.parse(eingang)).toMatchObject({ invoice: { number: '123456XX', buyerReference: '04011000-12345-03' } });
  });
});

describe('npm start\'s composition with ZEEBE_ADDRESS', () => {
  it('starts no engine of its own and runs the connectors against that gateway', async () => {
    const cluster = await startTestEngine();
    const ownDataDir = await mkdtemp(path.join(os.tmpdir(), 'amtsflow-start-all-zeebe-'));
    try {
      const config = readAmtsflowConfig({ ...environment(), AMTSFLOW_DATA_DIR: ownDataDir, ZEEBE_ADDRESS: cluster.running.gatewayAddress });
      const withCluster = await startAll(config, { logger: pino({ level: 'silent' }), secrets: connectorSecrets({}) });
      try {
        expect(withCluster.engine).toBeUndefined();
        expect(withCluster.gatewayAddress).toBe(cluster.running.gatewayAddress);
        const bpmn = connectorProcess('quittung', 'amtsflow:pdf-document:1', {
          inputs: { title: 'Quittung', reference: 'FB-2025-17', sender: '={ name: "Stadt Leichlingen" }', recipient: '={ name: "Ole Finder", lines: [] }', paragraphs: '=["Finderlohn erhalten."]' },
          headers: { kind: 'quittung', resultVariable: 'quittung' },
        });
        await cluster.zbc.deployResource({ name: 'quittung.bpmn', process: bpmn });
        const result = await cluster.zbc.createProcessInstanceWithResult({ bpmnProcessId: 'quittung', variables: {}, requestTimeout: 20_000 });
        expect(result.variables.quittung).toMatchObject({ filename: 'Quittung-FB-2025-17.pdf', pages: 1 });
      } finally {
        await withCluster.stop();
      }
    } finally {
      await cluster.destroy();
      await rm(ownDataDir, { recursive: true, force: true });
    }
  });
});

describe('npm start', () => {
  // A whole `npm start` in a child process: on a loaded CI machine its start alone can take half a minute.
  it('prints what runs and stops cleanly on SIGTERM', async () => {
    const ownDataDir = await mkdtemp(path.join(os.tmpdir(), 'amtsflow-npm-start-'));
    try {
      const child = spawn(process.execPath, ['--import', 'tsx', path.resolve('main.ts')], {
        env: {
          ...process.env, AMTSFLOW_DATA_DIR: ownDataDir, PORT: '0', AMTSFLOW_GATEWAY_PORT: '0', AMTSFLOW_ADMIN_PASSWORD: ADMIN_PASSWORD, AMTSFLOW_LOG_LEVEL: 'warn',
          // A folder given here is served as it is, so npm start does not build the browser apps first.
          AMTSFLOW_WEB_DIR: path.join(ownDataDir, 'web'),
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
      let stdout = '';
      let stderr = '';
      child.stderr.on('data', (chunk: Buffer) => { stderr += chunk.toString(); });
      await new Promise<void>((resolve, reject) => {
        child.stdout.on('data', (chunk: Buffer) => {
          stdout += chunk.toString();
          if (stdout.includes('Stop with Ctrl+C.')) resolve();
        });
        void exited.then((code) => reject(new Error(`npm start exited (${code}) before it was ready: ${stderr}`)));
      });
      expect(stdout).toContain('amtsflow ready');
      expect(stdout).toMatch(/Zeebe gateway \(gRPC, plaintext\): 127\.0\.0\.1:\d+ \(embedded engine\)/);
      const connectorTypes = /connectors: +(.*) \(built-ins left out/.exec(stdout)?.[1].split(', ').sort();
      // No SMTP server is set: mail still runs, into the local outbox in the data folder.
      expect(connectorTypes).toEqual(['amtsflow:http-json:1', 'amtsflow:mail:1', 'amtsflow:pdf-document:1', 'amtsflow:xrechnung-intake:1']);
      expect(stdout).toContain(`mails are kept as .eml files in ${path.join(ownDataDir, 'mail')}`);
      child.kill('SIGTERM');
      expect(await exited).toBe(0);
    } finally {
      await rm(ownDataDir, { recursive: true, force: true });
    }
  }, 90_000);
});
