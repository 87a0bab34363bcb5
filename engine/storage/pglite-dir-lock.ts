/**
 * Keeps a second process from opening the same PGlite directory: PGlite has no lock of its own, and two instances
 * writing one directory corrupt it. A lock left by a killed process is taken over.
 */
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { StorageError } from './storage-error.js';

const heldHere = new Set<string>();

/** Takes the lock and resolves with the function that releases it. */
export async function lockPgliteDir(pgliteDir: string): Promise<() => Promise<void>> {
  const lockFile = `${path.resolve(pgliteDir)}.lock`;
  if (heldHere.has(lockFile)) throw new StorageError(`${pgliteDir} is already open in this process`);
  await mkdir(path.dirname(lockFile), { recursive: true });
  try {
    await writeFile(lockFile, String(process.pid), { flag: 'wx' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    const holder = Number(await readFile(lockFile, 'utf8'));
    if (holder !== process.pid && isRunning(holder)) {
      throw new StorageError(`${pgliteDir} is in use by process ${holder}; if no amtsflow engine runs there, delete ${lockFile}`);
    }
    await writeFile(lockFile, String(process.pid));
  }
  heldHere.add(lockFile);
  let released = false;
  return async () => {
    if (released) return;
    released = true;
    heldHere.delete(lockFile);
    await rm(lockFile, { force: true });
  };
}

function isRunning(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
