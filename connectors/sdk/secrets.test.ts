/** Secret placeholders are resolved only from prefixed environment variables and cut out of messages. */
import { describe, expect, it } from '@jest/globals';
import { PermanentFailure } from './connector-error.js';
import { environmentSecretProvider, resolveSecretPlaceholders, SecretRedactor } from './secrets.js';

const provider = environmentSecretProvider({ AMTSFLOW_SECRET_KASSE_TOKEN: 'tok-123', AMTSFLOW_SECRET_SHORT: 'tok', DATABASE_URL: 'postgres://secret' });

describe('secrets', () => {
  it('replaces placeholders in every string of a value and remembers what it replaced', async () => {
    const redactor = new SecretRedactor();
    const resolved = await resolveSecretPlaceholders({ authorization: 'Bearer {{ secrets.KASSE_TOKEN }}', list: ['{{secrets.SHORT}}'], n: 1 }, provider, redactor, 'headers');
    expect(resolved).toEqual({ authorization: 'Bearer tok-123', list: ['tok'], n: 1 });
    expect(redactor.redact('sent tok-123 and tok')).toBe('sent *** and ***');
  });

  it('reads only AMTSFLOW_SECRET_ variables, so a placeholder cannot reach other settings', async () => {
    const failure = resolveSecretPlaceholders('{{secrets.DATABASE_URL}}', provider, new SecretRedactor(), 'url');
    await expect(failure).rejects.toThrow(new PermanentFailure("Secret 'DATABASE_URL' used in input 'url' is not defined"));
  });
});
