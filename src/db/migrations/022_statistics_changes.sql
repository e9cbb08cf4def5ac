-- Issue 15, Land scale: the steering dashboard keeps each region's facts in memory (src/server/modules/
-- statistics/facts-cache.ts) and must learn which persons' facts changed since it loaded them. Every statement
-- on a table the indicators count from writes one row per (region, person) it touched into this log (a course
-- writes person_id NULL: "the course list changed"). The cache reloads just those persons. Rows older than a
-- day are pruned by the cache itself (statistics_change_prune), and a cache older than that reloads fully.
CREATE TABLE statistics_change (
  id bigserial PRIMARY KEY,
  tenant_id uuid NOT NULL,
  person_id uuid,
  at timestamptz NOT NULL DEFAULT clock_timestamp()
);
CREATE INDEX statistics_change_tenant ON statistics_change (tenant_id, id);
CREATE INDEX statistics_change_at ON statistics_change (at);

-- One function per shape of the touched rows: the person table names the person `id`, the fact tables
-- `person_id`, courses none. Statement-level with transition tables: a bulk insert of 10,000 enrolments
-- writes one INSERT … SELECT DISTINCT, not 10,000 trigger calls.
CREATE FUNCTION statistics_changed_person() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    INSERT INTO statistics_change (tenant_id, person_id) SELECT DISTINCT tenant_id, id FROM new_rows;
  END IF;
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    INSERT INTO statistics_change (tenant_id, person_id) SELECT DISTINCT tenant_id, id FROM old_rows;
  END IF;
  RETURN NULL;
END $$;

CREATE FUNCTION statistics_changed_fact() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    INSERT INTO statistics_change (tenant_id, person_id) SELECT DISTINCT tenant_id, person_id FROM new_rows;
  END IF;
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    INSERT INTO statistics_change (tenant_id, person_id) SELECT DISTINCT tenant_id, person_id FROM old_rows;
  END IF;
  RETURN NULL;
END $$;

CREATE FUNCTION statistics_changed_course() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    INSERT INTO statistics_change (tenant_id, person_id) SELECT DISTINCT tenant_id, NULL::uuid FROM new_rows;
  ELSE
    INSERT INTO statistics_change (tenant_id, person_id) SELECT DISTINCT tenant_id, NULL::uuid FROM old_rows;
  END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER person_stat_ins AFTER INSERT ON person REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION statistics_changed_person();
CREATE TRIGGER person_stat_upd AFTER UPDATE ON person REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION statistics_changed_person();
CREATE TRIGGER person_stat_del AFTER DELETE ON person REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION statistics_changed_person();

CREATE TRIGGER course_stat_ins AFTER INSERT ON course REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION statistics_changed_course();
CREATE TRIGGER course_stat_upd AFTER UPDATE ON course REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION statistics_changed_course();
CREATE TRIGGER course_stat_del AFTER DELETE ON course REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION statistics_changed_course();

DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['enrolment', 'language_assessment', 'waitlist_entry', 'handover', 'placement'] LOOP
    EXECUTE format('CREATE TRIGGER %I AFTER INSERT ON %I REFERENCING NEW TABLE AS new_rows
      FOR EACH STATEMENT EXECUTE FUNCTION statistics_changed_fact()', t || '_stat_ins', t);
    EXECUTE format('CREATE TRIGGER %I AFTER UPDATE ON %I REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
      FOR EACH STATEMENT EXECUTE FUNCTION statistics_changed_fact()', t || '_stat_upd', t);
    EXECUTE format('CREATE TRIGGER %I AFTER DELETE ON %I REFERENCING OLD TABLE AS old_rows
      FOR EACH STATEMENT EXECUTE FUNCTION statistics_changed_fact()', t || '_stat_del', t);
  END LOOP;
END $$;
