import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import fs from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { openPgliteClient } from './pglite-client.js';
import type { SqlClient } from './sql-client.js';

describe('PGlite on disk', () => {
  let dir: string;
  let sql: SqlClient;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'amtsflow-durable-'));
    sql = await openPgliteClient(dir, 'public');
    await sql.exec('CREATE TABLE commits (id integer PRIMARY KEY)');
  });
  afterAll(async () => {
    await sql.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('runs PostgreSQL with fsync on and the WAL synced through fsync()', async () => {
    expect(await sql.query('SHOW fsync')).toEqual([{ fsync: 'on' }]);
    expect(await sql.query('SHOW wal_sync_method')).toEqual([{ wal_sync_method: 'fsync' }]);
  });

  it('flushes the WAL to the disk before a commit returns', async () => {
    const flushed: string[] = [];
    const fdatasync = jest.spyOn(fs, 'fdatasyncSync').mockImplementation((fd) => {
      flushed.push(fs.readlinkSync(`/proc/self/fd/${fd}`));
    });
    try {
      await sql.query('INSERT INTO commits VALUES (1)');
    } finally {
      fdatasync.mockRestore();
    }
    expect(flushed.some((file) => file.includes(`${path.sep}pg_wal${path.sep}`))).toBe(true);
  });
});
