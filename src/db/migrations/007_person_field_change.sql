-- The history of every corrected master-data field of a person (issue 8: who, when, old → new, why).
-- Written in the same transaction as the correction; never updated. Values as JSON, so names, dates,
-- lists (nationalities, spellings) and empty values keep their form.
CREATE TABLE person_field_change (
  id bigserial PRIMARY KEY,
  tenant_id uuid NOT NULL REFERENCES tenant (id),
  person_id uuid NOT NULL REFERENCES person (id) ON DELETE CASCADE,
  field text NOT NULL,
  old_value jsonb,
  new_value jsonb,
  reason text,
  changed_by uuid REFERENCES app_user (id),
  changed_at timestamptz NOT NULL DEFAULT now(),
  request_id text
);
CREATE INDEX person_field_change_person ON person_field_change (tenant_id, person_id, changed_at DESC);
