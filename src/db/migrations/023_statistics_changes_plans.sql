-- Issue 15: the indicators count measure participation from the cooperation plans (plan versions with
-- steps linked to measures, within the measures' dates) and job offers, permits and apprenticeships from
-- placements. Plan versions name their person through the plan; a plan moved to another person (a merge)
-- is a change of both; a measure's dates touch everyone planned into it (person_id NULL: reload the region).
CREATE FUNCTION statistics_changed_plan_version() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    INSERT INTO statistics_change (tenant_id, person_id)
      SELECT DISTINCT n.tenant_id, p.person_id FROM new_rows n JOIN plan p ON p.id = n.plan_id;
  END IF;
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    INSERT INTO statistics_change (tenant_id, person_id)
      SELECT DISTINCT o.tenant_id, p.person_id FROM old_rows o JOIN plan p ON p.id = o.plan_id;
  END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER plan_version_stat_ins AFTER INSERT ON plan_version REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION statistics_changed_plan_version();
CREATE TRIGGER plan_version_stat_upd AFTER UPDATE ON plan_version
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION statistics_changed_plan_version();
CREATE TRIGGER plan_version_stat_del AFTER DELETE ON plan_version REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION statistics_changed_plan_version();

CREATE TRIGGER plan_stat_upd AFTER UPDATE ON plan REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION statistics_changed_fact();
CREATE TRIGGER plan_stat_del AFTER DELETE ON plan REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION statistics_changed_fact();

CREATE TRIGGER measure_stat_ins AFTER INSERT ON measure REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION statistics_changed_course();
CREATE TRIGGER measure_stat_upd AFTER UPDATE ON measure REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION statistics_changed_course();
CREATE TRIGGER measure_stat_del AFTER DELETE ON measure REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION statistics_changed_course();
