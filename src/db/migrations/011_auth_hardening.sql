-- Login hardening (issue 9: throttling, enumeration) and single sign-on (OpenID Connect).

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
