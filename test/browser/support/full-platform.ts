/**
 * `npm start`'s whole composition for a browser test (start-all.ts): the embedded engine, the server with the built
 * browser apps, the built-in connectors, and the city's reference processes seeded with their citizen services
 * published; on a fresh temporary data directory and free ports, the mail connector sending to an SMTP sink whose
 * mails the test reads.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pino from 'pino';
import { startSmtpSink, type ReceivedMail, type SmtpSink } from '../../../connectors/builtin/mail/testing/smtp-sink.js';
import { connectorSecrets } from '../../../connectors/index.js';
import { ensureWebBuild } from '../../../designer/build/web-build.js';
import { eventually } from '../../../engine/tests/harness.js';
import { readAmtsflowConfig, startAll, type RunningAmtsflow } from '../../../start-all.js';
import { freePort } from '../../support/engine-process.js';
import type { Platform } from './platform.js';

export interface FullPlatform extends Platform {
  running: RunningAmtsflow;
  smtp: SmtpSink;
  /** Waits for the first mail to `address` whose subject contains `subject`. */
  mailTo(address: string, subject: string): Promise<ReceivedMail>;
}

export async function startFullPlatform(): Promise<FullPlatform> {
  await ensureWebBuild();
  const smtp = await startSmtpSink();
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'amtsflow-browser-full-'));
  let running: RunningAmtsflow;
  try {
    running = await startAll(readAmtsflowConfig({
      AMTSFLOW_DATA_DIR: dataDir,
      // The status link in mails is built from the public URL, which follows the port: a free one, not 0.
      PORT: String(await freePort()),
      AMTSFLOW_GATEWAY_PORT: '0',
      AMTSFLOW_ADMIN_PASSWORD: 'bootstrap-admin-password',
      AMTSFLOW_LOGIN_RATE_LIMIT: '100000',
      AMTSFLOW_LOG_LEVEL: 'silent',
      AMTSFLOW_SMTP_URL: smtp.url,
      AMTSFLOW_MAIL_FROM: 'Stadt Leichlingen <noreply@leichlingen.de>',
    }), { logger: pino({ level: 'silent' }), secrets: connectorSecrets({}) });
  } catch (error) {
    await smtp.close();
    await rm(dataDir, { recursive: true, force: true });
    throw error;
  }
  const { engine, server } = running;
  if (!engine) throw new Error('startAll ran without its embedded engine');
  return {
    url: server.url,
    server,
    engine,
    running,
    smtp,
    mailTo: (address, subject) => eventually(async () => smtp.received.find((mail) => mail.recipients.includes(address) && mail.message.headers.subject.includes(subject)), 30_000),
    async stop() {
      await running.stop();
      await smtp.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}
