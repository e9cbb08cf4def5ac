-- Tamper-evident audit log: one hash chain per tenant. Each row stores its place in the chain (seq), the
-- hash of the row before (prev_hash) and its own hash = sha256(prev_hash || canonical row). Changing,
-- deleting or inserting a row anywhere but at the end breaks the chain at that row; `lotse audit verify`
-- reports the first broken link. The append-only trigger of 001 stops the application role; the chain
-- makes a change visible even when someone with the owner's rights disabled that trigger.
ALTER TABLE audit_log ADD COLUMN seq bigint, ADD COLUMN prev_hash text, ADD COLUMN hash text;

-- The end of each tenant's chain. Locking this row (FOR UPDATE) serialises the writers of one tenant, so
-- concurrent inserts never fork the chain; a rolled-back insert rolls the head back with it.
CREATE TABLE audit_chain_head (
  tenant_id uuid PRIMARY KEY,
  seq bigint NOT NULL,
  hash text NOT NULL
);

-- The row as hashed: fixed keys, UTC time with microseconds, jsonb's own canonical text (sorted keys).
-- Independent of the session's time zone and of columns added to audit_log later.
CREATE FUNCTION audit_log_canonical(r audit_log) RETURNS text LANGUAGE sql IMMUTABLE AS $$
  SELECT jsonb_build_object(
    'id', r.id, 'tenant_id', r.tenant_id, 'seq', r.seq,
    'at', to_char(r.at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'),
    'user_id', r.user_id, 'agency_id', r.agency_id, 'role', r.role, 'action', r.action,
    'entity', r.entity, 'entity_id', r.entity_id, 'person_id', r.person_id, 'outcome', r.outcome,
    'legal_basis', r.legal_basis, 'consent_id', r.consent_id, 'purpose', r.purpose,
    'request_id', r.request_id, 'details', r.details
  )::text
$$;

CREATE FUNCTION audit_log_hash(prev_hash text, r audit_log) RETURNS text LANGUAGE sql IMMUTABLE AS $$
  SELECT encode(sha256(convert_to(prev_hash || audit_log_canonical(r), 'UTF8')), 'hex')
$$;

-- SECURITY DEFINER: the application role may insert audit rows but has no right on audit_chain_head, so
-- it cannot move the head; search_path fixed at creation so nobody can slip in other functions.
CREATE FUNCTION audit_log_chain() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER
SET search_path FROM CURRENT AS $$
DECLARE
  head audit_chain_head%ROWTYPE;
BEGIN
  INSERT INTO audit_chain_head (tenant_id, seq, hash)
    VALUES (NEW.tenant_id, 0, repeat('0', 64)) ON CONFLICT (tenant_id) DO NOTHING;
  SELECT * INTO head FROM audit_chain_head WHERE tenant_id = NEW.tenant_id FOR UPDATE;
  NEW.seq := head.seq + 1;
  NEW.prev_hash := head.hash;
  NEW.hash := audit_log_hash(head.hash, NEW);
  UPDATE audit_chain_head SET seq = NEW.seq, hash = NEW.hash WHERE tenant_id = NEW.tenant_id;
  RETURN NEW;
END;
$$;

-- Rows written before this migration join the chain in the order of their ids.
ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_update;
DO $$
DECLARE
  r audit_log%ROWTYPE;
  t uuid;
  prev text;
  n bigint;
BEGIN
  FOR t IN SELECT DISTINCT tenant_id FROM audit_log LOOP
    prev := repeat('0', 64);
    n := 0;
    FOR r IN SELECT * FROM audit_log WHERE tenant_id = t ORDER BY id LOOP
      n := n + 1;
      r.seq := n;
      r.prev_hash := prev;
      r.hash := audit_log_hash(prev, r);
      UPDATE audit_log SET seq = r.seq, prev_hash = r.prev_hash, hash = r.hash WHERE id = r.id;
      prev := r.hash;
    END LOOP;
    INSERT INTO audit_chain_head (tenant_id, seq, hash) VALUES (t, n, prev);
  END LOOP;
END;
$$;
ALTER TABLE audit_log ENABLE TRIGGER audit_log_no_update;

ALTER TABLE audit_log ALTER COLUMN seq SET NOT NULL, ALTER COLUMN prev_hash SET NOT NULL,
  ALTER COLUMN hash SET NOT NULL;
CREATE UNIQUE INDEX audit_log_chain ON audit_log (tenant_id, seq);
CREATE TRIGGER audit_log_chain BEFORE INSERT ON audit_log FOR EACH ROW EXECUTE FUNCTION audit_log_chain();
