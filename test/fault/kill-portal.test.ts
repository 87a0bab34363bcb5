/**
 * Kills `npm start` with SIGKILL while citizens submit, restarts it, and checks the portal's promise: every submission
 * that was answered with a reference number has its process instance, and no submission has two.
 */
import { describe, expect, it } from '@jest/globals';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { startAmtsflowProcess, TEST_ADMIN_PASSWORD } from '../support/amtsflow-process.js';
import { crashWhileBusy, inspectAfterCrash } from '../support/crash-while-busy.js';
import { BUSY_PORTAL_ENV, publishDogServiceOver } from '../support/portal-http.js';
import { expectStartedExactlyOnce } from '../support/started-once.js';

const ANSWERED_BEFORE_KILL = 150;
const CONCURRENT_CITIZENS = 8;

describe('crash safety of the portal', () => {
  it('keeps an instance for every answered submission, and never starts two, across a SIGKILL', async () => {
    const dataDir = await mkdtemp(path.join(os.tmpdir(), 'amtsflow-kill-portal-'));
    try {
      const first = await startAmtsflowProcess(dataDir, BUSY_PORTAL_ENV);
      await publishDogServiceOver(first.url, TEST_ADMIN_PASSWORD);

      const answered = new Map<string, string>();
      let sent = 0;
      await crashWhileBusy({
        first, dataDir, env: BUSY_PORTAL_ENV, clients: CONCURRENT_CITIZENS, answeredBeforeKill: ANSWERED_BEFORE_KILL,
        async send() {
          const name = `Halter ${sent++}`;
          const response = await fetch(`${first.url}/api/portal/services/hund-anmelden/submissions`, {
            method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ data: { halterName: name, gewicht: 10 } }),
          }).catch(() => undefined);
          if (response?.status !== 201) return false;
          answered.set(((await response.json()) as { reference: string }).reference, name);
          return true;
        },
      });

      await inspectAfterCrash(dataDir, async ({ sql, engine }) => {
        const rows = await sql.query<{ id: string; reference: string; state: string; process_instance_key: string | null; name: string }>(
          `SELECT id::text AS id, reference, state, process_instance_key, data->>'halterName' AS name FROM portal_submissions`,
        );
        const byReference = new Map(rows.map((row) => [row.reference, row]));
        for (const [reference, name] of answered) {
          expect({ reference, name: byReference.get(reference)?.name, state: byReference.get(reference)?.state }).toEqual({ reference, name, state: 'confirmed' });
        }
        await expectStartedExactlyOnce(engine.running.reads, rows, 'hund-anmelden');
      });
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  }, 240_000);
});
