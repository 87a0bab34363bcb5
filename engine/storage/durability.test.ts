import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { JournalBatch } from './journal.js';
import { openJournal } from './open-storage.js';
import type { SqlClientOptions } from './open-sql-client.js';
import { storageTargets } from './storage-test-targets.js';

const FIXTURE = fileURLToPath(new URL('./append-until-killed.ts', import.meta.url));
const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** Runs the fixture until it has acknowledged at least `acks` appends, kills it with SIGKILL, returns what it acknowledged. */
async function appendUntilKilled(options: SqlClientOptions, acks: number): Promise<number[]> {
  const child = spawn(process.execPath, ['--import', 'tsx', FIXTURE, JSON.stringify(options)], { cwd: REPO_ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  const acknowledged: number[] = [];
  let output = '';
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
    const lines = (output + chunk).split('\n');
    output = lines.pop()!;
    acknowledged.push(...lines.map(Number));
    if (acknowledged.length >= acks) child.kill('SIGKILL');
  });
  const signal = await new Promise((resolve) => child.once('close', (code, signal) => resolve(signal ?? code)));
  if (signal !== 'SIGKILL') throw new Error(`The fixture ended with ${String(signal)} before it was killed:\n${stderr}`);
  return acknowledged;
}

async function readAll(options: SqlClientOptions): Promise<JournalBatch[]> {
  const journal = await openJournal(options);
  const batches: JournalBatch[] = [];
  try {
    await journal.readBatches(0, (batch) => batches.push(batch));
  } finally {
    await journal.close();
  }
  return batches;
}

describe.each(storageTargets())('durability on $name', (target) => {
  beforeAll(() => target.setUp());
  afterAll(() => target.tearDown());

  it('keeps every acknowledged append when the process is killed with SIGKILL mid-stream', async () => {
    const options = target.freshOptions();
    const acknowledged: number[] = [];
    for (const acks of [200, 30, 500]) {
      acknowledged.push(...(await appendUntilKilled(options, acks)));
      const batches = await readAll(options);
      const positions = batches.map((batch) => batch.position);
      expect(positions).toEqual(Array.from({ length: positions.length }, (_, i) => i + 1));
      expect(positions.length).toBeGreaterThanOrEqual(Math.max(...acknowledged));
      for (const batch of batches) {
        expect(batch.records).toHaveLength(10);
        expect(batch.records.every((record, index) => JSON.stringify(record) === JSON.stringify({ position: batch.position, index, payload: 'x'.repeat(250) }))).toBe(true);
      }
    }
  }, 120_000);
});
