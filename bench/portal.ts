/**
 * Script, not a test: citizen submissions per second through the portal (`npm run bench:portal`). Each request is a
 * JSON submission of the dog registration form: validated with `forms/`, written with its reference number, the
 * instance started and acknowledged by the engine, the submission confirmed; no attachments. The server and the
 * engine run in a child process (`portal-server.ts`), autocannon here. On PGlite, then on the PostgreSQL server of
 * BENCH_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/test; `BENCH_DATABASE_URL=none` skips it).
 * BENCH_SECONDS (20) per target after a 3 s warm-up, BENCH_CONNECTIONS (16) at once. Besides throughput and latency it
 * reports the CPU time the server process (all its threads) spent per accepted submission, read from /proc: on a
 * machine shared with other work that says more about the code than the rate does.
 */
import autocannon from 'autocannon';
import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { publishDogServiceOver } from '../test/support/portal-http.js';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 20);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 16);
const DATABASE_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const ADMIN_PASSWORD = 'bench-admin-password';

interface Target {
  name: string;
  databaseUrl?: string;
}

interface Result {
  target: string;
  perSecond: number;
  p50: number;
  p99: number;
  ok: number;
  failed: number;
  /** CPU ms of the server process (all threads) per accepted submission; undefined where /proc is missing. */
  cpuMsPerSubmission?: number;
}

/** User plus system CPU time of a process and all its threads so far, in ms (Linux). */
async function cpuMsOf(pid: number): Promise<number | undefined> {
  try {
    const fields = (await readFile(`/proc/${pid}/stat`, 'utf8')).split(') ')[1].split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
  } catch {
    return undefined;
  }
}

async function startChild(dataDir: string, target: Target, suffix: string) {
  const child = spawn(process.execPath, ['--import', 'tsx', path.resolve('bench/portal-server.ts')], {
    env: {
      ...process.env, AMTSFLOW_DATA_DIR: dataDir, PORT: '0', AMTSFLOW_GATEWAY_PORT: '0', AMTSFLOW_ADMIN_PASSWORD: ADMIN_PASSWORD,
      AMTSFLOW_PORTAL_SUBMISSIONS_PER_MINUTE: '10000000', AMTSFLOW_WEB_DIR: path.join(dataDir, 'web'), BENCH_SCHEMA_SUFFIX: suffix,
      ...(target.databaseUrl ? { DATABASE_URL: target.databaseUrl } : { DATABASE_URL: '' }),
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()));
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const found = /bench server listening at (\S+)/.exec(out);
      if (found) resolve(found[1]);
    });
    void exited.then(() => reject(new Error('The benchmark server exited before it listened')));
  });
  return { child, url, exited };
}

function load(url: string, seconds: number): Promise<autocannon.Result> {
  let n = 0;
  return autocannon({
    url: `${url}/api/portal/services/hund-anmelden/submissions`,
    method: 'POST',
    connections: CONNECTIONS,
    duration: seconds,
    headers: { 'content-type': 'application/json' },
    requests: [{ setupRequest: (request) => ({ ...request, body: JSON.stringify({ data: { halterName: `Halter ${n++}`, gewicht: 12 } }) }) }],
  });
}

async function run(target: Target): Promise<Result> {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'amtsflow-bench-portal-'));
  const suffix = `bench_${process.pid}`;
  const server = await startChild(dataDir, target, suffix);
  try {
    await publishDogServiceOver(server.url, ADMIN_PASSWORD);
    await load(server.url, 3);
    const cpuBefore = await cpuMsOf(server.child.pid!);
    const result = await load(server.url, SECONDS);
    const cpuAfter = await cpuMsOf(server.child.pid!);
    return {
      cpuMsPerSubmission: cpuBefore === undefined || cpuAfter === undefined ? undefined : (cpuAfter - cpuBefore) / result['2xx'],
      target: target.name,
      perSecond: Math.round(result['2xx'] / SECONDS),
      p50: result.latency.p50,
      p99: result.latency.p99,
      ok: result['2xx'],
      failed: result.non2xx + result.errors + result.timeouts,
    };
  } finally {
    server.child.kill('SIGTERM');
    await server.exited;
    await rm(dataDir, { recursive: true, force: true });
    if (target.databaseUrl) await dropSchemas(target.databaseUrl, suffix);
  }
}

async function dropSchemas(databaseUrl: string, suffix: string): Promise<void> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  await client.query(`DROP SCHEMA IF EXISTS engine_${suffix} CASCADE; DROP SCHEMA IF EXISTS server_${suffix} CASCADE`);
  await client.end();
}

async function reachable(databaseUrl: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: databaseUrl, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    await client.end();
    return true;
  } catch {
    return false;
  }
}

const targets: Target[] = [{ name: 'PGlite' }];
if (DATABASE_URL !== 'none') {
  if (await reachable(DATABASE_URL)) targets.push({ name: 'PostgreSQL', databaseUrl: DATABASE_URL });
  else process.stdout.write(`PostgreSQL at ${DATABASE_URL} is not reachable; PGlite only.\n`);
}
const cpus = os.cpus();
process.stdout.write(`Portal submissions (JSON, validated, reference number, instance started, durable), ${CONNECTIONS} connections, ${SECONDS} s\n`);
process.stdout.write(`machine: ${cpus.length} × ${cpus[0]?.model ?? 'unknown CPU'}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}, load ${os.loadavg().map((l) => l.toFixed(1)).join(' ')}\n`);
for (const target of targets) {
  const result = await run(target);
  process.stdout.write(`${result.target.padEnd(11)} ${String(result.perSecond).padStart(5)} submissions/s   p50 ${result.p50} ms   p99 ${result.p99} ms   (${result.ok} accepted, ${result.failed} failed)${result.cpuMsPerSubmission === undefined ? '' : `   ${result.cpuMsPerSubmission.toFixed(2)} CPU ms per submission`}\n`);
}
