-- Appointments at the Integration Point and its satellite offices (issue 13): rooms, staff calendars,
-- interpreters. No room, staff member or interpreter is booked twice at the same time — enforced by the
-- database (exclusion constraints over the time range), not only by the screen. A cancelled appointment
-- frees its slot. btree_gist lets the equality on ids and the overlap of ranges share one index.
CREATE EXTENSION IF NOT EXISTS btree_gist;

CREATE TABLE room (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  tenant_id uuid NOT NULL REFERENCES tenant (id),
  office_id uuid NOT NULL REFERENCES office (id),
  name text NOT NULL,
  seats integer,
  active boolean NOT NULL DEFAULT true,
  UNIQUE (tenant_id, office_id, name)
);

-- Interpreters (staff of a language service, volunteers, contracted): the languages they interpret.
CREATE TABLE interpreter (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  tenant_id uuid NOT NULL REFERENCES tenant (id),
  name text NOT NULL,
  languages text[] NOT NULL,
  phone text,
  email text,
  organisation text,
  active boolean NOT NULL DEFAULT true
);
CREATE INDEX interpreter_languages ON interpreter USING gin (languages);

CREATE TABLE appointment (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  tenant_id uuid NOT NULL REFERENCES tenant (id),
  person_id uuid REFERENCES person (id) ON DELETE CASCADE,
  office_id uuid NOT NULL REFERENCES office (id),
  room_id uuid REFERENCES room (id),
  staff_user_id uuid NOT NULL REFERENCES app_user (id),
  -- The language an interpreter is needed for, and (once booked) who interprets.
  interpreter_language text,
  interpreter_id uuid REFERENCES interpreter (id),
  kind text NOT NULL,
  note text,
  starts_at timestamptz NOT NULL,
  ends_at timestamptz NOT NULL,
  during tstzrange GENERATED ALWAYS AS (tstzrange(starts_at, ends_at, '[)')) STORED,
  status text NOT NULL DEFAULT 'planned' CHECK (status IN ('planned', 'done', 'no_show', 'cancelled')),
  version integer NOT NULL DEFAULT 1,
  created_by uuid REFERENCES app_user (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CHECK (ends_at > starts_at),
  CHECK (interpreter_id IS NULL OR interpreter_language IS NOT NULL),
  CONSTRAINT appointment_room_free EXCLUDE USING gist (tenant_id WITH =, room_id WITH =, during WITH &&)
    WHERE (status <> 'cancelled' AND room_id IS NOT NULL),
  CONSTRAINT appointment_staff_free EXCLUDE USING gist (tenant_id WITH =, staff_user_id WITH =, during WITH &&)
    WHERE (status <> 'cancelled'),
  CONSTRAINT appointment_interpreter_free EXCLUDE USING gist (tenant_id WITH =, interpreter_id WITH =, during WITH &&)
    WHERE (status <> 'cancelled' AND interpreter_id IS NOT NULL)
);
CREATE INDEX appointment_person ON appointment (tenant_id, person_id, starts_at);
CREATE INDEX appointment_office_day ON appointment (tenant_id, office_id, starts_at);

-- A personal calendar feed (iCalendar) for a staff member's calendar app, which cannot log in: a
-- secret address. Only its SHA-256 is stored; a new one replaces the old.
CREATE TABLE calendar_feed (
  user_id uuid PRIMARY KEY REFERENCES app_user (id) ON DELETE CASCADE,
  tenant_id uuid NOT NULL REFERENCES tenant (id),
  token_hash text NOT NULL UNIQUE,
  created_at timestamptz NOT NULL DEFAULT now()
);
