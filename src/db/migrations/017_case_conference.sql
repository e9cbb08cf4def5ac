-- Case conferences across agencies (Fallbesprechung, issue 13): participants, an agenda of cases,
-- minutes per case, agreed actions that become tasks. A participant sees a case on the agenda only as
-- far as it may read the person (its task in the IP or the person's consent for its agency).
CREATE TABLE case_conference (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  tenant_id uuid NOT NULL REFERENCES tenant (id),
  title text NOT NULL,
  held_on date NOT NULL,
  organiser_id uuid REFERENCES app_user (id),
  organiser_agency_id uuid NOT NULL REFERENCES agency (id),
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE conference_participant (
  tenant_id uuid NOT NULL REFERENCES tenant (id),
  conference_id uuid NOT NULL REFERENCES case_conference (id) ON DELETE CASCADE,
  agency_id uuid NOT NULL REFERENCES agency (id),
  PRIMARY KEY (conference_id, agency_id)
);

CREATE TABLE conference_item (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  tenant_id uuid NOT NULL REFERENCES tenant (id),
  conference_id uuid NOT NULL REFERENCES case_conference (id) ON DELETE CASCADE,
  person_id uuid NOT NULL REFERENCES person (id) ON DELETE CASCADE,
  position integer NOT NULL,
  minutes text,
  version integer NOT NULL DEFAULT 1,
  UNIQUE (conference_id, person_id)
);
CREATE INDEX conference_item_person ON conference_item (tenant_id, person_id);
