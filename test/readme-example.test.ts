import { describe, expect, it } from '@jest/globals';
import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { promisify } from 'node:util';
import { startTestEngine } from '../engine/tests/harness.js';

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
