-- One task module for the whole app (issue 13): the inbox of a user and of a team, tasks by hand and
-- tasks the app creates from events — legal deadlines from the rules engine, a course letter to hand
-- over after an allocation. It replaces the language path's own task table.
CREATE TABLE task (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  tenant_id uuid NOT NULL REFERENCES tenant (id),
  person_id uuid REFERENCES person (id) ON DELETE CASCADE,
  -- What the task is about: 'manual' or a generated kind (a deadline kind, 'hand_over_letter').
  kind text NOT NULL,
  -- Who made it: 'manual' (a person), 'deadline' (rules engine), 'language' (allocation).
  source text NOT NULL CHECK (source IN ('manual', 'deadline', 'language')),
  -- For generated tasks: the event it stands for (deadline kind, or 'hand_over_letter:<enrolment>'),
  -- so the generator finds its own task again and moves or closes it when the source fact changes.
  source_key text,
  title text,
  note text,
  due_on date NOT NULL,
  -- The day of the event itself (a document's last day), where it differs from the day to act.
  event_on date,
  legal_basis text,
  enrolment_id uuid REFERENCES enrolment (id) ON DELETE CASCADE,
  assignee_user_id uuid REFERENCES app_user (id),
  assignee_agency_id uuid REFERENCES agency (id),
  status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'done', 'cancelled')),
  -- Why a task closed without being done ('source_gone': its deadline no longer applies).
  closed_reason text,
  done_at timestamptz,
  done_by uuid REFERENCES app_user (id),
  remind_on date,
  reminded_at timestamptz,
  version integer NOT NULL DEFAULT 1,
  created_by uuid REFERENCES app_user (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CHECK (source = 'manual' OR source_key IS NOT NULL),
  CHECK (source <> 'manual' OR title IS NOT NULL)
);
-- One open task per event and person: the generator can upsert, and a double run creates nothing twice.
CREATE UNIQUE INDEX task_open_source ON task (tenant_id, person_id, source_key)
  WHERE status = 'open' AND source_key IS NOT NULL;
CREATE INDEX task_inbox_user ON task (tenant_id, assignee_user_id, status, due_on);
CREATE INDEX task_inbox_agency ON task (tenant_id, assignee_agency_id, status, due_on);
CREATE INDEX task_person ON task (tenant_id, person_id, status);
CREATE INDEX task_reminders ON task (remind_on) WHERE status = 'open' AND reminded_at IS NULL;

INSERT INTO task (id, tenant_id, person_id, kind, source, source_key, due_on, enrolment_id,
                  assignee_user_id, assignee_agency_id, status, done_at, done_by, created_at, updated_at)
SELECT id, tenant_id, person_id, kind, 'language', kind || ':' || enrolment_id, due_on, enrolment_id,
       assignee_user_id, assignee_agency_id,
       CASE WHEN done_at IS NULL THEN 'open' ELSE 'done' END, done_at, done_by, created_at, created_at
FROM language_task;
DROP TABLE language_task;

-- A durable job queue in the database (reminders, deadline runs after a law change): a job survives a
-- restart; a worker takes one with FOR UPDATE SKIP LOCKED, so two servers never run the same job.
-- dedupe_key makes "once per day" jobs idempotent.
CREATE TABLE job (
  id bigserial PRIMARY KEY,
  name text NOT NULL,
  payload jsonb NOT NULL DEFAULT '{}'::jsonb,
  dedupe_key text,
  state text NOT NULL DEFAULT 'queued' CHECK (state IN ('queued', 'running', 'done', 'failed')),
  attempts integer NOT NULL DEFAULT 0,
  max_attempts integer NOT NULL DEFAULT 5,
  run_after timestamptz NOT NULL DEFAULT now(),
  locked_until timestamptz,
  last_error text,
  result jsonb,
  created_at timestamptz NOT NULL DEFAULT now(),
  finished_at timestamptz
);
CREATE UNIQUE INDEX job_dedupe ON job (name, dedupe_key) WHERE dedupe_key IS NOT NULL;
CREATE INDEX job_ready ON job (run_after) WHERE state IN ('queued', 'running');
