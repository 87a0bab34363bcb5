import { describe, expect, it } from '@jest/globals';
import { readServerConfig, ServerConfigError } from './config.js';

describe('readServerConfig', () => {
  it('defaults to 127.0.0.1:8080 over http, the embedded engine and PGlite under ./data', () => {
    const config = readServerConfig({});
    expect(config).toMatchObject({ host: '127.0.0.1', port: 8080, zeebeAddress: undefined, databaseUrl: undefined, oidc: undefined });
    expect(config.publicUrl.href).toBe('http://127.0.0.1:8080/');
    expect(config.dataDir).toMatch(/data$/);
  });

  it('names every bad variable at once', () => {
    const read = () => readServerConfig({ PORT: 'eighty', ZEEBE_ADDRESS: 'no port', DATABASE_URL: 'mysql://x', AMTSFLOW_ADMIN_PASSWORD: 'short', AMTSFLOW_OIDC_ISSUER: 'https://idp.example' });
    expect(read).toThrow(ServerConfigError);
    expect(read).toThrow(/PORT[\s\S]*DATABASE_URL[\s\S]*ZEEBE_ADDRESS[\s\S]*AMTSFLOW_ADMIN_PASSWORD[\s\S]*AMTSFLOW_OIDC_ISSUER and AMTSFLOW_OIDC_CLIENT_ID/);
  });

  it('insists on https when browsers reach the server from other machines', () => {
    expect(() => readServerConfig({ AMTSFLOW_SERVER_HOST: '0.0.0.0' })).toThrow(/AMTSFLOW_PUBLIC_URL must be an https/);
    expect(readServerConfig({ AMTSFLOW_SERVER_HOST: '0.0.0.0', AMTSFLOW_PUBLIC_URL: 'https://amtsflow.stadt.example' }).publicUrl.protocol).toBe('https:');
    expect(() => readServerConfig({ AMTSFLOW_OIDC_ISSUER: 'http://idp.example', AMTSFLOW_OIDC_CLIENT_ID: 'x' })).toThrow(/https/);
  });

  it('reads an OIDC provider', () => {
    const config = readServerConfig({ AMTSFLOW_OIDC_ISSUER: 'https://idp.example/realms/stadt', AMTSFLOW_OIDC_CLIENT_ID: 'amtsflow' });
    expect(config.oidc).toMatchObject({ clientId: 'amtsflow', clientSecret: undefined, usernameClaim: 'preferred_username', scope: 'openid profile' });
  });

  it('reads the task list\'s sync settings, in milliseconds, with their bounds', () => {
    expect(readServerConfig({}).tasks).toEqual({ leaseMs: 24 * 3_600_000, checkIntervalMs: 60_000, recheckAfterMs: 15 * 60_000, probesPerCheck: 100 });
    expect(readServerConfig({ AMTSFLOW_TASK_LEASE_HOURS: '2', AMTSFLOW_TASK_CHECK_SECONDS: '5', AMTSFLOW_TASK_RECHECK_MINUTES: '1', AMTSFLOW_TASK_PROBES_PER_CHECK: '10' }).tasks)
      .toEqual({ leaseMs: 7_200_000, checkIntervalMs: 5000, recheckAfterMs: 60_000, probesPerCheck: 10 });
    expect(() => readServerConfig({ AMTSFLOW_TASK_LEASE_HOURS: '0', AMTSFLOW_TASK_PROBES_PER_CHECK: 'many' })).toThrow(/AMTSFLOW_TASK_LEASE_HOURS[\s\S]*AMTSFLOW_TASK_PROBES_PER_CHECK/);
  });
});
