-- Language path (issue 5): placement results, course catalogue, travel times, waitlist, enrolments and
-- allocation runs. Every table carries tenant_id. Rows that hang on a person are deleted with the person
-- (retention deletion, Art. 17 GDPR): ON DELETE CASCADE.

-- Language records: one row per test or estimate; a new result is a new row, the history is never overwritten.
CREATE TABLE language_assessment (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  tenant_id uuid NOT NULL REFERENCES tenant(id),
  person_id uuid NOT NULL REFERENCES person(id) ON DELETE CASCADE,
  assessed_on date NOT NULL,
  test_kind text NOT NULL CHECK (test_kind IN ('placement_test', 'dtz', 'telc', 'goethe', 'oesd', 'testdaf',
    'course_result', 'advisor_estimate', 'self_report', 'other')),
  hearing text CHECK (hearing IN ('A0', 'A1', 'A2', 'B1', 'B2', 'C1', 'C2')),
  reading text CHECK (reading IN ('A0', 'A1', 'A2', 'B1', 'B2', 'C1', 'C2')),
  writing text CHECK (writing IN ('A0', 'A1', 'A2', 'B1', 'B2', 'C1', 'C2')),
  speaking text CHECK (speaking IN ('A0', 'A1', 'A2', 'B1', 'B2', 'C1', 'C2')),
  -- The overall level used for course placement (stated on certificates; otherwise the weakest skill).
  overall text NOT NULL CHECK (overall IN ('A0', 'A1', 'A2', 'B1', 'B2', 'C1', 'C2')),
  literacy text CHECK (literacy IN ('none', 'other_script', 'latin')),
  certificate_ref text,
  examiner text,
  note text,
  recorded_by uuid REFERENCES app_user(id),
  recorded_at timestamptz NOT NULL DEFAULT clock_timestamp()
);
CREATE INDEX language_assessment_person ON language_assessment (tenant_id, person_id, assessed_on DESC, recorded_at DESC);

-- A course provider is an agency of kind bildungstraeger; its staff log in as role 'partner' of that agency.
CREATE TABLE course_provider (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  tenant_id uuid NOT NULL REFERENCES tenant(id),
  agency_id uuid NOT NULL REFERENCES agency(id),
  bamf_number text,
  contact_email text,
  contact_phone text,
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (tenant_id, agency_id)
);

-- Places: a municipality's centre (where its clients live, for travel times) or a venue (course location).
CREATE TABLE course_place (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  tenant_id uuid NOT NULL REFERENCES tenant(id),
  kind text NOT NULL CHECK (kind IN ('municipality', 'venue')),
  name text NOT NULL,
  municipality_id uuid NOT NULL REFERENCES municipality(id),
  office_id uuid REFERENCES office(id),
  address text,
  lat double precision NOT NULL CHECK (lat BETWEEN -90 AND 90),
  lon double precision NOT NULL CHECK (lon BETWEEN -180 AND 180),
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (tenant_id, name)
);
CREATE UNIQUE INDEX course_place_centre ON course_place (tenant_id, municipality_id) WHERE kind = 'municipality';

CREATE TABLE course (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  tenant_id uuid NOT NULL REFERENCES tenant(id),
  provider_id uuid NOT NULL REFERENCES course_provider(id),
  place_id uuid NOT NULL REFERENCES course_place(id),
  -- The provider's course number (BAMF Kursnummer); unique per provider, the key of catalogue imports.
  ref text NOT NULL,
  course_type text NOT NULL,
  entry_levels text[] NOT NULL CHECK (cardinality(entry_levels) > 0
    AND entry_levels <@ ARRAY['A0', 'A1', 'A2', 'B1', 'B2', 'C1', 'C2']::text[]),
  target_level text CHECK (target_level IN ('A1', 'A2', 'B1', 'B2', 'C1', 'C2')),
  hours integer NOT NULL CHECK (hours BETWEEN 1 AND 2000),
  schedule text,
  start_date date NOT NULL,
  end_date date CHECK (end_date IS NULL OR end_date >= start_date),
  seats integer NOT NULL CHECK (seats BETWEEN 0 AND 1000),
  childcare boolean NOT NULL DEFAULT false,
  women_only boolean NOT NULL DEFAULT false,
  status text NOT NULL DEFAULT 'planned' CHECK (status IN ('planned', 'running', 'finished', 'cancelled')),
  version integer NOT NULL DEFAULT 1,
  created_by uuid REFERENCES app_user(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (tenant_id, provider_id, ref)
);
CREATE INDEX course_tenant_start ON course (tenant_id, start_date, course_type);

-- Imported public-transport minutes; a pair without a row is estimated from coordinates.
CREATE TABLE travel_time (
  tenant_id uuid NOT NULL REFERENCES tenant(id),
  from_place_id uuid NOT NULL REFERENCES course_place(id),
  to_place_id uuid NOT NULL REFERENCES course_place(id),
  minutes integer NOT NULL CHECK (minutes BETWEEN 0 AND 1440),
  source text NOT NULL DEFAULT 'import',
  imported_by uuid REFERENCES app_user(id),
  imported_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, from_place_id, to_place_id)
);

CREATE TABLE waitlist_entry (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  tenant_id uuid NOT NULL REFERENCES tenant(id),
  person_id uuid NOT NULL REFERENCES person(id) ON DELETE CASCADE,
  course_types text[] NOT NULL CHECK (cardinality(course_types) > 0),
  -- Waiting since: the day that counts for waiting days (first come, first served and the solver's bonus).
  since date NOT NULL,
  needs_childcare boolean NOT NULL DEFAULT false,
  needs_women_only boolean NOT NULL DEFAULT false,
  status text NOT NULL DEFAULT 'waiting' CHECK (status IN ('waiting', 'offered', 'enrolled', 'withdrawn')),
  note text,
  version integer NOT NULL DEFAULT 1,
  created_by uuid REFERENCES app_user(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX waitlist_entry_tenant ON waitlist_entry (tenant_id, status, since);
-- One open entry per person: a double click does not queue anybody twice.
CREATE UNIQUE INDEX waitlist_entry_open ON waitlist_entry (person_id) WHERE status IN ('waiting', 'offered');

CREATE TABLE allocation_run (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  tenant_id uuid NOT NULL REFERENCES tenant(id),
  as_of date NOT NULL,
  params jsonb NOT NULL DEFAULT '{}',
  -- SHA-256 of the canonical instance: two runs on the same data have the same hash.
  input_hash text NOT NULL,
  instance jsonb NOT NULL,
  skipped jsonb NOT NULL DEFAULT '[]',
  result jsonb,
  metrics jsonb,
  state text NOT NULL CHECK (state IN ('running', 'proposed', 'confirmed', 'failed', 'discarded')),
  progress double precision NOT NULL DEFAULT 0,
  error text,
  version integer NOT NULL DEFAULT 1,
  created_by uuid REFERENCES app_user(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  confirmed_by uuid REFERENCES app_user(id),
  confirmed_at timestamptz
);
CREATE INDEX allocation_run_tenant ON allocation_run (tenant_id, created_at DESC);

CREATE TABLE enrolment (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  tenant_id uuid NOT NULL REFERENCES tenant(id),
  person_id uuid NOT NULL REFERENCES person(id) ON DELETE CASCADE,
  course_id uuid NOT NULL REFERENCES course(id),
  waitlist_entry_id uuid REFERENCES waitlist_entry(id) ON DELETE SET NULL,
  allocation_run_id uuid REFERENCES allocation_run(id),
  status text NOT NULL DEFAULT 'enrolled' CHECK (status IN ('enrolled', 'attending', 'completed', 'dropped_out', 'cancelled')),
  start_date date NOT NULL,
  end_date date,
  attendance_percent integer CHECK (attendance_percent BETWEEN 0 AND 100),
  result_level text CHECK (result_level IN ('A0', 'A1', 'A2', 'B1', 'B2', 'C1', 'C2')),
  certificate_ref text,
  version integer NOT NULL DEFAULT 1,
  created_by uuid REFERENCES app_user(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (course_id, person_id)
);
CREATE INDEX enrolment_person ON enrolment (tenant_id, person_id);
CREATE INDEX enrolment_course ON enrolment (tenant_id, course_id, status);

-- Follow-up work a confirmed allocation creates: hand the client letter over (the person's advisor).
CREATE TABLE language_task (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  tenant_id uuid NOT NULL REFERENCES tenant(id),
  person_id uuid NOT NULL REFERENCES person(id) ON DELETE CASCADE,
  enrolment_id uuid REFERENCES enrolment(id) ON DELETE CASCADE,
  kind text NOT NULL CHECK (kind IN ('hand_over_letter')),
  assignee_user_id uuid REFERENCES app_user(id),
  assignee_agency_id uuid REFERENCES agency(id),
  due_on date NOT NULL,
  done_at timestamptz,
  done_by uuid REFERENCES app_user(id),
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX language_task_assignee ON language_task (tenant_id, assignee_user_id, done_at);
