/** The engine's configuration, read from the environment and validated in this one place. */
import path from 'node:path';

export interface EngineConfig {
  /** Where the embedded PGlite database and other local state live. */
  dataDir: string;
  /** A PostgreSQL server to use instead of the embedded PGlite. */
  databaseUrl?: string;
  /** The PostgreSQL schema of the engine's tables; `engine` unless given (not read from the environment). */
  schema?: string;
  gatewayHost: string;
  gatewayPort: number;
  logLevel: string;
}

export class ConfigError extends Error {
  override name = 'ConfigError';
}

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];

export function readEngineConfig(env: NodeJS.ProcessEnv = process.env): EngineConfig {
  const problems: string[] = [];
  const port = parsePort(env.AMTSFLOW_GATEWAY_PORT, 26500, 'AMTSFLOW_GATEWAY_PORT', problems);
  const databaseUrl = nonEmpty(env.DATABASE_URL);
  if (databaseUrl !== undefined && !/^postgres(ql)?:\/\//.test(databaseUrl)) {
    problems.push(`DATABASE_URL must be a postgres:// or postgresql:// URL, got "${databaseUrl}"`);
  }
  const logLevel = nonEmpty(env.AMTSFLOW_LOG_LEVEL) ?? 'info';
  if (!LOG_LEVELS.includes(logLevel)) {
    problems.push(`AMTSFLOW_LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}, got "${logLevel}"`);
  }
  if (problems.length > 0) throw new ConfigError(`Invalid configuration:\n  ${problems.join('\n  ')}`);
  return {
    dataDir: path.resolve(nonEmpty(env.AMTSFLOW_DATA_DIR) ?? './data'),
    databaseUrl,
    gatewayHost: nonEmpty(env.AMTSFLOW_GATEWAY_HOST) ?? '127.0.0.1',
    gatewayPort: port,
    logLevel,
  };
}

function nonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value.trim() === '' ? undefined : value.trim();
}

function parsePort(raw: string | undefined, fallback: number, name: string, problems: string[]): number {
  const value = nonEmpty(raw);
  if (value === undefined) return fallback;
  const port = Number(value);
  if (!/^\d+$/.test(value) || port < 0 || port > 65535) {
    problems.push(`${name} must be a port number from 0 to 65535, got "${value}"`);
    return fallback;
  }
  return port;
}
