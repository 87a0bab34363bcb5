/**
 * The session cookie: HttpOnly, SameSite=Lax, and Secure with the `__Host-` prefix whenever the server is reached
 * over https. Lax rather than Strict, because the OIDC callback is a cross-site navigation and a Strict cookie set
 * there would not be sent on the redirect that follows; cross-site state changes are stopped by the CSRF token instead.
 */
import type { CookieOptions, Request, Response } from 'express';

export interface CookiePolicy {
  secure: boolean;
}

export const sessionCookieName = ({ secure }: CookiePolicy) => (secure ? '__Host-amtsflow-session' : 'amtsflow-session');
export const oidcCookieName = ({ secure }: CookiePolicy) => (secure ? '__Host-amtsflow-oidc' : 'amtsflow-oidc');

const baseOptions = ({ secure }: CookiePolicy): CookieOptions => ({ httpOnly: true, secure, sameSite: 'lax', path: '/' });

export function setCookie(res: Response, policy: CookiePolicy, name: string, value: string, maxAgeMs: number): void {
  res.cookie(name, value, { ...baseOptions(policy), maxAge: maxAgeMs });
}

export function clearCookie(res: Response, policy: CookiePolicy, name: string): void {
  res.clearCookie(name, baseOptions(policy));
}

/** One cookie's value from the Cookie header (the first, if a client sends it twice). */
export function readCookie(req: Request, name: string): string | undefined {
  const header = req.headers.cookie;
  if (header === undefined) return undefined;
  for (const pair of header.split(';')) {
    const separator = pair.indexOf('=');
    if (separator < 0 || pair.slice(0, separator).trim() !== name) continue;
    const value = pair.slice(separator + 1).trim();
    return /^[A-Za-z0-9_-]{1,128}$/.test(value) ? value : undefined;
  }
  return undefined;
}
