-- The case file: person, residence status history (never overwritten), consent, handovers.
CREATE TABLE person (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  tenant_id uuid NOT NULL REFERENCES tenant(id),
  given_names text NOT NULL,
  family_name text NOT NULL,
  -- Name in the original script (Arabic, Cyrillic, Ge'ez, …) and further Latin spellings seen on documents.
  name_original text,
  name_variants text[] NOT NULL DEFAULT '{}',
  gender text NOT NULL CHECK (gender IN ('m', 'f', 'x', 'u')),
  birth_date date,
  birth_date_precision text NOT NULL DEFAULT 'day' CHECK (birth_date_precision IN ('day', 'month', 'year')),
  nationalities text[] NOT NULL DEFAULT '{}',
  languages jsonb NOT NULL DEFAULT '[]',
  phone text,
  email text,
  address text,
  municipality_id uuid REFERENCES municipality(id),
  wohnsitzauflage_municipality_id uuid REFERENCES municipality(id),
  azr_number text,
  ba_customer_number text,
  entry_date date,
  referral_source text CHECK (referral_source IN ('sozialamt', 'auslaenderbehoerde', 'ehrenamt', 'selbst', 'jobcenter', 'agentur', 'other')),
  rechtskreis text NOT NULL DEFAULT 'review' CHECK (rechtskreis IN ('asylblg', 'sgb2', 'sgb3_only', 'none', 'review')),
  case_status text NOT NULL DEFAULT 'intake' CHECK (case_status IN ('intake', 'active', 'handed_over', 'closed')),
  owner_user_id uuid REFERENCES app_user(id),
  owner_agency_id uuid REFERENCES agency(id),
  team text,
  ip_entry_date date,
  closed_on date,
  -- Special category data (Art. 9 GDPR): read only with its own permission and consent.
  health_notes text,
  -- Lower-cased, accent-free names for trigram search; maintained by the application.
  search_text text NOT NULL DEFAULT '',
  merged_into uuid REFERENCES person(id),
  version integer NOT NULL DEFAULT 1,
  created_by uuid REFERENCES app_user(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX person_tenant_status ON person (tenant_id, case_status, owner_user_id);
CREATE INDEX person_search_trgm ON person USING gin (search_text gin_trgm_ops);
CREATE INDEX person_birth ON person (tenant_id, birth_date);
CREATE INDEX person_azr ON person (tenant_id, azr_number) WHERE azr_number IS NOT NULL;
CREATE INDEX person_ba ON person (tenant_id, ba_customer_number) WHERE ba_customer_number IS NOT NULL;

-- Blocking keys of the duplicate matcher: a candidate lookup is one index probe per key.
CREATE TABLE person_name_key (
  tenant_id uuid NOT NULL,
  key text NOT NULL,
  person_id uuid NOT NULL REFERENCES person(id),
  PRIMARY KEY (tenant_id, key, person_id)
);
CREATE INDEX person_name_key_person ON person_name_key (person_id);

CREATE TABLE residence_status (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  tenant_id uuid NOT NULL REFERENCES tenant(id),
  person_id uuid NOT NULL REFERENCES person(id),
  kind text NOT NULL CHECK (kind IN ('gestattung', 'duldung', 'aufenthaltserlaubnis', 'niederlassungserlaubnis',
    'fiktionsbescheinigung', 'eu_freizuegigkeit', 'none')),
  paragraph text,
  since date NOT NULL,
  until date,
  document text,
  work_annotation text,
  asylum_application_date date,
  asylum_decision text CHECK (asylum_decision IN ('pending', 'recognised', 'rejected',
    'rejected_manifestly_unfounded', 'rejected_inadmissible', 'withdrawn', 'none')),
  asylum_decision_date date,
  lives_in_reception_centre boolean,
  own_fault_obstacle boolean,
  identity_unclear boolean,
  registered boolean,
  recorded_by uuid REFERENCES app_user(id),
  recorded_at timestamptz NOT NULL DEFAULT clock_timestamp()
);
CREATE INDEX residence_status_person ON residence_status (tenant_id, person_id, since DESC, recorded_at DESC);

CREATE TABLE consent (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  tenant_id uuid NOT NULL REFERENCES tenant(id),
  person_id uuid NOT NULL REFERENCES person(id),
  purpose text NOT NULL,
  recipient_agency_id uuid NOT NULL REFERENCES agency(id),
  data_categories text[] NOT NULL,
  given_on date NOT NULL,
  withdrawn_on date,
  form_language text NOT NULL DEFAULT 'de',
  scan_ref text,
  recorded_by uuid REFERENCES app_user(id),
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX consent_person ON consent (tenant_id, person_id);
