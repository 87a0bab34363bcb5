/** The staff session over the server's /api/auth routes (server/README.md: sign-in, CSRF, password change). */
import { http } from '../../shared/http/http-client.js';

export type Role = 'admin' | 'process-manager' | 'clerk';

export interface StaffUser {
  id: string;
  username: string;
  displayName: string;
  roles: Role[];
  departments: string[];
  mustChangePassword: boolean;
}

export interface StaffSession {
  user: StaffUser;
  csrfToken: string;
  expiresAt: string;
  signedInVia: 'password' | 'oidc';
}

export interface SignInMethods {
  password: boolean;
  oidc: boolean;
}

export const authApi = {
  signInMethods: () => http.request<SignInMethods>('/api/auth/methods'),
  signIn: (username: string, password: string) => http.request<StaffSession>('/api/auth/login', { method: 'POST', json: { username, password } }),
  /** The current session, or undefined when the browser has none. */
  async currentSession(): Promise<StaffSession | undefined> {
    try {
      return await http.request<StaffSession>('/api/auth/session');
    } catch (error) {
      if ((error as { status?: number }).status === 401) return undefined;
      throw error;
    }
  },
  signOut: () => http.request<void>('/api/auth/logout', { method: 'POST', read: 'none' }),
  changePassword: (currentPassword: string, newPassword: string) =>
    http.request<void>('/api/auth/password', { method: 'POST', json: { currentPassword, newPassword }, read: 'none' }),
  /** Where the browser goes to sign in with the identity provider. */
  oidcSignInUrl: (returnTo: string) => `/api/auth/oidc/login?returnTo=${encodeURIComponent(returnTo)}`,
};
