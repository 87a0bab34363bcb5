/** JSON schemas of the identity routes' bodies and answers, shared by validation and the OpenAPI document. */
import { DEPARTMENT_ID_PATTERN, ROLES } from './roles.js';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from './passwords.js';

export const USERNAME_SCHEMA = { type: 'string', minLength: 1, maxLength: 100, pattern: '^[^\\s\\x00-\\x1f]+$' };
export const NEW_PASSWORD_SCHEMA = { type: 'string', minLength: PASSWORD_MIN_LENGTH, maxLength: PASSWORD_MAX_LENGTH };
export const ROLES_SCHEMA = { type: 'array', items: { enum: [...ROLES] }, uniqueItems: true };
export const DEPARTMENTS_SCHEMA = {
  type: 'array',
  maxItems: 100,
  uniqueItems: true,
  items: { type: 'string', pattern: DEPARTMENT_ID_PATTERN },
  description: 'Department ids: the BPMN candidate groups whose user tasks the user works on as a clerk.',
};
export const DISPLAY_NAME_SCHEMA = { type: 'string', minLength: 1, maxLength: 200 };

export const USER_SCHEMA = {
  type: 'object',
  properties: {
    id: { type: 'string' },
    username: { type: 'string' },
    displayName: { type: 'string' },
    roles: ROLES_SCHEMA,
    departments: { type: 'array', items: { type: 'string' } },
    disabled: { type: 'boolean' },
    mustChangePassword: { type: 'boolean' },
    hasPassword: { type: 'boolean' },
    lockedUntil: { type: ['string', 'null'], format: 'date-time' },
    createdAt: { type: 'string', format: 'date-time' },
    updatedAt: { type: 'string', format: 'date-time' },
  },
};

export const SESSION_SCHEMA = {
  type: 'object',
  properties: {
    user: USER_SCHEMA,
    csrfToken: { type: 'string', description: 'Send it in X-CSRF-Token with every state-changing request.' },
    expiresAt: { type: 'string', format: 'date-time' },
    signedInVia: { enum: ['password', 'oidc'] },
  },
};
