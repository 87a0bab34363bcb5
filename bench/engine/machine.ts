/** What the benchmark ran on, for the report. */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import pg from 'pg';

export interface Machine {
  cores: number;
  cpuModel: string;
  memoryGiB: number;
  node: string;
  kernel: string;
  postgres?: string;
  /** The @grpc/grpc-js that zeebe-node loads: 8.3.2 pins 1.9.7, which this project overrides (see the README). */
  zeebeGrpcJs: string;
}

export async function describeMachine(databaseUrl?: string): Promise<Machine> {
  const cpuinfo = readFileSync('/proc/cpuinfo', 'utf8');
  return {
    cores: os.availableParallelism(),
    cpuModel: /^model name\s*:\s*(.+)$/m.exec(cpuinfo)?.[1].trim() ?? 'unknown',
    memoryGiB: os.totalmem() / 2 ** 30,
    node: process.version,
    kernel: `${os.type()} ${os.release()}`,
    postgres: databaseUrl ? await postgresVersion(databaseUrl) : undefined,
    zeebeGrpcJs: zeebeGrpcJsVersion(),
  };
}

function zeebeGrpcJsVersion(): string {
  const fromZeebeNode = createRequire(createRequire(import.meta.url).resolve('zeebe-node'));
  return (fromZeebeNode('@grpc/grpc-js/package.json') as { version: string }).version;
}

async function postgresVersion(databaseUrl: string): Promise<string> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ server_version: string }>('SHOW server_version');
    return rows[0].server_version;
  } finally {
    await client.end();
  }
}
