/**
 * Builds the browser apps into designer/dist with Vite, and tells whether that build is current: `npm start` and the
 * browser tests build only when dist is missing or older than any of its sources. Concurrent callers (two test
 * files) wait for one build instead of writing the same folder twice.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, readdir, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { precompressAssets } from './precompress-assets.js';

export const DESIGNER_DIR = fileURLToPath(new URL('..', import.meta.url));
export const WEB_DIST_DIR = path.join(DESIGNER_DIR, 'dist');
const REPO_DIR = path.dirname(DESIGNER_DIR);
/** Written last by a successful build; its time is the build's. */
const STAMP = path.join(WEB_DIST_DIR, '.build-stamp');
const LOCK = path.join(DESIGNER_DIR, '.build-lock');
const STALE_LOCK_MS = 10 * 60_000;

/** What the bundles are made of: the apps, their pages and config, `forms/` (which they import) and the lock file. */
const SOURCES = [
  path.join(DESIGNER_DIR, 'src'),
  path.join(DESIGNER_DIR, 'public'),
  path.join(DESIGNER_DIR, 'index.html'),
  path.join(DESIGNER_DIR, 'staff', 'index.html'),
  path.join(DESIGNER_DIR, 'vite.config.ts'),
  path.join(REPO_DIR, 'forms'),
  path.join(REPO_DIR, 'package-lock.json'),
];

export type WebBuildOutcome = 'current' | 'built';

/** Builds unless the build in dist is newer than every source. */
export async function ensureWebBuild(log: (message: string) => void = () => {}): Promise<WebBuildOutcome> {
  if (await isCurrent()) return 'current';
  await withLock(async () => {
    if (await isCurrent()) return; // another process built it while this one waited
    log('Building the browser apps (designer/dist) ...');
    await buildWeb();
  });
  return 'built';
}

/**
 * Runs `vite build` in a child process (Vite bundles its config with rolldown, which fails inside a test runner's
 * module sandbox, jest; and a separate process keeps the build's memory out of the server's), then writes the
 * assets' compressed twins (`precompress-assets.ts`).
 */
export async function buildWeb(): Promise<void> {
  const viteBin = path.join(REPO_DIR, 'node_modules', 'vite', 'bin', 'vite.js');
  if (!existsSync(viteBin)) {
    throw new Error('designer/dist is missing or out of date, and Vite (a dev dependency) is not installed: run `npm run build:web` where it is, or install with dev dependencies');
  }
  await new Promise<void>((resolve, reject) => {
    const child = spawn(process.execPath, [viteBin, 'build', '--config', path.join(DESIGNER_DIR, 'vite.config.ts'), '--logLevel', 'error'], {
      cwd: REPO_DIR,
      // A test runner's NODE_ENV=test would give React's development build.
      env: { ...process.env, NODE_ENV: 'production' },
      stdio: ['ignore', 'inherit', 'inherit'],
    });
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`vite build failed with exit code ${code}`))));
  });
  await precompressAssets(path.join(WEB_DIST_DIR, 'assets'));
  await writeFile(STAMP, new Date().toISOString());
}

export async function isCurrent(): Promise<boolean> {
  const built = await mtimeOf(STAMP);
  if (built === undefined) return false;
  for (const source of SOURCES) {
    if ((await newestMtime(source)) > built) return false;
  }
  return true;
}

async function mtimeOf(file: string): Promise<number | undefined> {
  try {
    return (await stat(file)).mtimeMs;
  } catch {
    return undefined;
  }
}

async function newestMtime(file: string): Promise<number> {
  let info;
  try {
    info = await stat(file);
  } catch {
    return 0;
  }
  if (!info.isDirectory()) return info.mtimeMs;
  let newest = info.mtimeMs; // a deleted file changes its folder's time
  for (const entry of await readdir(file)) {
    if (entry === 'node_modules' || entry.startsWith('.')) continue;
    newest = Math.max(newest, await newestMtime(path.join(file, entry)));
  }
  return newest;
}

async function withLock(run: () => Promise<void>): Promise<void> {
  for (;;) {
    try {
      await mkdir(LOCK);
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const since = await mtimeOf(LOCK);
      if (since !== undefined && Date.now() - since > STALE_LOCK_MS) await rm(LOCK, { recursive: true, force: true });
      else await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }
  try {
    await run();
  } finally {
    await rm(LOCK, { recursive: true, force: true });
  }
}
