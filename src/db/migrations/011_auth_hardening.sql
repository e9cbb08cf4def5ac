-- Login hardening (issue 9: throttling, enumeration), single sign-on and a second factor.

-- Failed-login counters, counted atomically in the database before a password is checked.
-- account_hash is the SHA-256 of the lower-cased e-mail, so unknown e-mails are counted exactly like
-- known ones (the answer never tells whether an account exists) and no typed e-mail is stored in clear.
-- client is the client address (an IPv6 address reduced to its /64), or '*' for the per-account ceiling
-- that holds against many addresses at once. Not tenant data: a login comes before any tenant is known.
CREATE TABLE login_throttle (
  account_hash text NOT NULL,
  client text NOT NULL,
  attempts integer NOT NULL DEFAULT 0,
  window_started_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (account_hash, client)
);
CREATE INDEX login_throttle_window ON login_throttle (window_started_at);

-- TOTP second factor (RFC 6238) for password logins. The secret is pending until the first code
-- is confirmed; totp_last_step refuses a code that was already used (replay).
ALTER TABLE app_user ADD COLUMN totp_secret text;
ALTER TABLE app_user ADD COLUMN totp_enabled_at timestamptz;
ALTER TABLE app_user ADD COLUMN totp_last_step integer;

-- A password login that still needs its second factor: the browser holds a random token, the table
-- its SHA-256; it lives five minutes and allows a few tries.
CREATE TABLE login_challenge (
  id_hash text PRIMARY KEY,
  tenant_id uuid NOT NULL REFERENCES tenant(id),
  user_id uuid NOT NULL REFERENCES app_user(id),
  attempts integer NOT NULL DEFAULT 0,
  expires_at timestamptz NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX login_challenge_user ON login_challenge (tenant_id, user_id);

-- An OpenID Connect login in flight: state (primary key), nonce and PKCE verifier stay on the server
-- until the provider sends the browser back; used once, valid ten minutes.
CREATE TABLE oidc_login (
  state text PRIMARY KEY,
  provider text NOT NULL,
  nonce text NOT NULL,
  code_verifier text NOT NULL,
  return_to text,
  expires_at timestamptz NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
