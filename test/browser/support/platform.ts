/**
 * The whole platform for a browser test, in this process: the embedded engine and the server on free ports over
 * fresh temporary data directories, serving the built browser apps (built first when designer/dist is stale), a
 * document store for received invoices, and staff accounts to sign in with.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pino from 'pino';
import { FileSystemDocumentStore } from '../../../connectors/index.js';
import { ensureWebBuild, WEB_DIST_DIR } from '../../../designer/build/web-build.js';
import { readEngineConfig, startEngine, type RunningEngine } from '../../../engine/index.js';
import { readServerConfig, startServer, type RunningServer } from '../../../server/index.js';
import { createStaff, STAFF_PASSWORD } from '../../../server/tests/test-server.js';

export { STAFF_PASSWORD };

export interface Platform {
  url: string;
  server: RunningServer;
  engine: RunningEngine;
  stop(): Promise<void>;
}

export async function startPlatform(): Promise<Platform> {
  await ensureWebBuild();
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'amtsflow-browser-'));
  const logger = pino({ level: 'silent' });
  const engine = await startEngine(readEngineConfig({ AMTSFLOW_DATA_DIR: path.join(dataDir, 'engine'), AMTSFLOW_GATEWAY_PORT: '0', AMTSFLOW_LOG_LEVEL: 'silent' }), logger);
  let server: RunningServer;
  try {
    const config = { ...readServerConfig({ AMTSFLOW_DATA_DIR: dataDir, PORT: '0', AMTSFLOW_ADMIN_PASSWORD: 'bootstrap-admin-password', AMTSFLOW_LOGIN_RATE_LIMIT: '100000' }), logLevel: 'silent' as const, webDir: WEB_DIST_DIR };
    // As `npm start` does: operations read the embedded engine's exporter tables, received invoices go to a document store.
    server = await startServer(config, {
      gatewayAddress: engine.gatewayAddress, operationsSource: engine.reads, documents: new FileSystemDocumentStore(path.join(dataDir, 'documents')), logger,
    });
  } catch (error) {
    await engine.stop();
    throw error;
  }
  return {
    url: server.url,
    server,
    engine,
    async stop() {
      await server.stop();
      await engine.stop();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

export async function createProcessManager(platform: Platform, username = 'prozess.mueller') {
  return createStaff(platform.server, username, ['process-manager']);
}
