/**
 * A Vite plugin that builds `@bpmn-io/properties-panel` (and bpmn-js-properties-panel, and our template provider,
 * which import `@bpmn-io/properties-panel/preact`) on the root `preact` instead of the copy of preact that package
 * ships inside itself, so the staff app carries one preact fewer. Only sound while the two are the same release: the
 * build fails when their versions differ, rather than running the panel on a preact it was not built with.
 */
import { readFileSync, realpathSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { Plugin } from 'vite';

const require = createRequire(import.meta.url);

interface PreactCopy {
  dir: string;
  version: string;
}

function preactAt(packageJson: string): PreactCopy {
  const file = require.resolve(packageJson);
  return { dir: realpathSync(path.dirname(file)), version: (JSON.parse(readFileSync(file, 'utf8')) as { version: string }).version };
}

export function sharedPropertiesPanelPreact(): Plugin {
  let vendored: PreactCopy;
  let root: PreactCopy;
  return {
    name: 'amtsflow-shared-properties-panel-preact',
    apply: 'build',
    enforce: 'pre',
    buildStart() {
      vendored = preactAt('@bpmn-io/properties-panel/preact/package.json');
      root = preactAt('preact/package.json');
      if (vendored.version !== root.version) {
        throw new Error(`@bpmn-io/properties-panel ships preact ${vendored.version}, the root preact is ${root.version}: `
          + 'building the panel on the root preact (designer/build/shared-properties-panel-preact.ts) is only safe for the same version. '
          + 'Bring the root preact to the panel\'s version, or remove this plugin from designer/vite.config.ts.');
      }
    },
    async resolveId(source, importer, options) {
      if (!source.includes('preact')) return null;
      const resolved = await this.resolve(source, importer, { ...options, skipSelf: true });
      if (!resolved || !resolved.id.startsWith(vendored.dir + path.sep)) return null;
      // The same release has the same files: `hooks/dist/hooks.module.js` in the panel's copy is that file of the root's.
      return { ...resolved, id: path.join(root.dir, path.relative(vendored.dir, resolved.id)) };
    },
  };
}
