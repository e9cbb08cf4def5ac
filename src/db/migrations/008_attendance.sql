-- Course attendance per lesson day (the provider's class list): one row per participant and day, entered
-- for the whole class at once. The enrolment's attendance_percent is derived from these rows.
-- Rows go with their enrolment (merge, deletion after the retention period).
CREATE TABLE course_attendance (
  tenant_id uuid NOT NULL REFERENCES tenant(id),
  enrolment_id uuid NOT NULL REFERENCES enrolment(id) ON DELETE CASCADE,
  day date NOT NULL,
  state text NOT NULL CHECK (state IN ('present', 'absent', 'excused')),
  recorded_by uuid REFERENCES app_user(id),
  recorded_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (enrolment_id, day)
);
CREATE INDEX course_attendance_tenant ON course_attendance (tenant_id, enrolment_id);

-- The audit viewer's unfiltered and period queries: newest first within a region.
CREATE INDEX audit_log_tenant_at ON audit_log (tenant_id, at DESC, id DESC);
