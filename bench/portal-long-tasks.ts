/**
 * Script, not a test: the main thread's long tasks on a portal page, measured in the page itself
 * (`npm run bench:portal-long-tasks`), to compare builds of the browser apps more steadily than Lighthouse's score.
 * Debian's Chromium with a phone's viewport and Lighthouse's 4× slower CPU; each load sums the long tasks after
 * first contentful paint as Lighthouse's total blocking time does (the part of each over 50 ms), and reads FCP and LCP.
 * BENCH_WEB_DIRS: built apps to compare, comma-separated (default: designer/dist, built if out of date); each gets an
 * `npm start` of its own and the loads alternate between them, so the machine's load falls on all alike.
 * BENCH_PAGE (default `/services/hundeanmeldung`), BENCH_RUNS (loads per build, default 6).
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { ensureWebBuild, WEB_DIST_DIR } from '../designer/build/web-build.js';
import { startAmtsflowProcess, type AmtsflowProcess } from '../test/support/amtsflow-process.js';
import { freePort } from '../test/support/engine-process.js';

const WEB_DIRS = process.env.BENCH_WEB_DIRS?.split(',').map((dir) => path.resolve(dir.trim())) ?? [WEB_DIST_DIR];
const PAGE = process.env.BENCH_PAGE ?? '/services/hundeanmeldung';
const RUNS = Number(process.env.BENCH_RUNS ?? 6);
const SETTLE_MS = 3_500;

interface Load {
  blockingMs: number;
  fcpMs: number;
  lcpMs: number;
  /** The long tasks after first contentful paint, in ms. */
  tasks: number[];
}

/** Records long tasks, FCP and LCP from the page's own performance timeline. */
function observeTimeline(): void {
  const timeline = { longTasks: [] as [number, number][], fcp: 0, lcp: 0 };
  Object.assign(window, { amtsflowTimeline: timeline });
  new PerformanceObserver((list) => list.getEntries().forEach((entry) => timeline.longTasks.push([entry.startTime, entry.duration]))).observe({ type: 'longtask', buffered: true });
  new PerformanceObserver((list) => list.getEntries().forEach((entry) => { timeline.lcp = entry.startTime; })).observe({ type: 'largest-contentful-paint', buffered: true });
  new PerformanceObserver((list) => list.getEntries().forEach((entry) => { if (entry.name === 'first-contentful-paint') timeline.fcp = entry.startTime; })).observe({ type: 'paint', buffered: true });
}

function median(values: number[]): number {
  return [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
}

if (!process.env.BENCH_WEB_DIRS) await ensureWebBuild((message) => process.stdout.write(`${message}\n`));
const dataDirs: string[] = [];
const servers: AmtsflowProcess[] = [];
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
try {
  for (const webDir of WEB_DIRS) {
    const dataDir = await mkdtemp(path.join(os.tmpdir(), 'amtsflow-long-tasks-'));
    dataDirs.push(dataDir);
    servers.push(await startAmtsflowProcess(dataDir, { PORT: String(await freePort()), AMTSFLOW_WEB_DIR: webDir }));
  }
  process.stdout.write(`machine: ${os.cpus().length} × ${os.cpus()[0]?.model.trim()}, Node ${process.version}, load ${os.loadavg().map((value) => value.toFixed(1)).join(' ')}; ${PAGE}, ${RUNS} loads per build\n`);
  const loads = WEB_DIRS.map((): Load[] => []);
  for (let run = 0; run < RUNS; run += 1) {
    for (const [index, server] of servers.entries()) {
      const context = await browser.newContext({ viewport: { width: 412, height: 823 }, deviceScaleFactor: 1.75, isMobile: true, hasTouch: true });
      const page = await context.newPage();
      await (await context.newCDPSession(page)).send('Emulation.setCPUThrottlingRate', { rate: 4 });
      await page.addInitScript(observeTimeline);
      await page.goto(`${server.url}${PAGE}`);
      await page.waitForLoadState('networkidle');
      await page.waitForTimeout(SETTLE_MS);
      const timeline = await page.evaluate(() => (window as unknown as { amtsflowTimeline: { longTasks: [number, number][]; fcp: number; lcp: number } }).amtsflowTimeline);
      const after = timeline.longTasks.filter(([start]) => start >= timeline.fcp).map(([, duration]) => duration);
      loads[index]!.push({ blockingMs: after.reduce((sum, duration) => sum + Math.max(0, duration - 50), 0), fcpMs: timeline.fcp, lcpMs: timeline.lcp, tasks: after });
      await context.close();
    }
  }
  for (const [index, webDir] of WEB_DIRS.entries()) {
    const measured = loads[index]!;
    process.stdout.write([
      `${webDir}: blocking after FCP, median ${Math.round(median(measured.map((load) => load.blockingMs)))} ms (${measured.map((load) => Math.round(load.blockingMs)).join(', ')}); FCP ${Math.round(median(measured.map((load) => load.fcpMs)))} ms, LCP ${Math.round(median(measured.map((load) => load.lcpMs)))} ms`,
      ...measured.map((load) => `  long tasks after FCP (ms): ${load.tasks.map(Math.round).join(' ')}`),
      '',
    ].join('\n'));
  }
} finally {
  await browser.close();
  for (const server of servers) {
    server.child.kill('SIGTERM');
    await server.exited;
  }
  for (const dataDir of dataDirs) await rm(dataDir, { recursive: true, force: true });
}
