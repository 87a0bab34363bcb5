/**
 * The databases the storage tests run against: PGlite always, and the PostgreSQL server when
 * AMTSFLOW_TEST_DATABASE_URL is set. Every journal a test asks for lives in a fresh schema that is dropped afterwards.
 */
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import type { SqlClientOptions } from './open-sql-client.js';

export interface StorageTarget {
  name: string;
  /** Where a test's data goes; call once before the tests (beforeAll). */
  setUp(): Promise<void>;
  /** Options for a journal in a new, empty schema. */
  freshOptions(): SqlClientOptions;
  /** Drops the schemas and the directory; call once after the tests (afterAll). */
  tearDown(): Promise<void>;
}

export function storageTargets(): StorageTarget[] {
  // Tests take their database from the environment; engine code gets options instead.
  const serverUrl = process.env.AMTSFLOW_TEST_DATABASE_URL;
  return serverUrl ? [target('PGlite'), target('PostgreSQL', serverUrl)] : [target('PGlite')];
}

function target(name: string, databaseUrl?: string): StorageTarget {
  // One PGlite directory per test file: creating a PGlite database takes seconds, a schema milliseconds.
  let dataDir = '';
  const schemas: string[] = [];
  return {
    name,
    async setUp() {
      dataDir = await mkdtemp(path.join(os.tmpdir(), 'amtsflow-storage-'));
    },
    freshOptions() {
      const schema = `test_${randomBytes(6).toString('hex')}`;
      schemas.push(schema);
      return { dataDir, databaseUrl, schema };
    },
    async tearDown() {
      if (databaseUrl) await dropSchemas(databaseUrl, schemas);
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

async function dropSchemas(databaseUrl: string, schemas: string[]): Promise<void> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    for (const schema of schemas) await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
  } finally {
    await client.end();
  }
}
