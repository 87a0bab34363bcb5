/** The connector runtime's configuration, read from the environment and validated in this one place. */
import path from 'node:path';
import { DEFAULT_FONT_DIR } from './builtin/pdf/pdf-fonts.js';
import { environmentSecretProvider, type SecretProvider } from './sdk/secrets.js';

export interface ConnectorsConfig {
  /** `host:port` of the Zeebe gateway: ZEEBE_ADDRESS, else the embedded engine's AMTSFLOW_GATEWAY_PORT on 127.0.0.1. */
  gatewayAddress: string;
  /**
   * True for the embedded engine's gateway (plaintext gRPC). False with ZEEBE_ADDRESS: zeebe-node then takes TLS and
   * OAuth from its own ZEEBE_* variables, as the server's client does.
   */
  plaintextGateway: boolean;
  dataDir: string;
  /** Where the default document store keeps documents: `<dataDir>/documents`. */
  documentDir: string;
  /** The PostgreSQL server of the connectors' tables (schema `connectors`); else PGlite in `<dataDir>/connectors`. */
  databaseUrl?: string;
  logLevel: string;
  maxConcurrentJobs: number;
  shutdownGraceMs: number;
  /** The SMTP server mail is sent through (AMTSFLOW_SMTP_URL). */
  smtp?: { url: string; from: string };
  /**
   * Without an SMTP server, mail goes to the local mail outbox (`builtin/mail/mail-outbox.ts`), which keeps each mail
   * as a file in `dir` (`<dataDir>/mail`) and sends nothing on.
   */
  mailOutbox?: { dir: string; from: string };
  /** Extra mail templates (`<id>.json`); they override built-in ones with the same id. */
  mailTemplateDir?: string;
  pdfFontDir: string;
  /** The e-Akte is offered only when the authority that files and the archive it offers to are configured. */
  eAkte?: { authority: { id: string; name: string }; archive: { id: string; name: string } };
  /**
   * Online payment is offered only when the XBezahldienste provider is configured; its client secret is the secret
   * `PAYMENT_CLIENT_SECRET` (AMTSFLOW_SECRET_PAYMENT_CLIENT_SECRET, or the server's secret store).
   */
  payment?: { baseUrl: string; originatorId: string; endPointId: string; clientId: string };
}

export class ConnectorsConfigError extends Error {
  override name = 'ConnectorsConfigError';
}

/** The secret that holds the payment provider's OAuth client secret. */
export const PAYMENT_CLIENT_SECRET = 'PAYMENT_CLIENT_SECRET';

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];

type Env = Record<string, string | undefined>;

export function readConnectorsConfig(env: Env = process.env): ConnectorsConfig {
  const problems: string[] = [];
  const gatewayPort = wholeNumber(env, 'AMTSFLOW_GATEWAY_PORT', 26500, 0, 65535, problems);
  const zeebeAddress = nonEmpty(env.ZEEBE_ADDRESS);
  const dataDir = path.resolve(nonEmpty(env.AMTSFLOW_DATA_DIR) ?? './data');
  const databaseUrl = nonEmpty(env.DATABASE_URL);
  if (databaseUrl !== undefined && !/^postgres(ql)?:\/\//.test(databaseUrl)) problems.push('DATABASE_URL must be a postgres:// or postgresql:// URL');
  const logLevel = nonEmpty(env.AMTSFLOW_LOG_LEVEL) ?? 'info';
  if (!LOG_LEVELS.includes(logLevel)) problems.push(`AMTSFLOW_LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}, got "${logLevel}"`);
  const smtpUrl = nonEmpty(env.AMTSFLOW_SMTP_URL);
  const mailFrom = nonEmpty(env.AMTSFLOW_MAIL_FROM);
  if (smtpUrl !== undefined && !/^smtps?:\/\//.test(smtpUrl)) problems.push('AMTSFLOW_SMTP_URL must be an smtp:// or smtps:// URL');
  if (smtpUrl !== undefined && mailFrom === undefined) problems.push('AMTSFLOW_MAIL_FROM is required with AMTSFLOW_SMTP_URL');
  const eAkte = allOrNone(env, {
    authorityId: 'AMTSFLOW_EAKTE_AUTHORITY_ID', authorityName: 'AMTSFLOW_EAKTE_AUTHORITY_NAME',
    archiveId: 'AMTSFLOW_EAKTE_ARCHIVE_ID', archiveName: 'AMTSFLOW_EAKTE_ARCHIVE_NAME',
  }, problems);
  const payment = allOrNone(env, {
    baseUrl: 'AMTSFLOW_PAYMENT_URL', originatorId: 'AMTSFLOW_PAYMENT_ORIGINATOR_ID',
    endPointId: 'AMTSFLOW_PAYMENT_ENDPOINT_ID', clientId: 'AMTSFLOW_PAYMENT_CLIENT_ID',
  }, problems);
  // The client secret and the citizens' payments go there: plain http only to a stand-in on this machine.
  if (payment !== undefined && !/^https:\/\/|^http:\/\/(localhost|127\.[\d.]+|\[::1\])(:\d+)?(\/|$)/.test(payment.baseUrl)) {
    problems.push('AMTSFLOW_PAYMENT_URL must be an https:// URL (http:// only on this machine)');
  }
  const config: ConnectorsConfig = {
    gatewayAddress: zeebeAddress ?? `127.0.0.1:${gatewayPort}`,
    plaintextGateway: zeebeAddress === undefined,
    dataDir,
    documentDir: path.join(dataDir, 'documents'),
    databaseUrl,
    logLevel,
    maxConcurrentJobs: wholeNumber(env, 'AMTSFLOW_CONNECTORS_MAX_JOBS', 8, 1, 10_000, problems),
    shutdownGraceMs: wholeNumber(env, 'AMTSFLOW_CONNECTORS_SHUTDOWN_GRACE_MS', 10_000, 1, 3_600_000, problems),
    smtp: smtpUrl !== undefined && mailFrom !== undefined ? { url: smtpUrl, from: mailFrom } : undefined,
    mailOutbox: smtpUrl === undefined ? { dir: path.join(dataDir, 'mail'), from: mailFrom ?? 'amtsflow@localhost' } : undefined,
    mailTemplateDir: nonEmpty(env.AMTSFLOW_MAIL_TEMPLATE_DIR),
    pdfFontDir: nonEmpty(env.AMTSFLOW_PDF_FONT_DIR) ?? DEFAULT_FONT_DIR,
    eAkte: eAkte && { authority: { id: eAkte.authorityId, name: eAkte.authorityName }, archive: { id: eAkte.archiveId, name: eAkte.archiveName } },
    payment: payment && { ...payment, baseUrl: payment.baseUrl.replace(/\/+$/, '') },
  };
  if (problems.length > 0) throw new ConnectorsConfigError(`Invalid connector configuration:\n  ${problems.join('\n  ')}`);
  return config;
}

/** The connectors' secrets: `AMTSFLOW_SECRET_<NAME>` variables, and only those. */
export function connectorSecrets(env: Env = process.env): SecretProvider {
  return environmentSecretProvider(env);
}

function nonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value.trim() === '' ? undefined : value.trim();
}

function wholeNumber(env: Env, name: string, fallback: number, min: number, max: number, problems: string[]): number {
  const value = nonEmpty(env[name]);
  if (value === undefined) return fallback;
  if (!/^\d+$/.test(value) || Number(value) < min || Number(value) > max) {
    problems.push(`${name} must be a whole number from ${min} to ${max}, got "${value}"`);
    return fallback;
  }
  return Number(value);
}

/** Settings that only make sense together: all of them, or none (then the feature is off). */
function allOrNone<Key extends string>(env: Env, names: Record<Key, string>, problems: string[]): Record<Key, string> | undefined {
  const entries = Object.entries(names) as [Key, string][];
  const values = entries.map(([key, name]) => [key, nonEmpty(env[name])] as const);
  const missing = entries.filter((_entry, index) => values[index][1] === undefined).map(([, name]) => name);
  if (missing.length === entries.length) return undefined;
  if (missing.length > 0) {
    problems.push(`${missing.join(', ')} must be set together with ${entries.map(([, name]) => name).filter((name) => !missing.includes(name)).join(', ')}`);
    return undefined;
  }
  return Object.fromEntries(values) as Record<Key, string>;
}
