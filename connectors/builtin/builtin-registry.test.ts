/** Which built-in connectors the configuration starts, and why the others are left out. */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Writable } from 'node:stream';
import pino from 'pino';
import { connectorSecrets, readConnectorsConfig } from '../config.js';
import { elementTemplateProblems } from '../templates/element-template-schema.js';
import { sqlTestTargets, type SqlTestDatabase } from '../testing/engine-test-support.js';
import { builtinConnectors, builtinElementTemplates, type BuiltinConnectorDependencies } from './index.js';

const ALWAYS = ['amtsflow:http-json:1', 'amtsflow:pdf-document:1', 'amtsflow:xrechnung-intake:1'];
const E_AKTE = ['amtsflow:e-akte-dispose:1', 'amtsflow:e-akte-file:1'];
const PAYMENT = ['amtsflow:payment-create:1', 'amtsflow:payment-reconcile:1', 'amtsflow:payment-status:1'];

const MAIL_ENV = { AMTSFLOW_SMTP_URL: 'smtp://127.0.0.1:2525', AMTSFLOW_MAIL_FROM: 'Stadt Leichlingen <noreply@leichlingen.de>' };
const E_AKTE_ENV = {
  AMTSFLOW_EAKTE_AUTHORITY_ID: '05378020', AMTSFLOW_EAKTE_AUTHORITY_NAME: 'Stadt Leichlingen',
  AMTSFLOW_EAKTE_ARCHIVE_ID: '05378020-A', AMTSFLOW_EAKTE_ARCHIVE_NAME: 'Stadtarchiv Leichlingen',
};
const PAYMENT_ENV = {
  AMTSFLOW_PAYMENT_URL: 'https://payment.example.de/api/xbezahldienste', AMTSFLOW_PAYMENT_ORIGINATOR_ID: 'leichlingen',
  AMTSFLOW_PAYMENT_ENDPOINT_ID: 'hundesteuer', AMTSFLOW_PAYMENT_CLIENT_ID: 'amtsflow',
};

let database: SqlTestDatabase;
let databaseOpened = 0;
beforeAll(async () => {
  database = await sqlTestTargets()[0].open();
});
afterAll(async () => database.close());

/** The registry for an environment, with the log lines it wrote. */
async function registryFor(env: Record<string, string>, options: { withDatabase?: boolean } = {}) {
  const lines: { connector: string; reason: string; msg: string }[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString('utf8').split('\n').filter(Boolean)) lines.push(JSON.parse(line) as (typeof lines)[number]);
      done();
    },
  });
  const deps: BuiltinConnectorDependencies = {
    logger: pino({ level: 'info' }, sink),
    secrets: connectorSecrets(env),
    ...(options.withDatabase !== false && { database: async () => { databaseOpened += 1; return database; } }),
  };
  const config = readConnectorsConfig(env);
  const connectors = await builtinConnectors(config, deps);
  return { types: connectors.map((connector) => connector.type).sort(), leftOut: lines.map((line) => `${line.connector}: ${line.reason}`), deps, config };
}

describe('the built-in connector registry', () => {
  it('starts HTTP, PDF and XRechnung intake without configuration, and says why mail, e-Akte and payment are left out', async () => {
    const { types, leftOut } = await registryFor({});
    expect(types).toEqual(ALWAYS);
    expect(leftOut).toEqual([
      'mail: AMTSFLOW_SMTP_URL is not set',
      'e-Akte: AMTSFLOW_EAKTE_AUTHORITY_ID and the other AMTSFLOW_EAKTE_* settings are not set',
      'payment: AMTSFLOW_PAYMENT_URL and the other AMTSFLOW_PAYMENT_* settings are not set',
    ]);
  });

  it('starts every built-in when everything is configured, opening the database once for e-Akte and payment', async () => {
    const openedBefore = databaseOpened;
    const env = { ...MAIL_ENV, ...E_AKTE_ENV, ...PAYMENT_ENV, AMTSFLOW_SECRET_PAYMENT_CLIENT_SECRET: 's3cret' };
    const { types, leftOut, deps, config } = await registryFor(env);
    expect(types).toEqual([...ALWAYS, ...E_AKTE, 'amtsflow:mail:1', ...PAYMENT].sort());
    expect(leftOut).toEqual([]);
    expect(databaseOpened).toBe(openedBefore + 1);
    const tables = await database.query<{ table_name: string }>(
      "SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema() AND table_name IN ('eakte_documents', 'payment_transactions') ORDER BY table_name");
    expect(tables.map((row) => row.table_name)).toEqual(['eakte_documents', 'payment_transactions']);

    const templates = await builtinElementTemplates(config, deps);
    expect(templates.map((template) => template.id).sort()).toEqual(types);
    for (const template of templates) expect({ id: template.id, problems: elementTemplateProblems(template) }).toEqual({ id: template.id, problems: [] });
  });

  it('leaves payment out without the provider\'s client secret, and e-Akte and payment out without a database', async () => {
    expect((await registryFor({ ...PAYMENT_ENV })).leftOut).toContain(
      'payment: the secret PAYMENT_CLIENT_SECRET (the provider\'s OAuth client secret) is not set');
    const withoutDatabase = await registryFor({ ...E_AKTE_ENV, ...PAYMENT_ENV, AMTSFLOW_SECRET_PAYMENT_CLIENT_SECRET: 's3cret' }, { withDatabase: false });
    expect(withoutDatabase.types).toEqual(ALWAYS.concat().sort());
    expect(withoutDatabase.leftOut).toEqual([
      'mail: AMTSFLOW_SMTP_URL is not set',
      'e-Akte: it needs a database, and none was given',
      'payment: it needs a database, and none was given',
    ]);
  });
});
