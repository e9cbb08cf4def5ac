-- Second factor for password logins (issue 9, ASVS 2.7/2.8): a time-based one-time password (TOTP,
-- RFC 6238) from an authenticator app, plus ten single-use recovery codes.
-- last_step is the 30-second step of the last accepted code: a code is accepted once only (no replay
-- within its window), enforced by an UPDATE … WHERE last_step < step that parallel logins cannot both win.
CREATE TABLE user_totp (
  user_id uuid PRIMARY KEY REFERENCES app_user (id) ON DELETE CASCADE,
  tenant_id uuid NOT NULL REFERENCES tenant (id),
  secret text NOT NULL,
  confirmed_at timestamptz,
  last_step bigint NOT NULL DEFAULT 0,
  created_at timestamptz NOT NULL DEFAULT now()
);

-- Recovery codes are stored as SHA-256 of the normalised code (60 random bits each, so a plain hash
-- is enough); used_at marks the one use.
CREATE TABLE user_recovery_code (
  tenant_id uuid NOT NULL REFERENCES tenant (id),
  user_id uuid NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
  code_hash text NOT NULL,
  used_at timestamptz,
  PRIMARY KEY (user_id, code_hash)
);

-- A session of an administrator who must set up the second factor first (LOTSE_ADMIN_TOTP=required):
-- it may only reach the set-up routes until the factor is confirmed.
ALTER TABLE user_session ADD COLUMN second_factor_pending boolean NOT NULL DEFAULT false;
