/** Runs `npm start` (main.ts: engine, server, connectors in one process) as a child, so tests can kill it for real. */
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';

export interface AmtsflowProcess {
  child: ChildProcess;
  /** The platform server's base URL, from the ready banner. */
  url: string;
  /** Resolves with the exit code or signal once the process has ended. */
  exited: Promise<string>;
}

export const TEST_ADMIN_PASSWORD = 'bootstrap-admin-password';

export async function startAmtsflowProcess(dataDir: string, env: Record<string, string> = {}): Promise<AmtsflowProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', path.resolve('main.ts')], {
    env: {
      ...process.env, AMTSFLOW_DATA_DIR: dataDir, PORT: '0', AMTSFLOW_GATEWAY_PORT: '0', AMTSFLOW_ADMIN_PASSWORD: TEST_ADMIN_PASSWORD,
      AMTSFLOW_LOG_LEVEL: 'warn',
      // A folder given here is served as it is, so npm start does not build the browser apps first.
      AMTSFLOW_WEB_DIR: path.join(dataDir, 'web'),
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise<string>((resolve) => child.on('exit', (code, signal) => resolve(signal ?? String(code))));
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => { stderr += chunk.toString(); });
  const url = await new Promise<string>((resolve, reject) => {
    let stdout = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      const found = /platform server \(HTTP\): +(http:\/\/\S+)/.exec(stdout);
      if (found && stdout.includes('Stop with Ctrl+C.')) resolve(found[1]);
    });
    void exited.then((how) => reject(new Error(`npm start exited (${how}) before it was ready: ${stderr}`)));
  });
  return { child, url, exited };
}
