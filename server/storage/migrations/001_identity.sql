-- Staff accounts. Citizens have none: they are anonymous or signed in through an identity provider per request.
CREATE TABLE users (
  id text PRIMARY KEY,
  username text NOT NULL,
  display_name text NOT NULL,
  -- argon2id in PHC string format; NULL for accounts that sign in only through OIDC.
  password_hash text,
  roles text[] NOT NULL DEFAULT '{}' CHECK (roles <@ ARRAY['admin', 'process-manager', 'clerk']::text[]),
  -- Department ids are the BPMN candidate groups of the user tasks the user may work on.
  departments text[] NOT NULL DEFAULT '{}',
  disabled boolean NOT NULL DEFAULT false,
  must_change_password boolean NOT NULL DEFAULT false,
  -- Consecutive failed password sign-ins; reaching the limit locks the account until locked_until.
  failed_sign_ins integer NOT NULL DEFAULT 0,
  locked_until timestamptz,
  -- The OIDC identity linked to the account on its first OIDC sign-in.
  oidc_issuer text,
  oidc_subject text,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX users_username ON users (lower(username));
CREATE UNIQUE INDEX users_oidc_identity ON users (oidc_issuer, oidc_subject) WHERE oidc_subject IS NOT NULL;

-- Server-side sessions. The cookie holds a random token; only its SHA-256 is stored, so reading this table does not
-- hand out sessions.
CREATE TABLE sessions (
  token_sha256 text PRIMARY KEY,
  user_id text NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  -- The synchronizer token state-changing requests must send in X-CSRF-Token.
  csrf_token text NOT NULL,
  signed_in_via text NOT NULL CHECK (signed_in_via IN ('password', 'oidc')),
  created_at timestamptz NOT NULL DEFAULT now(),
  last_seen_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL
);
CREATE INDEX sessions_user ON sessions (user_id);

-- OIDC authorization requests between the redirect to the identity provider and its callback.
CREATE TABLE oidc_sign_ins (
  -- SHA-256 of the random value in the browser's short-lived sign-in cookie, which binds the callback to the browser.
  binding_sha256 text PRIMARY KEY,
  state text NOT NULL,
  nonce text NOT NULL,
  code_verifier text NOT NULL,
  return_to text NOT NULL,
  expires_at timestamptz NOT NULL
);
