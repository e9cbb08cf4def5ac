-- Duplicate review queue (issue 12): the pairs a batch run over the register proposes, side by side for a
-- person to decide — merge, or "not the same person". A pair decided "not the same person" is kept, so
-- a later run never proposes it again; a merged pair is kept as a record of the decision.
CREATE TABLE duplicate_candidate (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  tenant_id uuid NOT NULL REFERENCES tenant (id),
  -- The pair in a fixed order (person_a < person_b): one row per pair, whichever side a run names first.
  person_a uuid NOT NULL REFERENCES person (id),
  person_b uuid NOT NULL REFERENCES person (id),
  score numeric(4, 3) NOT NULL,
  reasons text[] NOT NULL DEFAULT '{}',
  state text NOT NULL DEFAULT 'open' CHECK (state IN ('open', 'merged', 'distinct')),
  found_at timestamptz NOT NULL DEFAULT now(),
  decided_at timestamptz,
  decided_by uuid REFERENCES app_user (id),
  version integer NOT NULL DEFAULT 1,
  CHECK (person_a < person_b),
  UNIQUE (tenant_id, person_a, person_b)
);
CREATE INDEX duplicate_candidate_open ON duplicate_candidate (tenant_id, state, score DESC);

-- The last batch run per region: when, over how many records, how many pairs, how long.
CREATE TABLE duplicate_run (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  tenant_id uuid NOT NULL REFERENCES tenant (id),
  started_by uuid REFERENCES app_user (id),
  started_at timestamptz NOT NULL DEFAULT now(),
  finished_at timestamptz,
  records integer NOT NULL DEFAULT 0,
  compared integer NOT NULL DEFAULT 0,
  proposed integer NOT NULL DEFAULT 0,
  -- The Fellegi–Sunter model estimated on the register in this run (m, u, λ): the intake check scores
  -- with it, so desk and batch use one model.
  model jsonb
);
CREATE INDEX duplicate_run_tenant ON duplicate_run (tenant_id, started_at DESC);
