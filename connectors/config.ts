/** The connector runtime's configuration, read from the environment and validated in this one place. */
import path from 'node:path';
import { DEFAULT_FONT_DIR } from './builtin/pdf/pdf-fonts.js';

export interface ConnectorsConfig {
  /** `host:port` of the Zeebe gateway: ZEEBE_ADDRESS, else the embedded engine's AMTSFLOW_GATEWAY_PORT on 127.0.0.1. */
  gatewayAddress: string;
  dataDir: string;
  /** Where the default document store keeps documents: `<dataDir>/documents`. */
  documentDir: string;
  logLevel: string;
  maxConcurrentJobs: number;
  shutdownGraceMs: number;
  /** Mail is offered only when an SMTP server is configured. */
  smtp?: { url: string; from: string };
  /** Extra mail templates (`<id>.json`); they override built-in ones with the same id. */
  mailTemplateDir?: string;
  pdfFontDir: string;
}

export class ConnectorsConfigError extends Error {
  override name = 'ConnectorsConfigError';
}

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];

export function readConnectorsConfig(env: Record<string, string | undefined> = process.env): ConnectorsConfig {
  const problems: string[] = [];
  const gatewayPort = positiveInteger(env, 'AMTSFLOW_GATEWAY_PORT', 26500, problems);
  const dataDir = path.resolve(nonEmpty(env.AMTSFLOW_DATA_DIR) ?? './data');
  const logLevel = nonEmpty(env.AMTSFLOW_LOG_LEVEL) ?? 'info';
  if (!LOG_LEVELS.includes(logLevel)) problems.push(`AMTSFLOW_LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}, got "${logLevel}"`);
  const smtpUrl = nonEmpty(env.AMTSFLOW_SMTP_URL);
  const mailFrom = nonEmpty(env.AMTSFLOW_MAIL_FROM);
  if (smtpUrl !== undefined && !/^smtps?:\/\//.test(smtpUrl)) problems.push('AMTSFLOW_SMTP_URL must be an smtp:// or smtps:// URL');
  if (smtpUrl !== undefined && mailFrom === undefined) problems.push('AMTSFLOW_MAIL_FROM is required with AMTSFLOW_SMTP_URL');
  const config: ConnectorsConfig = {
    gatewayAddress: nonEmpty(env.ZEEBE_ADDRESS) ?? `127.0.0.1:${gatewayPort}`,
    dataDir,
    documentDir: path.join(dataDir, 'documents'),
    logLevel,
    maxConcurrentJobs: positiveInteger(env, 'AMTSFLOW_CONNECTORS_MAX_JOBS', 8, problems),
    shutdownGraceMs: positiveInteger(env, 'AMTSFLOW_CONNECTORS_SHUTDOWN_GRACE_MS', 10_000, problems),
    smtp: smtpUrl !== undefined && mailFrom !== undefined ? { url: smtpUrl, from: mailFrom } : undefined,
    mailTemplateDir: nonEmpty(env.AMTSFLOW_MAIL_TEMPLATE_DIR),
    pdfFontDir: nonEmpty(env.AMTSFLOW_PDF_FONT_DIR) ?? DEFAULT_FONT_DIR,
  };
  if (problems.length > 0) throw new ConnectorsConfigError(`Invalid connector configuration:\n  ${problems.join('\n  ')}`);
  return config;
}

function nonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value.trim() === '' ? undefined : value.trim();
}

function positiveInteger(env: Record<string, string | undefined>, name: string, fallback: number, problems: string[]): number {
  const value = nonEmpty(env[name]);
  if (value === undefined) return fallback;
  if (!/^\d+$/.test(value) || Number(value) < 1) {
    problems.push(`${name} must be a positive whole number, got "${value}"`);
    return fallback;
  }
  return Number(value);
}
