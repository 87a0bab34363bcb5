/**
 * Kills `npm start` with SIGKILL while the Rechnungseingang uploads invoices, restarts it, and checks the intake's
 * promise: every invoice answered with an Aktenzeichen has its stored XML and its Rechnungsworkflow instance, and no
 * invoice has two instances.
 */
import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { FileSystemDocumentStore } from '../../connectors/index.js';
import { startAmtsflowProcess, TEST_ADMIN_PASSWORD } from '../support/amtsflow-process.js';
import { crashWhileBusy, inspectAfterCrash } from '../support/crash-while-busy.js';
import { signInOver } from '../support/portal-http.js';
import { SHARED } from '../support/shared-files.js';
import { expectStartedExactlyOnce, type StartedRow } from '../support/started-once.js';

const ANSWERED_BEFORE_KILL = 40;
const CONCURRENT_UPLOADS = 4;
const RESUME_ENV = { AMTSFLOW_PORTAL_RESUME_AFTER_SECONDS: '1', AMTSFLOW_PORTAL_RESUME_CHECK_SECONDS: '1' };
const INVOICE = readFileSync(path.join(SHARED, 'xrechnung-samples', 'valid', '01.01a-INVOICE_ubl.xml'));

describe('crash safety of the invoice intake', () => {
  it('keeps the XML and an instance for every answered invoice, and never starts two, across a SIGKILL', async () => {
    const dataDir = await mkdtemp(path.join(os.tmpdir(), 'amtsflow-kill-invoices-'));
    try {
      // The first start seeds the reference processes, the Rechnungsworkflow among them.
      const first = await startAmtsflowProcess(dataDir, RESUME_ENV);
      const admin = await signInOver(first.url, 'admin', TEST_ADMIN_PASSWORD);

      const answered = new Map<string, string>();
      await crashWhileBusy({
        first, dataDir, env: RESUME_ENV, clients: CONCURRENT_UPLOADS, answeredBeforeKill: ANSWERED_BEFORE_KILL,
        async send() {
          const response = await fetch(`${first.url}/api/invoices?fileName=rechnung.xml`, {
            method: 'POST', headers: { cookie: admin.cookie, 'x-csrf-token': admin.csrfToken, 'content-type': 'application/xml' }, body: INVOICE,
          }).catch(() => undefined);
          if (response?.status === 201) {
            const receipt = await response.json() as { aktenzeichen: string; document: { documentId: string } };
            answered.set(receipt.aktenzeichen, receipt.document.documentId);
            return true;
          }
          if (response !== undefined && response.status !== 503) throw new Error(`Unexpected answer ${response.status}: ${await response.text()}`);
          return false;
        },
      });

      const documents = new FileSystemDocumentStore(path.join(dataDir, 'documents'));
      await inspectAfterCrash(dataDir, async ({ sql, engine }) => {
        const rows = await sql.query<StartedRow & { document_id: string }>(
          `SELECT id::text AS id, aktenzeichen AS reference, state, process_instance_key, document->>'documentId' AS document_id FROM invoice_intakes`,
        );
        const byAktenzeichen = new Map(rows.map((row) => [row.reference, row]));
        for (const [aktenzeichen, documentId] of answered) {
          const row = byAktenzeichen.get(aktenzeichen);
          expect({ aktenzeichen, state: row?.state, documentId: row?.document_id }).toEqual({ aktenzeichen, state: 'confirmed', documentId });
          expect(Buffer.from((await documents.get(documentId)).bytes).equals(INVOICE)).toBe(true);
        }
        await expectStartedExactlyOnce(engine.running.reads, rows, 'rechnungsworkflow');
      });
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  }, 300_000);
});
