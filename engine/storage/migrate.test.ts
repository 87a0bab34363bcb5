import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { migrate, readMigrations, type Migration } from './migrate.js';
import { openSqlClient } from './open-sql-client.js';
import { StorageError } from './storage-error.js';
import { storageTargets } from './storage-test-targets.js';

describe.each(storageTargets())('migrations on $name', (target) => {
  beforeAll(() => target.setUp());
  afterAll(() => target.tearDown());

  it('applies every migration file once, in order, and nothing on the next start', async () => {
    const options = target.freshOptions();
    const files = (await readMigrations()).map((migration) => migration.name);
    const sql = await openSqlClient(options);
    try {
      expect(files.slice(0, 2)).toEqual(['001_journal.sql', '002_snapshot.sql']);
      expect(await migrate(sql, options.schema)).toEqual(files);
      expect(await migrate(sql, options.schema)).toEqual([]);
      const applied = await sql.query<{ name: string }>('SELECT name FROM schema_migrations ORDER BY version');
      expect(applied.map((row) => row.name)).toEqual(files);
      const tables = await sql.query<{ table_name: string }>(
        'SELECT table_name FROM information_schema.tables WHERE table_schema = $1 ORDER BY table_name',
        [options.schema],
      );
      expect(tables.map((row) => row.table_name)).toEqual([
        'decision_definition', 'decision_requirements', 'element_instance', 'exporter_position', 'form_definition', 'incident', 'journal',
        'process_definition', 'process_element', 'process_instance', 'schema_migrations', 'snapshot', 'variable',
      ]);
    } finally {
      await sql.close();
    }
  });

  it('leaves nothing behind when a migration fails', async () => {
    const options = target.freshOptions();
    const broken: Migration[] = [
      { version: 1, name: '001_fine.sql', sql: 'CREATE TABLE fine (id integer)' },
      { version: 2, name: '002_broken.sql', sql: 'CREATE TABLE broken (' },
    ];
    const sql = await openSqlClient(options);
    try {
      await expect(migrate(sql, options.schema, broken)).rejects.toThrow(/Migration 002_broken.sql failed/);
      const [row] = await sql.query<{ exists: boolean }>('SELECT count(*) > 0 AS exists FROM pg_namespace WHERE nspname = $1', [options.schema]);
      expect(row?.exists).toBe(false);
    } finally {
      await sql.close();
    }
  });

  it('refuses a schema that a newer version of amtsflow has migrated', async () => {
    const options = target.freshOptions();
    const sql = await openSqlClient(options);
    try {
      await migrate(sql, options.schema);
      await sql.query("INSERT INTO schema_migrations (version, name) VALUES (999, '999_from_the_future.sql')");
      await expect(migrate(sql, options.schema)).rejects.toThrow(StorageError);
      await expect(migrate(sql, options.schema)).rejects.toThrow(/migrations 999 that this version of amtsflow does not know/);
    } finally {
      await sql.close();
    }
  });

  it('rejects a schema name that would need quoting', async () => {
    await expect(openSqlClient({ ...target.freshOptions(), schema: 'Engine; DROP' })).rejects.toThrow(StorageError);
  });
});

const server = storageTargets().find((target) => target.name === 'PostgreSQL');

if (server) describe('migrations on a PostgreSQL server', () => {
  beforeAll(() => server!.setUp());
  afterAll(() => server!.tearDown());

  it('applies each file once when several processes start at the same moment', async () => {
    const options = server!.freshOptions();
    const clients = await Promise.all([1, 2, 3].map(() => openSqlClient(options)));
    try {
      const results = await Promise.all(clients.map((sql) => migrate(sql, options.schema)));
      const files = (await readMigrations()).map((migration) => migration.name);
      expect(results.flat().sort()).toEqual(files);
      expect(results.filter((applied) => applied.length > 0)).toHaveLength(1);
    } finally {
      await Promise.all(clients.map((sql) => sql.close()));
    }
  });
});
