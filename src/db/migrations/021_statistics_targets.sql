-- Targets of the steering group (issue 15): "50 % in work by 31.12.2027". The indicator is one of the
-- published indicator ids (docs/statistics.md); the value is in the indicator's unit (a share 0..1, days or a
-- count); direction says whether the value should rise to it or fall to it.
CREATE TABLE statistics_target (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  tenant_id uuid NOT NULL REFERENCES tenant (id),
  indicator_id text NOT NULL,
  label text NOT NULL,
  target_value double precision NOT NULL,
  direction text NOT NULL DEFAULT 'at_least' CHECK (direction IN ('at_least', 'at_most')),
  deadline date NOT NULL,
  baseline_on date,
  version integer NOT NULL DEFAULT 1,
  created_by uuid REFERENCES app_user (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CHECK (baseline_on IS NULL OR baseline_on < deadline)
);
CREATE INDEX statistics_target_tenant ON statistics_target (tenant_id, deadline);
