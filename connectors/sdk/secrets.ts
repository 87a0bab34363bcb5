/**
 * Secrets reach a connector as `{{secrets.NAME}}` placeholders in properties declared `secret: true`, resolved from a
 * SecretProvider just before `run`. Resolved values are remembered per job so they can be cut out of every error
 * message and log line (`SecretRedactor`).
 */
import { PermanentFailure } from './connector-error.js';

export interface SecretProvider {
  /** The secret's value, or undefined when there is no such secret. */
  getSecret(name: string): Promise<string | undefined>;
}

/** The default provider: secret NAME is the environment variable `AMTSFLOW_SECRET_NAME`. */
export const SECRET_ENVIRONMENT_PREFIX = 'AMTSFLOW_SECRET_';

/**
 * Reads secrets from an environment map (the config module passes `process.env`). Only variables with the prefix are
 * secrets, so a placeholder can never read `DATABASE_URL` or other settings of the platform itself.
 */
export function environmentSecretProvider(env: Record<string, string | undefined>): SecretProvider {
  return {
    async getSecret(name) {
      const value = env[`${SECRET_ENVIRONMENT_PREFIX}${name}`];
      return value === undefined || value === '' ? undefined : value;
    },
  };
}

const PLACEHOLDER = /\{\{\s*secrets\.([A-Za-z0-9_.-]+)\s*\}\}/g;

/** Collects the secret values seen by one job and replaces them with `***` in any text. */
export class SecretRedactor {
  private readonly values = new Set<string>();

  remember(value: string): void {
    if (value.length > 0) this.values.add(value);
  }

  redact(text: string): string {
    let result = text;
    // Longest first, so a secret that contains another is cut out whole.
    for (const value of [...this.values].sort((a, b) => b.length - a.length)) result = result.split(value).join('***');
    return result;
  }
}

/** Replaces every placeholder in the strings inside `value`; an unknown secret is a permanent failure naming it. */
export async function resolveSecretPlaceholders(value: unknown, provider: SecretProvider, redactor: SecretRedactor, field: string): Promise<unknown> {
  if (typeof value === 'string') return resolveInString(value, provider, redactor, field);
  if (Array.isArray(value)) {
    return Promise.all(value.map((item, index) => resolveSecretPlaceholders(item, provider, redactor, `${field}[${index}]`)));
  }
  if (value !== null && typeof value === 'object') {
    const resolved: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) {
      resolved[key] = await resolveSecretPlaceholders(item, provider, redactor, `${field}.${key}`);
    }
    return resolved;
  }
  return value;
}

async function resolveInString(text: string, provider: SecretProvider, redactor: SecretRedactor, field: string): Promise<string> {
  const names = [...text.matchAll(PLACEHOLDER)].map((match) => match[1]);
  if (names.length === 0) return text;
  const values = new Map<string, string>();
  for (const name of new Set(names)) {
    const secret = await provider.getSecret(name);
    if (secret === undefined) throw new PermanentFailure(`Secret '${name}' used in input '${field}' is not defined`);
    redactor.remember(secret);
    values.set(name, secret);
  }
  return text.replace(PLACEHOLDER, (_match, name: string) => values.get(name)!);
}
