/** The connector configuration from the environment. */
import { describe, expect, it } from '@jest/globals';
import path from 'node:path';
import { readConnectorsConfig } from './config.js';

describe('readConnectorsConfig', () => {
  it('defaults to the embedded engine on this machine and no mail', () => {
    expect(readConnectorsConfig({ AMTSFLOW_DATA_DIR: '/srv/amtsflow' })).toEqual({
      gatewayAddress: '127.0.0.1:26500', dataDir: '/srv/amtsflow', documentDir: path.join('/srv/amtsflow', 'documents'), logLevel: 'info',
      maxConcurrentJobs: 8, shutdownGraceMs: 10_000, smtp: undefined, mailTemplateDir: undefined, pdfFontDir: '/usr/share/fonts/truetype/dejavu',
    });
  });

  it('takes ZEEBE_ADDRESS and the SMTP settings', () => {
    const config = readConnectorsConfig({ ZEEBE_ADDRESS: 'zeebe:26500', AMTSFLOW_SMTP_URL: 'smtp://mail:25', AMTSFLOW_MAIL_FROM: 'noreply@leichlingen.de' });
    expect(config).toMatchObject({ gatewayAddress: 'zeebe:26500', smtp: { url: 'smtp://mail:25', from: 'noreply@leichlingen.de' } });
  });

  it('names every bad setting', () => {
    expect(() => readConnectorsConfig({ AMTSFLOW_SMTP_URL: 'mail:25', AMTSFLOW_CONNECTORS_MAX_JOBS: 'many', AMTSFLOW_LOG_LEVEL: 'loud' })).toThrow([
      'Invalid connector configuration:',
      '  AMTSFLOW_LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent, got "loud"',
      '  AMTSFLOW_SMTP_URL must be an smtp:// or smtps:// URL',
      '  AMTSFLOW_MAIL_FROM is required with AMTSFLOW_SMTP_URL',
      '  AMTSFLOW_CONNECTORS_MAX_JOBS must be a positive whole number, got "many"',
    ].join('\n'));
  });
});
