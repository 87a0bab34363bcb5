import { describe, expect, it } from '@jest/globals';
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { startTestEngine } from '../engine/tests/harness.js';
import { startAmtsflowProcess, TEST_ADMIN_PASSWORD } from './support/amtsflow-process.js';
import { freePort } from './support/engine-process.js';
import { readmeScript } from './support/readme-script.js';

describe('the README quick start', () => {
  it('shows the same example script that is shipped in examples/', async () => {
    const readme = await readFile('README.md', 'utf8');
    const script = await readFile('examples/hello-zeebe.mjs', 'utf8');
    expect(readme).toContain(script.trim());
  });

  it('deploys, starts three instances and completes them with a worker against the embedded engine', async () => {
    const engine = await startTestEngine();
    try {
      const { stdout } = await promisify(execFile)(process.execPath, ['examples/hello-zeebe.mjs'], {
        env: { ...process.env, ZEEBE_ADDRESS: engine.running.gatewayAddress },
      });
      expect(stdout).toContain('deployed hello-amtsflow version 1');
      expect(stdout.match(/Guten Tag, /g)).toHaveLength(3);
    } finally {
      await engine.destroy();
    }
  });
});


describe('the README portal walkthrough', () => {
  it('deploys and publishes a service, submits it as a citizen with a file, and completes the task as a clerk, against npm start', async () => {
    const dataDir = await mkdtemp(path.join(os.tmpdir(), 'amtsflow-walkthrough-'));
    const port = await freePort();
    // The status link is built from the public URL, which follows the port: a fixed free one, not 0.
    const running = await startAmtsflowProcess(dataDir, { PORT: String(port) });
    try {
      const { stdout } = await promisify(execFile)('bash', ['-euo', 'pipefail', '-c', await readmeScript('portal-walkthrough')], {
        env: { ...process.env, BASE: running.url, ADMIN_PASSWORD: TEST_ADMIN_PASSWORD },
      });
      const lines = stdout.trim().split('\n');
      // The catalogue: the example beside the city's services seeded on the first start.
      expect(lines.filter((line) => line.startsWith('Angebot: '))).toEqual(expect.arrayContaining([
        'Angebot: Hund anmelden (Beispiel)', 'Angebot: Hund anmelden (Hundesteuer, Landeshundegesetz)', 'Angebot: Fundsache melden',
      ]));
      expect(lines.filter((line) => !line.startsWith('Angebot: '))).toEqual([
        `Aktenzeichen: PROBE-${new Date().getUTCFullYear()}-000001`,
        'Status: received',
        'Anlage: impfpass.pdf (application/pdf)',
        'Status: completed',
      ]);
    } finally {
      running.child.kill('SIGTERM');
      await running.exited;
      await rm(dataDir, { recursive: true, force: true });
    }
  }, 120_000);
});
