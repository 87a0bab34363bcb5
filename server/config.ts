/** The platform server's configuration, read from the environment and validated in this one place. */
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** Where `npm run build:web` puts the browser apps (designer/dist of this repository). */
export const DEFAULT_WEB_DIR = fileURLToPath(new URL('../designer/dist', import.meta.url));

export type LogLevel = 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';

export interface OidcConfig {
  /** The identity provider's issuer URL; its discovery document is read on the first sign-in. */
  issuer: URL;
  clientId: string;
  /** Unset for a public client: the code exchange is then protected by PKCE alone. */
  clientSecret?: string;
  /** The ID token or userinfo claim whose value is an amtsflow user name. */
  usernameClaim: string;
  scope: string;
}

export interface ServerConfig {
  host: string;
  port: number;
  /** Where browsers reach the server; the OIDC redirect URL and cookie security follow from it. */
  publicUrl: URL;
  /** The server's embedded PGlite lives in `<dataDir>/server`. */
  dataDir: string;
  databaseUrl?: string;
  /** A Zeebe gateway to use instead of the embedded engine (`host:port`). */
  zeebeAddress?: string;
  logLevel: LogLevel;
  /** The first admin's password on an empty database; a random one is printed when unset. */
  adminPassword?: string;
  /** The express `trust proxy` setting, for client addresses behind a reverse proxy. */
  trustProxy: boolean | number | string;
  session: { idleMinutes: number; absoluteHours: number };
  lockout: { maxFailures: number; minutes: number };
  /** Sign-in attempts one client address may make per minute. */
  loginRateLimitPerMinute: number;
  /** The largest deployment upload (all files together), in bytes. */
  maxUploadBytes: number;
  /** The largest JSON body of any other request, in bytes. */
  maxJsonBytes: number;
  oidc?: OidcConfig;
  /** The built browser apps (staff app and citizen portal) the server serves; not served when the folder is missing. */
  webDir: string;
  tasks: TaskSyncConfig;
  portal: PortalConfig;
}

/** The citizen portal's limits (server/README.md, "Citizen portal"). */
export interface PortalConfig {
  /** The largest file a citizen may attach, in bytes. */
  maxFileBytes: number;
  /** Files per submission at most. */
  maxFiles: number;
  /** All files of one submission together, in bytes; the multipart body may be this plus 64 kB of form data. */
  maxTotalBytes: number;
  /** Submissions one client address may send per minute. */
  submissionsPerMinute: number;
  /** Searches of the found items (Fundsachen) one client address may send per minute. */
  searchesPerMinute: number;
  /** A submission still pending this long (its request died with a crashed server) is settled in the background. */
  resumeAfterMs: number;
  /** How often the background settling looks for such submissions. */
  resumeIntervalMs: number;
}

/** How the task list keeps up with the engine (server/README.md, "Task list"). */
export interface TaskSyncConfig {
  /**
   * The job timeout the user-task worker activates with. When it passes, the engine makes the job activatable
   * again and the worker takes it back at once, which renews the lease; the task stays open throughout.
   */
  leaseMs: number;
  /** How often the sync checker looks for tasks to confirm with the engine. */
  checkIntervalMs: number;
  /** An open task is confirmed with the engine at least this often (within the per-check budget). */
  recheckAfterMs: number;
  /** Confirmations per check at most: each one is a command the engine journals. */
  probesPerCheck: number;
}

export class ServerConfigError extends Error {
  override name = 'ServerConfigError';
}

const LOG_LEVELS: readonly LogLevel[] = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];

/** Reads one variable at a time and collects every problem, so a bad start names all of them at once. */
class EnvReader {
  readonly problems: string[] = [];
  constructor(private readonly env: NodeJS.ProcessEnv) {}

  text(name: string): string | undefined {
    const value = this.env[name]?.trim();
    return value === undefined || value === '' ? undefined : value;
  }

  integer(name: string, fallback: number, min: number, max: number): number {
    const raw = this.text(name);
    if (raw === undefined) return fallback;
    const value = Number(raw);
    if (!/^\d+$/.test(raw) || value < min || value > max) {
      this.problems.push(`${name} must be a whole number from ${min} to ${max}, got "${raw}"`);
      return fallback;
    }
    return value;
  }

  url(name: string, protocols: string[]): URL | undefined {
    const raw = this.text(name);
    if (raw === undefined) return undefined;
    try {
      const url = new URL(raw);
      if (protocols.includes(url.protocol)) return url;
    } catch {
      // reported below
    }
    this.problems.push(`${name} must be a ${protocols.map((p) => `${p}//`).join(' or ')} URL, got "${raw}"`);
    return undefined;
  }
}

export function readServerConfig(env: NodeJS.ProcessEnv = process.env): ServerConfig {
  const read = new EnvReader(env);
  const host = read.text('AMTSFLOW_SERVER_HOST') ?? '127.0.0.1';
  const port = read.integer('PORT', 8080, 0, 65535);
  const publicUrl = read.url('AMTSFLOW_PUBLIC_URL', ['http:', 'https:']) ?? new URL(`http://${host.includes(':') ? `[${host}]` : host}:${port}`);
  // Cookies are Secure whenever browsers reach the server over https; plain http is for this machine only.
  if (publicUrl.protocol === 'http:' && !isLoopback(publicUrl.hostname)) {
    read.problems.push(`AMTSFLOW_PUBLIC_URL must be an https:// URL when the server is reached from other machines, got "${publicUrl.href}" (set it to the address browsers use)`);
  }
  const databaseUrl = read.url('DATABASE_URL', ['postgres:', 'postgresql:'])?.href;
  const zeebeAddress = read.text('ZEEBE_ADDRESS');
  if (zeebeAddress !== undefined && !/^[^\s/]+:\d{1,5}$/.test(zeebeAddress)) {
    read.problems.push(`ZEEBE_ADDRESS must be host:port, got "${zeebeAddress}"`);
  }
  const logLevel = (read.text('AMTSFLOW_LOG_LEVEL') ?? 'info') as LogLevel;
  if (!LOG_LEVELS.includes(logLevel)) read.problems.push(`AMTSFLOW_LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}, got "${logLevel}"`);
  const adminPassword = read.text('AMTSFLOW_ADMIN_PASSWORD');
  if (adminPassword !== undefined && adminPassword.length < 12) read.problems.push('AMTSFLOW_ADMIN_PASSWORD must have at least 12 characters');
  const config: ServerConfig = {
    host,
    port,
    publicUrl,
    dataDir: path.resolve(read.text('AMTSFLOW_DATA_DIR') ?? './data'),
    databaseUrl,
    zeebeAddress,
    logLevel,
    adminPassword,
    trustProxy: readTrustProxy(read.text('AMTSFLOW_TRUST_PROXY')),
    session: {
      idleMinutes: read.integer('AMTSFLOW_SESSION_IDLE_MINUTES', 30, 1, 24 * 60),
      absoluteHours: read.integer('AMTSFLOW_SESSION_MAX_HOURS', 12, 1, 24 * 30),
    },
    lockout: { maxFailures: 5, minutes: 15 },
    loginRateLimitPerMinute: read.integer('AMTSFLOW_LOGIN_RATE_LIMIT', 20, 1, 100_000),
    maxUploadBytes: read.integer('AMTSFLOW_MAX_UPLOAD_BYTES', 10 * 1024 * 1024, 1024, 256 * 1024 * 1024),
    maxJsonBytes: 100 * 1024,
    oidc: readOidc(read),
    tasks: {
      leaseMs: read.integer('AMTSFLOW_TASK_LEASE_HOURS', 24, 1, 24 * 30) * 3_600_000,
      checkIntervalMs: read.integer('AMTSFLOW_TASK_CHECK_SECONDS', 60, 1, 24 * 3600) * 1000,
      recheckAfterMs: read.integer('AMTSFLOW_TASK_RECHECK_MINUTES', 15, 1, 7 * 24 * 60) * 60_000,
      probesPerCheck: read.integer('AMTSFLOW_TASK_PROBES_PER_CHECK', 100, 1, 10_000),
    },
    webDir: path.resolve(read.text('AMTSFLOW_WEB_DIR') ?? DEFAULT_WEB_DIR),
    portal: {
      maxFileBytes: read.integer('AMTSFLOW_PORTAL_MAX_FILE_BYTES', 5 * 1024 * 1024, 1, 64 * 1024 * 1024),
      maxFiles: read.integer('AMTSFLOW_PORTAL_MAX_FILES', 10, 0, 100),
      maxTotalBytes: read.integer('AMTSFLOW_PORTAL_MAX_TOTAL_BYTES', 20 * 1024 * 1024, 1, 256 * 1024 * 1024),
      submissionsPerMinute: read.integer('AMTSFLOW_PORTAL_SUBMISSIONS_PER_MINUTE', 30, 1, 10_000_000),
      searchesPerMinute: read.integer('AMTSFLOW_PORTAL_SEARCHES_PER_MINUTE', 60, 1, 10_000_000),
      resumeAfterMs: read.integer('AMTSFLOW_PORTAL_RESUME_AFTER_SECONDS', 60, 1, 24 * 3600) * 1000,
      resumeIntervalMs: read.integer('AMTSFLOW_PORTAL_RESUME_CHECK_SECONDS', 15, 1, 3600) * 1000,
    },
  };
  if (read.problems.length > 0) throw new ServerConfigError(`Invalid configuration:\n  ${read.problems.join('\n  ')}`);
  return config;
}

function readOidc(read: EnvReader): OidcConfig | undefined {
  const issuer = read.url('AMTSFLOW_OIDC_ISSUER', ['https:', 'http:']);
  const clientId = read.text('AMTSFLOW_OIDC_CLIENT_ID');
  if (issuer === undefined && clientId === undefined) return undefined;
  if (issuer === undefined || clientId === undefined) {
    read.problems.push('AMTSFLOW_OIDC_ISSUER and AMTSFLOW_OIDC_CLIENT_ID must be set together');
    return undefined;
  }
  if (issuer.protocol === 'http:' && !isLoopback(issuer.hostname)) {
    read.problems.push(`AMTSFLOW_OIDC_ISSUER must use https:// unless it is on this machine, got "${issuer.href}"`);
  }
  return {
    issuer,
    clientId,
    clientSecret: read.text('AMTSFLOW_OIDC_CLIENT_SECRET'),
    usernameClaim: read.text('AMTSFLOW_OIDC_USERNAME_CLAIM') ?? 'preferred_username',
    scope: read.text('AMTSFLOW_OIDC_SCOPE') ?? 'openid profile',
  };
}

function readTrustProxy(raw: string | undefined): boolean | number | string {
  if (raw === undefined || raw === 'false') return false;
  if (raw === 'true') return true;
  return /^\d+$/.test(raw) ? Number(raw) : raw;
}

export function isLoopback(hostname: string): boolean {
  return hostname === 'localhost' || hostname === '[::1]' || hostname === '::1' || /^127\./.test(hostname);
}
