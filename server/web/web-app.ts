/**
 * Serves the browser apps that `designer/` builds (see designer/README.md): the citizen portal at `/` (at
 * `/services/*` its page that preloads the form), the staff app at `/staff/` (a single-page app: every path under it
 * gets its HTML), and their hashed assets under `/assets/`.
 * The HTML is revalidated on every load, so a new build is seen at once; assets carry a content hash in their name
 * and are cached for a year, and are sent precompressed where the build wrote a twin (brotli, else gzip).
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import express, { type RequestHandler, type Response, Router } from 'express';
import { precompressedAssets } from './precompressed-assets.js';

export const PORTAL_PAGE = 'index.html';
/** The portal's page with a service form's chunks preloaded (designer/build/service-page-preloads.ts). */
export const SERVICE_PAGE = 'service.html';
export const STAFF_PAGE = 'staff/index.html';
const ASSET_MAX_AGE_SECONDS = 365 * 24 * 3600;

/**
 * The Content-Security-Policy the apps run under. Scripts and everything they fetch come from this origin only, no
 * inline or evaluated script. Two allowances the libraries need: inline styles (diagram-js, form-js and the FEEL
 * editor's CodeMirror write `style` attributes and `<style>` elements at run time; style cannot run code), and
 * `data:` images (the bpmn.io watermark and the icons in bpmn-js's and form-js's CSS). `blob:` lets the designer
 * offer a diagram or form as a download.
 */
export const WEB_APP_CSP_DIRECTIVES = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  scriptSrcAttr: ["'none'"],
  styleSrc: ["'self'", "'unsafe-inline'"],
  imgSrc: ["'self'", 'data:', 'blob:'],
  fontSrc: ["'self'"],
  connectSrc: ["'self'"],
  objectSrc: ["'none'"],
  frameAncestors: ["'none'"],
  baseUri: ["'self'"],
  formAction: ["'self'"],
};

export interface WebAppOptions {
  /** The build output folder (`designer/dist`). */
  webDir: string;
}

/** The router, or undefined when there is no build (the server then offers only its API). */
export function webAppRouter({ webDir }: WebAppOptions): Router | undefined {
  if (![PORTAL_PAGE, SERVICE_PAGE, STAFF_PAGE].every((file) => existsSync(path.join(webDir, file)))) return undefined;
  const router = Router();
  // A missing asset falls through to the 404 problem.
  const assetsDir = path.join(webDir, 'assets');
  const assetCaching = { immutable: true, maxAge: ASSET_MAX_AGE_SECONDS * 1000 };
  router.use('/assets', precompressedAssets(assetsDir, assetCaching), express.static(assetsDir, { ...assetCaching, index: false }));
  // The portal's own routes (designer/src/portal/PortalApp.tsx), so that a status link opens from a mail or a bookmark.
  router.get(['/', '/index.html', '/status/{*rest}', '/fundsachen'], page(webDir, PORTAL_PAGE));
  router.get('/services/{*rest}', page(webDir, SERVICE_PAGE));
  router.get(['/staff', '/staff/{*rest}'], page(webDir, STAFF_PAGE));
  // Files at the top of the build (favicon) change rarely but have no hash: revalidate them.
  router.use(express.static(webDir, { index: false, setHeaders: revalidate, dotfiles: 'ignore' }));
  return router;
}

function page(webDir: string, file: string): RequestHandler {
  const absolute = path.join(webDir, file);
  return (_req, res, next) => {
    res.sendFile(absolute, { headers: { 'Cache-Control': 'no-cache' }, lastModified: true }, (error) => {
      if (error) next(error);
    });
  };
}

function revalidate(res: Response) {
  res.setHeader('Cache-Control', 'no-cache');
}
