/**
 * Script, not a test: the citizen portal's budget (`npm run bench:lighthouse`). Builds the web apps, runs `npm start`
 * on a fresh data folder (so the city's services are seeded and published), and runs Lighthouse (mobile profile:
 * emulated phone, simulated slow 4G and a 4× slower CPU) in Debian's Chromium on each portal page. Prints the
 * performance and accessibility scores, time to interactive and the other timings, and the JavaScript the page loads,
 * gzipped and as transferred (the server sends brotli where the browser accepts it). Each page is measured BENCH_RUNS
 * times (default 3) and the run with the median performance score is reported.
 * BENCH_PAGES: the paths to measure, comma-separated (default: the catalogue and the Hundeanmeldung's form).
 * BENCH_LIGHTHOUSE_REPORT_DIR: a folder to keep each page's full Lighthouse report in (JSON, for Lighthouse's viewer).
 */
import * as chromeLauncher from 'chrome-launcher';
import lighthouse, { type RunnerResult } from 'lighthouse';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { ensureWebBuild } from '../designer/build/web-build.js';
import { startAmtsflowProcess } from '../test/support/amtsflow-process.js';
import { freePort } from '../test/support/engine-process.js';

const PAGES = (process.env.BENCH_PAGES ?? '/,/services/hundeanmeldung').split(',').map((page) => page.trim()).filter(Boolean);
const REPORT_DIR = process.env.BENCH_LIGHTHOUSE_REPORT_DIR;
const RUNS = Number(process.env.BENCH_RUNS ?? 3);

interface Audit {
  id: string;
  title: string;
  score: number | null;
  numericValue?: number;
  details?: { type?: string; overallSavingsMs?: number; items?: { url?: string; resourceType?: string; transferSize?: number; node?: { selector?: string; snippet?: string } }[] };
}

interface RunResult {
  performance: number;
  result: RunnerResult;
}

function ms(audits: Record<string, Audit>, id: string): string {
  return `${Math.round(audits[id]?.numericValue ?? NaN)} ms`;
}

await ensureWebBuild((message) => process.stdout.write(`${message}\n`));
const dataDir = await mkdtemp(path.join(os.tmpdir(), 'amtsflow-lighthouse-'));
const amtsflow = await startAmtsflowProcess(dataDir, { PORT: String(await freePort()), AMTSFLOW_WEB_DIR: path.resolve('designer/dist') });
const chrome = await chromeLauncher.launch({
  chromePath: '/usr/bin/chromium',
  chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
});
try {
  process.stdout.write(`machine: ${os.cpus().length} × ${os.cpus()[0]?.model.trim()}, Node ${process.version}, load ${os.loadavg().map((value) => value.toFixed(1)).join(' ')}\n`);
  for (const page of PAGES) {
    const url = `${amtsflow.url}${page}`;
    const runs: RunResult[] = [];
    for (let run = 1; run <= RUNS; run += 1) {
      const result = await lighthouse(url, { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: ['performance', 'accessibility'] });
      if (!result) throw new Error(`Lighthouse gave no result for ${url}`);
      const performance = Math.round((result.lhr.categories.performance?.score ?? 0) * 100);
      const audits = result.lhr.audits as Record<string, Audit>;
      process.stdout.write(`${page}, run ${run}: performance ${performance}, largest contentful paint ${ms(audits, 'largest-contentful-paint')}, total blocking time ${ms(audits, 'total-blocking-time')}, load ${os.loadavg()[0].toFixed(1)}\n`);
      runs.push({ performance, result });
    }
    // Lighthouse's own advice for a noisy machine: the median of several runs.
    const { result } = runs.sort((a, b) => a.performance - b.performance)[Math.floor(runs.length / 2)];
    if (REPORT_DIR) {
      await mkdir(REPORT_DIR, { recursive: true });
      await writeFile(path.join(REPORT_DIR, `${page.replace(/\W+/g, '-').replace(/^-|-$/g, '') || 'catalogue'}.json`), String(result.report));
    }
    const { categories } = result.lhr;
    const audits = result.lhr.audits as Record<string, Audit>;
    const scripts = (audits['network-requests'].details?.items ?? []).filter((item) => item.resourceType === 'Script');
    let gzipped = 0;
    for (const script of scripts) gzipped += gzipSync(Buffer.from(await (await fetch(script.url!)).arrayBuffer())).length;
    const transferred = scripts.reduce((sum, script) => sum + (script.transferSize ?? 0), 0);
    const opportunities = Object.values(audits)
      .filter((audit) => audit.details?.type === 'opportunity' && (audit.details.overallSavingsMs ?? 0) > 0)
      .map((audit) => `  opportunity: ${audit.id}: ${Math.round(audit.details!.overallSavingsMs!)} ms`);
    const accessibilityFailures = Object.values(audits)
      .filter((audit) => audit.score === 0 && categories.accessibility?.auditRefs.some((ref) => ref.id === audit.id))
      .flatMap((audit) => [`  accessibility: ${audit.id}: ${audit.title}`, ...(audit.details?.items ?? []).map((item) => `    ${item.node?.selector ?? ''} ${item.node?.snippet ?? ''}`)]);
    process.stdout.write([
      `${page} (median of ${runs.length} runs): performance ${Math.round((categories.performance?.score ?? 0) * 100)}, accessibility ${Math.round((categories.accessibility?.score ?? 0) * 100)}`,
      `  time to interactive ${ms(audits, 'interactive')}, first contentful paint ${ms(audits, 'first-contentful-paint')}, largest contentful paint ${ms(audits, 'largest-contentful-paint')}, total blocking time ${ms(audits, 'total-blocking-time')}`,
      `  JavaScript: ${scripts.length} files, ${(gzipped / 1024).toFixed(1)} KiB gzipped, ${(transferred / 1024).toFixed(1)} KiB transferred`,
      ...opportunities,
      ...accessibilityFailures,
      '',
    ].join('\n'));
  }
} finally {
  chrome.kill();
  amtsflow.child.kill('SIGTERM');
  await amtsflow.exited;
  await rm(dataDir, { recursive: true, force: true });
}
