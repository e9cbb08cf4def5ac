import type { PersonEnrolmentRow, WaitlistRow } from './repo';

/** A waitlist entry on the wire. */
export const presentWaitlistEntry = (w: WaitlistRow) => ({
  id: w.id,
  version: w.version,
  courseTypes: w.course_types,
  since: w.since,
  needsChildcare: w.needs_childcare,
  needsWomenOnly: w.needs_women_only,
  status: w.status,
  note: w.note,
});

/** One of the person's enrolments with its course. */
export const presentPersonEnrolment = (e: PersonEnrolmentRow) => ({
  id: e.id,
  version: e.version,
  status: e.status,
  startDate: e.start_date,
  endDate: e.end_date,
  attendancePercent: e.attendance_percent,
  resultLevel: e.result_level,
  certificateRef: e.certificate_ref,
  course: {
    id: e.course_id,
    ref: e.ref,
    type: e.course_type,
    schedule: e.schedule,
    provider: e.provider,
    place: e.place,
    address: e.address,
  },
});
