-- The work side (issue 14): employers with contacts and mentors, vacancies, the competence profile,
-- placements through the pipeline (with the work-permit request), and job fairs / information events.

CREATE TABLE employer (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  tenant_id uuid NOT NULL REFERENCES tenant (id),
  name text NOT NULL,
  sector text,
  size text CHECK (size IN ('micro', 'small', 'medium', 'large')),
  street text,
  postcode text,
  city text,
  municipality_id uuid REFERENCES municipality (id),
  -- Betriebsnummer of the Bundesagentur (8 digits): printed on the permit request.
  betriebsnummer text CHECK (betriebsnummer ~ '^[0-9]{8}$'),
  -- [{name, role, phone, email}] and [{name, languages, note}] (mentors, Paten, the company offers).
  contacts jsonb NOT NULL DEFAULT '[]',
  mentors jsonb NOT NULL DEFAULT '[]',
  notes text,
  active boolean NOT NULL DEFAULT true,
  version integer NOT NULL DEFAULT 1,
  created_by uuid REFERENCES app_user (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (tenant_id, name)
);

CREATE TABLE vacancy (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  tenant_id uuid NOT NULL REFERENCES tenant (id),
  employer_id uuid NOT NULL REFERENCES employer (id),
  kind text NOT NULL CHECK (kind IN ('job', 'ausbildung', 'praktikum', 'eq')),
  title text NOT NULL,
  esco_uri text NOT NULL,
  isco text NOT NULL DEFAULT '',
  description text,
  min_level text CHECK (min_level IN ('A1', 'A2', 'B1', 'B2', 'C1', 'C2')),
  municipality_id uuid NOT NULL REFERENCES municipality (id),
  hours_min integer CHECK (hours_min BETWEEN 1 AND 60),
  hours_max integer CHECK (hours_max BETWEEN 1 AND 60),
  shift_work boolean NOT NULL DEFAULT false,
  driving_licence text,
  start_date date NOT NULL,
  end_date date,
  openings integer NOT NULL DEFAULT 1 CHECK (openings BETWEEN 1 AND 500),
  wage_bracket text,
  status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'filled', 'closed')),
  version integer NOT NULL DEFAULT 1,
  created_by uuid REFERENCES app_user (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CHECK (end_date IS NULL OR end_date >= start_date),
  CHECK (hours_min IS NULL OR hours_max IS NULL OR hours_max >= hours_min)
);
CREATE INDEX vacancy_tenant ON vacancy (tenant_id, status, start_date);
CREATE INDEX vacancy_employer ON vacancy (tenant_id, employer_id);

-- One competence profile per person. match_* are maintained by the application from the occupations
-- (experience, training, wishes) so that matching can preselect in SQL with GIN indexes.
CREATE TABLE work_profile (
  person_id uuid PRIMARY KEY REFERENCES person (id) ON DELETE CASCADE,
  tenant_id uuid NOT NULL REFERENCES tenant (id),
  school_years integer CHECK (school_years BETWEEN 0 AND 25),
  school_degree text,
  school_country text,
  -- [{title, escoUri, country, completed}], [{subject, degree, country, completed}],
  -- [{escoUri, title, years, country}]
  training jsonb NOT NULL DEFAULT '[]',
  studies jsonb NOT NULL DEFAULT '[]',
  experience jsonb NOT NULL DEFAULT '[]',
  wished_uris text[] NOT NULL DEFAULT '{}',
  driving_licences text[] NOT NULL DEFAULT '{}',
  max_travel_minutes integer CHECK (max_travel_minutes BETWEEN 5 AND 240),
  hours_min integer CHECK (hours_min BETWEEN 1 AND 60),
  hours_max integer CHECK (hours_max BETWEEN 1 AND 60),
  childcare text NOT NULL DEFAULT 'none' CHECK (childcare IN ('none', 'school_hours', 'part_time_only')),
  available_from date,
  wishes text,
  match_uris text[] NOT NULL DEFAULT '{}',
  match_isco4 text[] NOT NULL DEFAULT '{}',
  match_isco3 text[] NOT NULL DEFAULT '{}',
  match_skills integer[] NOT NULL DEFAULT '{}',
  -- Years of work per ISCO unit group ({"7512": 5}): the ranking orders by it in SQL.
  years_by_isco jsonb NOT NULL DEFAULT '{}',
  version integer NOT NULL DEFAULT 1,
  updated_by uuid REFERENCES app_user (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX work_profile_uris ON work_profile USING gin (match_uris);
CREATE INDEX work_profile_isco4 ON work_profile USING gin (match_isco4);
CREATE INDEX work_profile_isco ON work_profile USING gin (match_isco3);
CREATE INDEX work_profile_skills ON work_profile USING gin (match_skills);
CREATE INDEX work_profile_tenant ON work_profile (tenant_id);

-- One row per occupation of a profile (experience, training, wish): ranking a vacancy reads the rows of
-- its ISCO unit group from one btree index (index-only), which stays fast at 100,000 profiles where the
-- array indexes above were estimated badly and read the whole table.
CREATE TABLE work_profile_occupation (
  tenant_id uuid NOT NULL REFERENCES tenant (id),
  person_id uuid NOT NULL REFERENCES work_profile (person_id) ON DELETE CASCADE,
  esco_uri text NOT NULL,
  isco4 text NOT NULL,
  years real NOT NULL DEFAULT 0,
  source text NOT NULL CHECK (source IN ('experience', 'training', 'wish'))
);
CREATE INDEX work_profile_occupation_group ON work_profile_occupation (tenant_id, isco4) INCLUDE (person_id, esco_uri, years);
CREATE INDEX work_profile_occupation_uri ON work_profile_occupation (tenant_id, esco_uri) INCLUDE (person_id, years);
CREATE INDEX work_profile_occupation_person ON work_profile_occupation (person_id);

CREATE TABLE placement (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  tenant_id uuid NOT NULL REFERENCES tenant (id),
  person_id uuid NOT NULL REFERENCES person (id) ON DELETE CASCADE,
  vacancy_id uuid NOT NULL REFERENCES vacancy (id),
  status text NOT NULL DEFAULT 'proposed'
    CHECK (status IN ('proposed', 'contacted', 'interview', 'trial', 'hired', 'declined')),
  -- [{status, on, by, note}]: every step with its day and who recorded it.
  history jsonb NOT NULL DEFAULT '[]',
  -- The latest remark (each one is also kept in the history with its step).
  note text,
  interview_on date,
  declined_reason text,
  declined_by text CHECK (declined_by IN ('client', 'employer', 'staff')),
  contract_type text,
  hours integer CHECK (hours BETWEEN 1 AND 60),
  wage_bracket text,
  start_date date,
  -- The profile extract released to the employer (audited as a read): when and by whom.
  released_on date,
  released_by uuid REFERENCES app_user (id),
  -- Work-permit request at the Ausländerbehörde (the BA's consent is deemed given two weeks later).
  permit_requested_on date,
  permit_decided_on date,
  permit_result text CHECK (permit_result IN ('granted', 'refused')),
  version integer NOT NULL DEFAULT 1,
  created_by uuid REFERENCES app_user (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (vacancy_id, person_id),
  CHECK (status <> 'hired' OR (start_date IS NOT NULL AND contract_type IS NOT NULL)),
  CHECK (status <> 'declined' OR declined_by IS NOT NULL),
  CHECK (permit_decided_on IS NULL OR permit_requested_on IS NOT NULL)
);
CREATE INDEX placement_person ON placement (tenant_id, person_id);
CREATE INDEX placement_vacancy ON placement (tenant_id, vacancy_id);
CREATE INDEX placement_open ON placement (tenant_id, person_id) WHERE status NOT IN ('hired', 'declined');

-- Job fairs and information events, with invited clients and employers, attendance and follow-ups.
CREATE TABLE work_event (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  tenant_id uuid NOT NULL REFERENCES tenant (id),
  kind text NOT NULL CHECK (kind IN ('job_fair', 'information', 'speed_dating', 'company_visit')),
  title text NOT NULL,
  held_on date NOT NULL,
  municipality_id uuid REFERENCES municipality (id),
  place text,
  audience text,
  version integer NOT NULL DEFAULT 1,
  created_by uuid REFERENCES app_user (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX work_event_tenant ON work_event (tenant_id, held_on);

CREATE TABLE work_event_guest (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  tenant_id uuid NOT NULL REFERENCES tenant (id),
  event_id uuid NOT NULL REFERENCES work_event (id) ON DELETE CASCADE,
  person_id uuid REFERENCES person (id) ON DELETE CASCADE,
  employer_id uuid REFERENCES employer (id),
  attended boolean,
  follow_up text,
  CHECK ((person_id IS NULL) <> (employer_id IS NULL)),
  UNIQUE (event_id, person_id),
  UNIQUE (event_id, employer_id)
);

-- After-care steps after a hire are tasks of their own source: the placement keeps them in step.
ALTER TABLE task DROP CONSTRAINT task_source_check;
ALTER TABLE task ADD CONSTRAINT task_source_check CHECK (source IN ('manual', 'deadline', 'language', 'plan', 'work'));

-- The Dublin fact of an asylum procedure (from 12.06.2026 the three-month permit of § 61 Abs. 2 AsylG
-- excludes Dublin cases and persons protected elsewhere): without it every Gestattung stayed "review".
ALTER TABLE residence_status ADD COLUMN dublin_case boolean;
