/**
 * What the built apps load, read from the build's own record of which modules went into which chunk
 * (designer/build/bundle-modules-report.ts). The citizen portal: one copy each of form-js's viewer and of preact, none
 * of it on the catalogue, forms/'s validator apart from the form, and the form's chunks preloaded by the page for
 * `/services/*`. The staff app: the copies of viewer and preact its form editor cannot do without, and no more.
 */
import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from '@jest/globals';
import { BUNDLE_MODULES_FILE, type BundleChunk } from '../../designer/build/bundle-modules-report.js';
import { SERVICE_PAGE } from '../../designer/build/service-page-preloads.js';
import { ensureWebBuild, WEB_DIST_DIR } from '../../designer/build/web-build.js';

/** The module that is a package's code, wherever in node_modules (or inside another package) a copy of it lies. */
const FORM_JS_VIEWER = /(^|\/)@bpmn-io\/form-js-viewer\/dist\/index\.es\.js$/;
const PREACT = /(^|\/)preact\/dist\/preact\.module\.js$/;
const VALIDATOR = /^forms\/submission\/validate-submission\.ts$/;
const REPOSITORY_DIR = path.resolve(WEB_DIST_DIR, '../..');

let chunks: Map<string, BundleChunk>;

beforeAll(async () => {
  await ensureWebBuild();
  const report = JSON.parse(await readFile(path.join(WEB_DIST_DIR, BUNDLE_MODULES_FILE), 'utf8')) as BundleChunk[];
  chunks = new Map(report.map((chunk) => [chunk.file, chunk]));
}, 600_000);

function entry(name: string): BundleChunk {
  const found = [...chunks.values()].find((chunk) => chunk.entry === name);
  if (!found) throw new Error(`no entry chunk named ${name}`);
  return found;
}

function chunkByModule(module: RegExp): BundleChunk {
  const found = [...chunks.values()].filter((chunk) => chunk.modules.some((id) => module.test(id)));
  expect(found).toHaveLength(1);
  return found[0];
}

/** The modules a chunk brings with it: its own and its static imports', and with `dynamic`, all it may load later. */
function modulesLoadedBy(start: BundleChunk, { dynamic }: { dynamic: boolean }): string[] {
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    const chunk = chunks.get(file)!;
    for (const next of [...chunk.imports, ...(dynamic ? chunk.dynamicImports : [])]) visit(next);
  };
  visit(start.file);
  return [...seen].flatMap((file) => chunks.get(file)!.modules);
}

describe('the citizen portal\'s built bundle', () => {
  it('holds one copy of form-js\'s viewer and one of preact, everything it may load counted', () => {
    const everything = modulesLoadedBy(entry('portal'), { dynamic: true });
    expect(everything.filter((id) => FORM_JS_VIEWER.test(id))).toEqual(['node_modules/@bpmn-io/form-js-viewer/dist/index.es.js']);
    expect(everything.filter((id) => PREACT.test(id))).toEqual(['node_modules/preact/dist/preact.module.js']);
  });

  it('loads neither form-js nor the validator on the catalogue', () => {
    const atStart = modulesLoadedBy(entry('portal'), { dynamic: false });
    expect(atStart.some((id) => id.startsWith('designer/src/portal/catalogue/'))).toBe(true);
    expect(atStart.filter((id) => FORM_JS_VIEWER.test(id) || PREACT.test(id) || VALIDATOR.test(id) || id.startsWith('node_modules/feelin/'))).toEqual([]);
  });

  it('shows a service\'s form without the validator, which comes in a chunk of its own', () => {
    const form = chunkByModule(/^designer\/src\/portal\/apply\/ApplicationForm\.tsx$/);
    const withForm = modulesLoadedBy(form, { dynamic: false });
    expect(withForm.filter((id) => FORM_JS_VIEWER.test(id))).toHaveLength(1);
    expect(withForm.filter((id) => VALIDATOR.test(id) || id.startsWith('node_modules/feelin/'))).toEqual([]);
    expect(modulesLoadedBy(form, { dynamic: true }).filter((id) => VALIDATOR.test(id))).toHaveLength(1);
  });

  it('preloads the form\'s chunks and their CSS on a service\'s page, and none of them on the catalogue', async () => {
    const links = (html: string) => [...html.matchAll(/<link rel="(?:modulepreload|preload|stylesheet)"[^>]* href="\/([^"]+)"/g)].map((link) => link[1]);
    const catalogue = links(await readFile(path.join(WEB_DIST_DIR, 'index.html'), 'utf8'));
    const service = links(await readFile(path.join(WEB_DIST_DIR, SERVICE_PAGE), 'utf8'));
    expect(service).toEqual(expect.arrayContaining(catalogue));
    const added = service.filter((file) => !catalogue.includes(file));
    expect(added).toContain(chunkByModule(/^designer\/src\/portal\/apply\/ApplicationForm\.tsx$/).file);
    expect(added).toContain(chunkByModule(/^node_modules\/@bpmn-io\/form-js-viewer\/dist\/index\.es\.js$/).file);
    expect(added.some((file) => file.endsWith('.css'))).toBe(true);
    expect(added).not.toContain(chunkByModule(VALIDATOR).file);
  });
});

describe('the staff app\'s built bundle', () => {
  // Two of each, because form-js's editor is published only as 1.23: it requires form-js-viewer 1.23 exactly and pins
  // preact to <=10.15.1, since dragging in it breaks on newer preacts (bpmn-io/form-js#760, fixed upstream but not
  // released for the editor). Everything else (task list, form preview, modeler, properties panel) shares the root's.
  it('holds the root\'s viewer and preact, and only the form editor\'s own copies besides, everything it may load counted', () => {
    const everything = modulesLoadedBy(entry('staff'), { dynamic: true });
    expect(everything.filter((id) => FORM_JS_VIEWER.test(id)).sort()).toEqual([
      'node_modules/@bpmn-io/form-js-editor/node_modules/@bpmn-io/form-js-viewer/dist/index.es.js',
      'node_modules/@bpmn-io/form-js-viewer/dist/index.es.js',
    ]);
    expect(everything.filter((id) => PREACT.test(id)).sort()).toEqual([
      'node_modules/@bpmn-io/form-js-editor/node_modules/preact/dist/preact.module.js',
      'node_modules/preact/dist/preact.module.js',
    ]);
    expect(everything.filter((id) => id.startsWith('node_modules/@bpmn-io/properties-panel/preact/'))).toEqual([]);
  });

  it('holds one copy of each package release, though npm installs some several times', () => {
    const everything = [...chunks.values()].flatMap((chunk) => chunk.modules);
    const copiesByRelease = new Map<string, Set<string>>();
    for (const id of everything) {
      const found = /^(.*node_modules\/(?:@[^/]+\/)?[^/]+)\//.exec(id);
      if (!found) continue;
      const { name, version } = JSON.parse(readFileSync(path.join(REPOSITORY_DIR, found[1]!, 'package.json'), 'utf8')) as { name: string; version: string };
      const release = `${name}@${version}`;
      copiesByRelease.set(release, (copiesByRelease.get(release) ?? new Set()).add(found[1]!));
    }
    const repeated = [...copiesByRelease].filter(([, copies]) => copies.size > 1).map(([release, copies]) => `${release}: ${[...copies].join(', ')}`);
    expect(repeated).toEqual([]);
    // npm does install @bpmn-io/lezer-feel 3.0.1 more than once (beside the root's 2.5.0): the case this is about.
    expect([...copiesByRelease.keys()]).toContain('@bpmn-io/lezer-feel@3.0.1');
  });
});
