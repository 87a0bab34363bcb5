/**
 * One Vite project, two bundles: the citizen portal (`index.html`, served at `/`) and the staff app
 * (`staff/index.html`, served at `/staff/`). They share only what both import (React, the i18n layer); the modeler
 * and form editor are reachable from the staff entry alone, which test/browser checks on the built files.
 */
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import { bundleModulesReport } from './build/bundle-modules-report.js';
import { oneCopyPerRelease } from './build/one-copy-per-release.js';
import { servicePagePreloads } from './build/service-page-preloads.js';
import { sharedPropertiesPanelPreact } from './build/shared-properties-panel-preact.js';

const inDesigner = (file: string) => fileURLToPath(new URL(file, import.meta.url));

export default defineConfig({
  root: inDesigner('.'),
  base: '/',
  publicDir: inDesigner('public'),
  // React's automatic JSX runtime; Vite 8 transforms with Oxc (its `esbuild` option is deprecated and mapped onto this).
  oxc: { jsx: { runtime: 'automatic', importSource: 'react' } },
  // One copy of each package release, and the properties panel on the root preact; what each chunk holds, for the
  // tests that check what the apps load (test/web-build/); the portal's page for `/services/*` with the form's chunks
  // preloaded.
  plugins: [oneCopyPerRelease(inDesigner('..')), sharedPropertiesPanelPreact(), bundleModulesReport(), servicePagePreloads()],
  build: {
    outDir: inDesigner('dist'),
    emptyOutDir: true,
    target: 'es2022',
    // Fonts and images stay files: the CSP allows no data: fonts, and hashed files cache for a year.
    assetsInlineLimit: 0,
    chunkSizeWarningLimit: 4096,
    rolldownOptions: {
      input: { portal: inDesigner('index.html'), staff: inDesigner('staff/index.html') },
    },
  },
});
