-- Measures catalogue (Förderkompass) and the cooperation plan (Kooperationsplan, § 15 SGB II) — issue 13.

-- A measure of any agency or partner, with who may take part (empty list = no restriction) and the
-- named contact who looks after it (Kümmerer).
CREATE TABLE measure (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  tenant_id uuid NOT NULL REFERENCES tenant (id),
  title text NOT NULL,
  type text NOT NULL,
  provider text NOT NULL,
  description text,
  location text,
  places integer,
  start_date date,
  end_date date,
  rechtskreise text[] NOT NULL DEFAULT '{}',
  residence_kinds text[] NOT NULL DEFAULT '{}',
  min_age integer,
  max_age integer,
  min_level text,
  gender text CHECK (gender IN ('f', 'm')),
  needs_work_access boolean NOT NULL DEFAULT false,
  contact_name text,
  contact_email text,
  contact_phone text,
  active boolean NOT NULL DEFAULT true,
  version integer NOT NULL DEFAULT 1,
  created_by uuid REFERENCES app_user (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CHECK (end_date IS NULL OR start_date IS NULL OR end_date >= start_date),
  CHECK (min_age IS NULL OR max_age IS NULL OR max_age >= min_age)
);
CREATE INDEX measure_tenant ON measure (tenant_id, active, type);
CREATE INDEX measure_search ON measure USING gin (lower(title || ' ' || provider || ' ' || coalesce(description, '')) gin_trgm_ops);

-- One plan per person across agencies: it goes with the person when the Rechtskreis changes. Every saved
-- state is a new, never changed version (kept and comparable); current_version guards against a stale save.
CREATE TABLE plan (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  tenant_id uuid NOT NULL REFERENCES tenant (id),
  person_id uuid NOT NULL REFERENCES person (id) ON DELETE CASCADE,
  current_version integer NOT NULL DEFAULT 0,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (tenant_id, person_id)
);

CREATE TABLE plan_version (
  tenant_id uuid NOT NULL REFERENCES tenant (id),
  plan_id uuid NOT NULL REFERENCES plan (id) ON DELETE CASCADE,
  version integer NOT NULL,
  -- Goals with their steps (who, what, by when, status), the agreed day and the next review.
  content jsonb NOT NULL,
  agreed_on date,
  review_on date,
  note text,
  created_by uuid REFERENCES app_user (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (plan_id, version)
);

-- Plan reviews and the advisor's own plan steps become tasks too.
ALTER TABLE task DROP CONSTRAINT task_source_check;
ALTER TABLE task ADD CONSTRAINT task_source_check CHECK (source IN ('manual', 'deadline', 'language', 'plan'));
