/**
 * Kills `npm start` with SIGKILL while citizens hand in documents later by their status links, restarts it, and checks
 * the portal's promise: every hand-in that was answered is stored with its file, every stored one reaches the engine,
 * and none reaches it twice (one message per case, under the hand-in's id).
 */
import { describe, expect, it } from '@jest/globals';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { DOCUMENTS_MESSAGE, PDF_BYTES } from '../../server/tests/portal-fixtures.js';
import { startAmtsflowProcess, TEST_ADMIN_PASSWORD } from '../support/amtsflow-process.js';
import { crashWhileBusy, inspectAfterCrash } from '../support/crash-while-busy.js';
import { BUSY_PORTAL_ENV, publishDogServiceOver } from '../support/portal-http.js';

const CASES = 80;
const ANSWERED_BEFORE_KILL = 30;
const CONCURRENT_CITIZENS = 8;

describe('crash safety of documents handed in later', () => {
  it('keeps every answered hand-in and publishes each stored one exactly once, across a SIGKILL', async () => {
    const dataDir = await mkdtemp(path.join(os.tmpdir(), 'amtsflow-kill-later-documents-'));
    try {
      const first = await startAmtsflowProcess(dataDir, BUSY_PORTAL_ENV);
      await publishDogServiceOver(first.url, TEST_ADMIN_PASSWORD, 'nachweise', { asksForDocuments: true });
      const cases: { reference: string; statusToken: string }[] = [];
      for (let i = 0; i < CASES; i++) {
        const response = await fetch(`${first.url}/api/portal/services/nachweise/submissions`, {
          method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ data: { halterName: `Halter ${i}` } }),
        });
        expect(response.status).toBe(201);
        cases.push(await response.json() as { reference: string; statusToken: string });
      }

      /** The file name each answered hand-in sent, by reference. */
      const answered = new Map<string, string>();
      let next = 0;
      await crashWhileBusy({
        first, dataDir, env: BUSY_PORTAL_ENV, clients: CONCURRENT_CITIZENS, answeredBeforeKill: ANSWERED_BEFORE_KILL,
        async send() {
          if (next >= cases.length) return 'done';
          const { reference, statusToken } = cases[next++];
          const name = `nachweis-${reference}.pdf`;
          const body = new FormData();
          body.append('files', new Blob([new Uint8Array(PDF_BYTES)]), name);
          const response = await fetch(`${first.url}/api/portal/submissions/${statusToken}/documents`, {
            method: 'POST', headers: { 'idempotency-key': `kill-test-${reference}` }, body,
          }).catch(() => undefined);
          if (response?.status !== 201) return false;
          answered.set(reference, name);
          return true;
        },
      });

      await inspectAfterCrash(dataDir, async ({ sql, engine }) => {
        const rows = await sql.query<{ id: string; correlation_key: string; state: string; file: string | null }>(
          `SELECT d.id::text AS id, d.correlation_key, d.state, f.name AS file FROM portal_later_documents d LEFT JOIN portal_files f ON f.later_documents_id = d.id`,
        );
        const byReference = new Map(rows.map((row) => [row.correlation_key, row]));
        for (const [reference, name] of answered) {
          expect({ reference, file: byReference.get(reference)?.file }).toEqual({ reference, file: name });
        }
        // No instance waits for the documents yet, so each message stays buffered: exactly one per stored hand-in.
        const messages = [...engine.running.engine.state.messages.values()].filter((message) => message.name === DOCUMENTS_MESSAGE);
        const problems: string[] = [];
        for (const row of rows) {
          const published = messages.filter((message) => message.correlationKey === row.correlation_key);
          if (row.state !== 'published' || published.length !== 1 || published[0].messageId !== row.id) {
            problems.push(`${row.correlation_key}: ${row.state}, messages ${JSON.stringify(published.map((message) => message.messageId))}`);
          }
        }
        expect(problems).toEqual([]);
        expect(messages).toHaveLength(rows.length);
      });
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  }, 240_000);
});
