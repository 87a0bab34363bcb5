/**
 * A Vite plugin that writes `service.html`: the portal's page with the form's chunks (form-js and what it imports) and
 * their CSS preloaded. The server sends it for `/services/*` (server/web/web-app.ts), so on a service's page the form
 * downloads alongside the portal's own script instead of after it has run; the catalogue loads none of it. The links
 * are `crossorigin` as Vite's own preloads are, so the requests Vite makes when the chunk is imported find them cached.
 */
import type { OutputBundle, OutputChunk } from 'rolldown';
import type { Plugin } from 'vite';

export const SERVICE_PAGE = 'service.html';
const PORTAL_PAGE = 'index.html';
const FORM_MODULE = '/src/portal/apply/ApplicationForm.tsx';

function chunkOf(bundle: OutputBundle, match: (chunk: OutputChunk) => boolean): OutputChunk | undefined {
  return Object.values(bundle).find((output): output is OutputChunk => output.type === 'chunk' && match(output));
}

/** A chunk and every chunk it imports statically, in the bundle's file names. */
function withStaticImports(bundle: OutputBundle, file: string, into = new Set<string>()): Set<string> {
  if (into.has(file)) return into;
  into.add(file);
  for (const imported of (bundle[file] as OutputChunk).imports) withStaticImports(bundle, imported, into);
  return into;
}

export function servicePagePreloads(): Plugin {
  return {
    name: 'amtsflow-service-page-preloads',
    apply: 'build',
    enforce: 'post',
    generateBundle(_options, bundle) {
      const page = bundle[PORTAL_PAGE];
      const portal = chunkOf(bundle, (chunk) => chunk.isEntry && chunk.name === 'portal');
      const form = chunkOf(bundle, (chunk) => chunk.facadeModuleId?.endsWith(FORM_MODULE) ?? false);
      if (page?.type !== 'asset' || !portal || !form) {
        this.error(`cannot write ${SERVICE_PAGE}: the portal's page, its entry or the chunk of ${FORM_MODULE} is missing`);
      }
      const loadedFirst = withStaticImports(bundle, portal.fileName);
      const scripts = [...withStaticImports(bundle, form.fileName)].filter((file) => !loadedFirst.has(file));
      const styles = scripts.flatMap((file) => [...((bundle[file] as OutputChunk).viteMetadata?.importedCss ?? [])]);
      const links = [
        ...scripts.map((file) => `<link rel="modulepreload" crossorigin fetchpriority="low" href="/${file}">`),
        ...styles.map((file) => `<link rel="preload" as="style" crossorigin fetchpriority="low" href="/${file}">`),
      ];
      this.emitFile({ type: 'asset', fileName: SERVICE_PAGE, source: String(page.source).replace('</head>', `  ${links.join('\n    ')}\n  </head>`) });
    },
  };
}
