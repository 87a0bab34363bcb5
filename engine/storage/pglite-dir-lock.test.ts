import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { lockPgliteDir } from './pglite-dir-lock.js';
import { StorageError } from './storage-error.js';

describe('the PGlite directory lock', () => {
  let pgliteDir: string;
  beforeEach(async () => {
    pgliteDir = path.join(await mkdtemp(path.join(os.tmpdir(), 'amtsflow-lock-')), 'pglite');
  });
  afterEach(() => rm(path.dirname(pgliteDir), { recursive: true, force: true }));

  it('lets one opener in at a time and removes its file on release', async () => {
    const release = await lockPgliteDir(pgliteDir);
    expect(await readFile(`${pgliteDir}.lock`, 'utf8')).toBe(String(process.pid));
    await expect(lockPgliteDir(pgliteDir)).rejects.toThrow(/already open in this process/);
    await release();
    await expect(stat(`${pgliteDir}.lock`)).rejects.toThrow(/ENOENT/);
    await (await lockPgliteDir(pgliteDir))();
  });

  it('refuses a directory that another running process holds', async () => {
    await writeFile(`${pgliteDir}.lock`, String(process.ppid));
    await expect(lockPgliteDir(pgliteDir)).rejects.toThrow(StorageError);
    await expect(lockPgliteDir(pgliteDir)).rejects.toThrow(`in use by process ${process.ppid}`);
  });

  it('takes over a lock left behind by a process that is gone', async () => {
    const gone = spawnSync(process.execPath, ['-e', '']).pid;
    await writeFile(`${pgliteDir}.lock`, String(gone));
    const release = await lockPgliteDir(pgliteDir);
    expect(await readFile(`${pgliteDir}.lock`, 'utf8')).toBe(String(process.pid));
    await release();
  });
});
