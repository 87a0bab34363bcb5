/**
 * A Vite plugin that writes `.vite/bundle-modules.json` into the build: every chunk with its file, whether it is an
 * entry, the chunks it imports (statically and dynamically) and the modules it holds, by their path from the repository
 * or `node_modules/`. Tests read it to check what each app loads, and when (test/web-build/).
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Plugin } from 'vite';

export const BUNDLE_MODULES_FILE = '.vite/bundle-modules.json';

export interface BundleChunk {
  file: string;
  /** The entry's name (`portal`, `staff`) for an entry chunk. */
  entry: string | undefined;
  imports: string[];
  dynamicImports: string[];
  modules: string[];
}

const REPO_DIR = fileURLToPath(new URL('../..', import.meta.url));

/** `node_modules/a/node_modules/b/x.js` for a package's module (wherever node_modules lives), else the repository path. */
function modulePath(id: string): string {
  const packaged = id.indexOf('/node_modules/');
  return packaged >= 0 ? id.slice(packaged + 1) : path.relative(REPO_DIR, id);
}

export function bundleModulesReport(): Plugin {
  return {
    name: 'amtsflow-bundle-modules-report',
    apply: 'build',
    generateBundle(_options, bundle) {
      const chunks: BundleChunk[] = [];
      for (const output of Object.values(bundle)) {
        if (output.type !== 'chunk') continue;
        chunks.push({
          file: output.fileName,
          entry: output.isEntry ? output.name : undefined,
          imports: output.imports,
          dynamicImports: output.dynamicImports,
          modules: Object.keys(output.modules).map(modulePath).sort(),
        });
      }
      this.emitFile({ type: 'asset', fileName: BUNDLE_MODULES_FILE, source: JSON.stringify(chunks, null, 1) });
    },
  };
}
