-- Partner network and case notes (issue 13).

-- Organisations the Integration Point works with: what they offer, in which languages, when they are
-- open, whom to call. agency_id links a partner that works in Lotse itself: referrals to it go through
-- the handover state machine and the person's consent.
CREATE TABLE partner_org (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  tenant_id uuid NOT NULL REFERENCES tenant (id),
  name text NOT NULL,
  kind text NOT NULL,
  services text,
  languages text[] NOT NULL DEFAULT '{}',
  opening_hours text,
  address text,
  phone text,
  email text,
  website text,
  agency_id uuid REFERENCES agency (id),
  active boolean NOT NULL DEFAULT true,
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (tenant_id, name)
);

CREATE TABLE partner_contact (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  tenant_id uuid NOT NULL REFERENCES tenant (id),
  partner_id uuid NOT NULL REFERENCES partner_org (id) ON DELETE CASCADE,
  name text NOT NULL,
  role text,
  phone text,
  email text
);
CREATE INDEX partner_contact_partner ON partner_contact (tenant_id, partner_id);

-- Notes on a case: visible to the writer's agency, or shared with every agency that may read the
-- person's profile (by its task in the IP or by the person's consent). Never changed, only added.
CREATE TABLE case_note (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  tenant_id uuid NOT NULL REFERENCES tenant (id),
  person_id uuid NOT NULL REFERENCES person (id) ON DELETE CASCADE,
  category text NOT NULL,
  visibility text NOT NULL CHECK (visibility IN ('agency', 'shared')),
  text text NOT NULL,
  author_id uuid REFERENCES app_user (id),
  agency_id uuid NOT NULL REFERENCES agency (id),
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX case_note_person ON case_note (tenant_id, person_id, created_at DESC);
