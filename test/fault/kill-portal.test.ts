/**
 * Kills `npm start` with SIGKILL while citizens submit, restarts it, and checks the portal's promise: every submission
 * that was answered with a reference number has its process instance, and no submission has two.
 */
import { describe, expect, it } from '@jest/globals';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { startTestEngine } from '../../engine/tests/harness.js';
import { openServerStorage } from '../../server/storage/server-storage.js';
import { startAmtsflowProcess, TEST_ADMIN_PASSWORD } from '../support/amtsflow-process.js';
import { crashWhileBusy } from '../support/crash-while-busy.js';
import { publishDogServiceOver } from '../support/portal-http.js';
import { notStartedOnce } from '../support/started-once.js';

const ANSWERED_BEFORE_KILL = 150;
const CONCURRENT_CITIZENS = 8;
const PORTAL_ENV = { AMTSFLOW_PORTAL_SUBMISSIONS_PER_MINUTE: '1000000', AMTSFLOW_PORTAL_RESUME_AFTER_SECONDS: '1', AMTSFLOW_PORTAL_RESUME_CHECK_SECONDS: '1' };

describe('crash safety of the portal', () => {
  it('keeps an instance for every answered submission, and never starts two, across a SIGKILL', async () => {
    const dataDir = await mkdtemp(path.join(os.tmpdir(), 'amtsflow-kill-portal-'));
    try {
      const first = await startAmtsflowProcess(dataDir, PORTAL_ENV);
      await publishDogServiceOver(first.url, TEST_ADMIN_PASSWORD);

      const answered = new Map<string, string>();
      let sent = 0;
      await crashWhileBusy({
        first, dataDir, env: PORTAL_ENV, clients: CONCURRENT_CITIZENS, answeredBeforeKill: ANSWERED_BEFORE_KILL,
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

      const sql = await openServerStorage({ dataDir });
      const engine = await startTestEngine(dataDir);
      try {
        const rows = await sql.query<{ id: string; reference: string; state: string; process_instance_key: string | null; name: string }>(
          `SELECT id::text AS id, reference, state, process_instance_key, data->>'halterName' AS name FROM portal_submissions`,
        );
        const byReference = new Map(rows.map((row) => [row.reference, row]));
        for (const [reference, name] of answered) {
          expect({ reference, name: byReference.get(reference)?.name, state: byReference.get(reference)?.state }).toEqual({ reference, name, state: 'confirmed' });
        }
        expect(await notStartedOnce(engine.running.reads, rows)).toEqual([]);
        const instanceCount = (await engine.running.reads.processInstances({ bpmnProcessId: 'hund-anmelden', limit: 1000 })).instances.length;
        expect(instanceCount).toBe(rows.length);
      } finally {
        await engine.destroy();
        await sql.close();
      }
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  }, 240_000);
});
