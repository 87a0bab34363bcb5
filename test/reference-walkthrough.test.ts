/**
 * The README's walkthrough of the city's reference processes, run as a new user would after `npm start`: a
 * Hundeanmeldung through the portal, the Kämmerei's task, the Bescheid in the mail outbox, a Fundanzeige, an XRechnung
 * handed to the Rechnungseingang and routed to its Amt.
 */
import { describe, expect, it } from '@jest/globals';
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { startAmtsflowProcess, TEST_ADMIN_PASSWORD } from './support/amtsflow-process.js';
import { freePort } from './support/engine-process.js';
import { readmeScript } from './support/readme-script.js';

describe('the README walkthrough of the reference processes', () => {
  it('registers a dog, has the Kämmerei confirm the tax, mails the Bescheid, reports a find and routes an invoice, against npm start', async () => {
    const dataDir = await mkdtemp(path.join(os.tmpdir(), 'amtsflow-reference-walkthrough-'));
    // The status link is built from the public URL, which follows the port: a fixed free one, not 0.
    const running = await startAmtsflowProcess(dataDir, { PORT: String(await freePort()) });
    try {
      const { stdout } = await promisify(execFile)('bash', ['-euo', 'pipefail', '-c', await readmeScript('reference-walkthrough')], {
        env: { ...process.env, BASE: running.url, ADMIN_PASSWORD: TEST_ADMIN_PASSWORD, DATA_DIR: dataDir },
      });
      const year = new Date().getUTCFullYear();
      const lines = stdout.trim().split('\n');
      expect(lines).toEqual([
        `Hundeanmeldung: HUND-${year}-000001`,
        expect.stringMatching(/^Aufgabe der Kämmerei: \S/),
        expect.stringMatching(/^Hundesteuerbescheid per Mail: .+\.eml$/),
        'Status: completed',
        `Fundanzeige: FUND-${year}-000001`,
        expect.stringMatching(/^Aufgabe des Fundbüros: \S/),
        `Rechnung: RECH-${year}-000001`,
        expect.stringMatching(/^Aufgabe: \S.* \(tiefbauamt\)$/),
      ]);
      const mail = await readFile(path.join(dataDir, 'mail', lines[2].split(': ')[1]), 'utf8');
      expect(mail).toContain('Content-Type: application/pdf');
    } finally {
      running.child.kill('SIGTERM');
      await running.exited;
      await rm(dataDir, { recursive: true, force: true });
    }
  }, 180_000);
});
