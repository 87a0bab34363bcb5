/** The connector configuration from the environment. */
import { describe, expect, it } from '@jest/globals';
import path from 'node:path';
import { connectorSecrets, readConnectorsConfig } from './config.js';

describe('readConnectorsConfig', () => {
  it('defaults to the embedded engine on this machine, mail into the local outbox, no e-Akte or payment', () => {
    expect(readConnectorsConfig({ AMTSFLOW_DATA_DIR: '/srv/amtsflow' })).toEqual({
      gatewayAddress: '127.0.0.1:26500', plaintextGateway: true, dataDir: '/srv/amtsflow', documentDir: path.join('/srv/amtsflow', 'documents'),
      databaseUrl: undefined, logLevel: 'info', maxConcurrentJobs: 8, shutdownGraceMs: 10_000, smtp: undefined,
      mailOutbox: { dir: path.join('/srv/amtsflow', 'mail'), from: 'amtsflow@localhost' }, mailTemplateDir: undefined, pdfFontDir: '/usr/share/fonts/truetype/dejavu', eAkte: undefined, payment: undefined,
    });
  });

  it('takes ZEEBE_ADDRESS (leaving TLS to zeebe-node), the database and the SMTP settings', () => {
    const config = readConnectorsConfig({
      ZEEBE_ADDRESS: 'zeebe:26500', DATABASE_URL: 'postgres://amtsflow@db:5432/amtsflow',
      AMTSFLOW_SMTP_URL: 'smtp://mail:25', AMTSFLOW_MAIL_FROM: 'noreply@leichlingen.de',
    });
    expect(config).toMatchObject({
      gatewayAddress: 'zeebe:26500', plaintextGateway: false, databaseUrl: 'postgres://amtsflow@db:5432/amtsflow',
      smtp: { url: 'smtp://mail:25', from: 'noreply@leichlingen.de' }, mailOutbox: undefined,
    });
  });

  it('takes the e-Akte\'s authority and archive and the payment provider', () => {
    const config = readConnectorsConfig({
      AMTSFLOW_EAKTE_AUTHORITY_ID: '05378020', AMTSFLOW_EAKTE_AUTHORITY_NAME: 'Stadt Leichlingen',
      AMTSFLOW_EAKTE_ARCHIVE_ID: '05378020-A', AMTSFLOW_EAKTE_ARCHIVE_NAME: 'Stadtarchiv Leichlingen',
      AMTSFLOW_PAYMENT_URL: 'https://payment.example.de/api/', AMTSFLOW_PAYMENT_ORIGINATOR_ID: 'leichlingen',
      AMTSFLOW_PAYMENT_ENDPOINT_ID: 'hundesteuer', AMTSFLOW_PAYMENT_CLIENT_ID: 'amtsflow',
    });
    expect(config.eAkte).toEqual({ authority: { id: '05378020', name: 'Stadt Leichlingen' }, archive: { id: '05378020-A', name: 'Stadtarchiv Leichlingen' } });
    expect(config.payment).toEqual({ baseUrl: 'https://payment.example.de/api', originatorId: 'leichlingen', endPointId: 'hundesteuer', clientId: 'amtsflow' });
  });

  it('names every bad setting', () => {
    expect(() => readConnectorsConfig({
      AMTSFLOW_SMTP_URL: 'mail:25', AMTSFLOW_CONNECTORS_MAX_JOBS: 'many', AMTSFLOW_LOG_LEVEL: 'loud', AMTSFLOW_GATEWAY_PORT: '70000',
      AMTSFLOW_EAKTE_AUTHORITY_ID: '05378020', AMTSFLOW_PAYMENT_URL: 'http://payment.example.de', AMTSFLOW_PAYMENT_ORIGINATOR_ID: 'o',
      AMTSFLOW_PAYMENT_ENDPOINT_ID: 'e', AMTSFLOW_PAYMENT_CLIENT_ID: 'c',
    })).toThrow([
      'Invalid connector configuration:',
      '  AMTSFLOW_GATEWAY_PORT must be a whole number from 0 to 65535, got "70000"',
      '  AMTSFLOW_LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent, got "loud"',
      '  AMTSFLOW_SMTP_URL must be an smtp:// or smtps:// URL',
      '  AMTSFLOW_MAIL_FROM is required with AMTSFLOW_SMTP_URL',
      '  AMTSFLOW_EAKTE_AUTHORITY_NAME, AMTSFLOW_EAKTE_ARCHIVE_ID, AMTSFLOW_EAKTE_ARCHIVE_NAME must be set together with AMTSFLOW_EAKTE_AUTHORITY_ID',
      '  AMTSFLOW_PAYMENT_URL must be an https:// URL (http:// only on this machine)',
      '  AMTSFLOW_CONNECTORS_MAX_JOBS must be a whole number from 1 to 10000, got "many"',
    ].join('\n'));
  });

  it('reads secrets only from AMTSFLOW_SECRET_ variables', async () => {
    const secrets = connectorSecrets({ AMTSFLOW_SECRET_PAYMENT_CLIENT_SECRET: 's3cret', DATABASE_URL: 'postgres://x' });
    expect(await secrets.getSecret('PAYMENT_CLIENT_SECRET')).toBe('s3cret');
    expect(await secrets.getSecret('DATABASE_URL')).toBeUndefined();
  });
});
