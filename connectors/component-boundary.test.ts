/**
 * connectors/ imports from the rest of amtsflow only what its README says: engine/storage's public face for its
 * database (in storage/), the engine's test helpers only through testing/engine-test-support.ts, and test peers and
 * shared-file helpers of test/ only from tests.
 */
import { describe, expect, it } from '@jest/globals';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const COMPONENT = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.dirname(COMPONENT);

/** Each file's imports that leave connectors/, as `file → target`, both relative to the repository root. */
async function importsLeavingTheComponent(): Promise<string[]> {
  const files = (await readdir(COMPONENT, { recursive: true })).filter((file) => file.endsWith('.ts'));
  const found: string[] = [];
  for (const file of files) {
    const text = await readFile(path.join(COMPONENT, file), 'utf8');
    for (const [, specifier] of text.matchAll(/(?:from|import\()\s*'(\.{1,2}\/[^']+)'/g)) {
      const target = path.relative(ROOT, path.resolve(COMPONENT, path.dirname(file), specifier));
      if (!target.startsWith(`connectors${path.sep}`)) found.push(`connectors/${file.split(path.sep).join('/')} → ${target.split(path.sep).join('/')}`);
    }
  }
  return found;
}

const isTestCode = (file: string) => /\.test\.ts$/.test(file) || file.includes('/testing/');

describe('the connectors component', () => {
  it('imports engine/ only for its database and in its test support, and test/ only from tests', async () => {
    const unexpected = (await importsLeavingTheComponent()).filter((entry) => {
      const [file, target] = entry.split(' → ');
      if (file === 'connectors/storage/connector-storage.ts') return target !== 'engine/storage/index.js';
      if (file === 'connectors/testing/engine-test-support.ts') return !/^engine\/(tests|storage)\//.test(target);
      return !(isTestCode(file) && /^test\/(peers|support)\//.test(target));
    });
    expect(unexpected).toEqual([]);
  });
});
