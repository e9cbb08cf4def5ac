-- Foundation: tenants (one Integration Point region each), places, agencies, staff, sessions, audit.
-- Every domain table carries tenant_id: it scopes every query and is the distribution key on Citus.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE EXTENSION IF NOT EXISTS unaccent;

CREATE TABLE tenant (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  slug text NOT NULL UNIQUE CHECK (slug ~ '^[a-z0-9-]{2,64}$'),
  name text NOT NULL,
  settings jsonb NOT NULL DEFAULT '{}',
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE municipality (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  tenant_id uuid NOT NULL REFERENCES tenant(id),
  name text NOT NULL,
  ags text,
  lat double precision NOT NULL,
  lon double precision NOT NULL,
  UNIQUE (tenant_id, name)
);

CREATE TABLE office (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  tenant_id uuid NOT NULL REFERENCES tenant(id),
  municipality_id uuid NOT NULL REFERENCES municipality(id),
  name text NOT NULL,
  kind text NOT NULL CHECK (kind IN ('main', 'satellite')),
  UNIQUE (tenant_id, name)
);

CREATE TABLE agency (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  tenant_id uuid NOT NULL REFERENCES tenant(id),
  kind text NOT NULL CHECK (kind IN ('agentur_fuer_arbeit', 'jobcenter', 'sozialamt', 'auslaenderbehoerde',
    'kreis', 'jugendamt', 'bildungstraeger', 'arbeitgeber', 'ehrenamt')),
  name text NOT NULL,
  UNIQUE (tenant_id, name)
);
CREATE INDEX agency_tenant ON agency (tenant_id, kind);

CREATE TABLE app_user (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  tenant_id uuid NOT NULL REFERENCES tenant(id),
  agency_id uuid NOT NULL REFERENCES agency(id),
  email text NOT NULL,
  display_name text NOT NULL,
  role text NOT NULL CHECK (role IN ('eingangszone', 'integrationsfachkraft', 'sprachberatung',
    'arbeitgeberservice', 'koordination', 'partner', 'admin')),
  team text,
  -- NULL for accounts that log in through an external identity provider (OpenID Connect).
  password_hash text,
  identity_provider text NOT NULL DEFAULT 'local',
  external_subject text,
  language text NOT NULL DEFAULT 'de',
  disabled_at timestamptz,
  failed_logins integer NOT NULL DEFAULT 0,
  locked_until timestamptz,
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX app_user_email ON app_user (lower(email));
CREATE UNIQUE INDEX app_user_external ON app_user (identity_provider, external_subject) WHERE external_subject IS NOT NULL;
CREATE INDEX app_user_tenant ON app_user (tenant_id, role);

-- Server-side sessions: the cookie holds a random token, the table only its SHA-256.
CREATE TABLE user_session (
  id_hash text PRIMARY KEY,
  tenant_id uuid NOT NULL REFERENCES tenant(id),
  user_id uuid NOT NULL REFERENCES app_user(id),
  csrf_token text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  last_seen_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL,
  ip text,
  user_agent text
);
CREATE INDEX user_session_user ON user_session (user_id);

-- Append-only record of every read and change of personal data (DOMAIN.md §7).
CREATE TABLE audit_log (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id uuid NOT NULL,
  at timestamptz NOT NULL DEFAULT clock_timestamp(),
  user_id uuid,
  agency_id uuid,
  role text,
  action text NOT NULL,
  entity text NOT NULL,
  entity_id text,
  person_id uuid,
  outcome text NOT NULL CHECK (outcome IN ('allowed', 'denied')),
  legal_basis text,
  consent_id uuid,
  purpose text,
  request_id text,
  details jsonb
);
CREATE INDEX audit_log_person ON audit_log (tenant_id, person_id, at DESC);
CREATE INDEX audit_log_user ON audit_log (tenant_id, user_id, at DESC);

CREATE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_log is append-only: % is not allowed', TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$;
CREATE TRIGGER audit_log_no_update BEFORE UPDATE OR DELETE ON audit_log
  FOR EACH ROW EXECUTE FUNCTION audit_log_append_only();
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
  FOR EACH STATEMENT EXECUTE FUNCTION audit_log_append_only();
