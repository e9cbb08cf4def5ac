-- Recognition of foreign qualifications (Anerkennung; issue 14, deadlines in issue 13): the foreign
-- qualification, the German reference occupation (ESCO), the competent authority, the dates of the
-- procedure and its result. The decision is due three months after complete documents (BQFG).
CREATE TABLE recognition (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  tenant_id uuid NOT NULL REFERENCES tenant (id),
  person_id uuid NOT NULL REFERENCES person (id) ON DELETE CASCADE,
  qualification text NOT NULL,
  country text,
  reference_occupation text NOT NULL,
  esco_uri text,
  regulated boolean NOT NULL DEFAULT false,
  authority text,
  status text NOT NULL DEFAULT 'preparing' CHECK (status IN ('preparing', 'applied', 'complete', 'decided', 'withdrawn')),
  applied_on date,
  complete_on date,
  extended_until date,
  decision_on date,
  result text CHECK (result IN ('full', 'partial', 'none')),
  adaptation_measure text,
  version integer NOT NULL DEFAULT 1,
  created_by uuid REFERENCES app_user (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CHECK (complete_on IS NULL OR applied_on IS NULL OR complete_on >= applied_on),
  CHECK (decision_on IS NULL OR result IS NOT NULL)
);
CREATE INDEX recognition_person ON recognition (tenant_id, person_id);
