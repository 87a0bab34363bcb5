/** Runs the engine as a child process, as `npm start` would, so tests can kill it for real. */
import { spawn, type ChildProcess } from 'node:child_process';
import net from 'node:net';
import path from 'node:path';

export interface EngineProcess {
  child: ChildProcess;
  address: string;
  /** Resolves with the exit code or signal once the process has ended. */
  exited: Promise<string>;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

export async function startEngineProcess(dataDir: string, port: number, env: Record<string, string> = {}): Promise<EngineProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', path.resolve('engine/main.ts')], {
    env: { ...process.env, AMTSFLOW_DATA_DIR: dataDir, AMTSFLOW_GATEWAY_PORT: String(port), AMTSFLOW_LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise<string>((resolve) => child.on('exit', (code, signal) => resolve(signal ?? String(code))));
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => { stderr += chunk.toString(); });
  await new Promise<void>((resolve, reject) => {
    let stdout = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      if (stdout.includes('engine ready')) resolve();
    });
    void exited.then((how) => reject(new Error(`Engine exited (${how}) before it was ready: ${stderr}`)));
  });
  return { child, address: `127.0.0.1:${port}`, exited };
}
