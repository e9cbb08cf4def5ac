-- Household members and children (ages → childcare need), and handovers/referrals between agencies.
CREATE TABLE household_member (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  tenant_id uuid NOT NULL REFERENCES tenant(id),
  person_id uuid NOT NULL REFERENCES person(id),
  relation text NOT NULL CHECK (relation IN ('partner', 'child', 'parent', 'sibling', 'other')),
  given_names text NOT NULL,
  family_name text,
  birth_date date,
  -- Set when the member is a client of their own: the household links two case files.
  member_person_id uuid REFERENCES person(id),
  needs_childcare boolean NOT NULL DEFAULT false,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX household_member_person ON household_member (tenant_id, person_id);

CREATE TABLE handover (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  tenant_id uuid NOT NULL REFERENCES tenant(id),
  person_id uuid NOT NULL REFERENCES person(id),
  kind text NOT NULL CHECK (kind IN ('case', 'referral', 'rechtskreiswechsel', 'exit')),
  state text NOT NULL CHECK (state IN ('requested', 'accepted', 'rejected', 'done', 'revoked')),
  from_agency_id uuid NOT NULL REFERENCES agency(id),
  from_user_id uuid REFERENCES app_user(id),
  to_agency_id uuid NOT NULL REFERENCES agency(id),
  to_user_id uuid REFERENCES app_user(id),
  reason text NOT NULL,
  decision_reason text,
  keep_advisor boolean NOT NULL DEFAULT false,
  -- The handover record (DOMAIN.md §4) as it was at the time: nothing is typed twice.
  record jsonb NOT NULL DEFAULT '{}',
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX handover_inbox ON handover (tenant_id, to_agency_id, state);
CREATE INDEX handover_person ON handover (tenant_id, person_id);
-- At most one open handover of a kind per person: a double click does not create two.
CREATE UNIQUE INDEX handover_one_open ON handover (person_id, kind) WHERE state IN ('requested', 'accepted');
