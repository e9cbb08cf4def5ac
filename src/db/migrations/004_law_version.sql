-- Law as data: an admin may store an edited copy of the rule data (dates, safe countries, switches),
-- in force from a day. Evaluation uses the newest version in force; without one, the shipped default.
CREATE TABLE law_version (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  tenant_id uuid NOT NULL REFERENCES tenant(id),
  in_force_from date NOT NULL,
  data jsonb NOT NULL,
  note text NOT NULL,
  created_by uuid REFERENCES app_user(id),
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX law_version_tenant ON law_version (tenant_id, in_force_from DESC, created_at DESC);
