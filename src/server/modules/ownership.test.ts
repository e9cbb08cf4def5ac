import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * A module owns its tables (issue 10.3): only the owner writes them; other modules call the owner's
 * functions (e.g. persons/case-writes.ts: transferCase, closeCase, setRechtskreis). Reading across
 * modules is allowed. The few writes that must span modules are listed with their reason.
 */
const OWNER: Record<string, string[]> = {
  person: ['persons'],
  person_name_key: ['persons'],
  person_field_change: ['persons'],
  // Issue 12: the duplicate review queue belongs to persons; issue 15: steering targets to statistics.
  duplicate_candidate: ['persons'],
  duplicate_run: ['persons'],
  statistics_target: ['statistics'],
  statistics_change: ['statistics'],
  consent: ['consents'],
  household_member: ['household'],
  handover: ['handovers'],
  residence_status: ['residence'],
  audit_log: ['audit'],
  app_user: ['auth', 'users'],
  user_session: ['auth'],
  login_throttle: ['auth'],
  oidc_login: ['auth'],
  user_totp: ['auth'],
  user_recovery_code: ['auth'],
  tenant: ['settings'],
  law_version: ['rules'],
  app_meta: ['system'],
  language_assessment: ['language'],
  waitlist_entry: ['language'],
  enrolment: ['language'],
  course: ['language'],
  course_place: ['language'],
  course_provider: ['language'],
  course_attendance: ['language'],
  allocation_run: ['language'],
  task: ['tasks'],
  recognition: ['recognition'],
  employer: ['work'],
  vacancy: ['work'],
  work_profile: ['work'],
  work_profile_occupation: ['work'],
  placement: ['work'],
  work_event: ['work'],
  work_event_guest: ['work'],
  case_conference: ['conferences'],
  conference_participant: ['conferences'],
  conference_item: ['conferences'],
  partner_org: ['partners'],
  partner_contact: ['partners'],
  case_note: ['notes'],
  measure: ['measures'],
  plan: ['plans'],
  plan_version: ['plans'],
  appointment: ['appointments'],
  room: ['appointments'],
  interpreter: ['appointments'],
  calendar_feed: ['appointments'],
  travel_time: ['language'],
};

const SPANNING: Record<string, string> = {
  'client-rights/retention.ts':
    'erasure after the retention period (Art. 17 DSGVO) removes the whole record in one transaction',
  'persons/merge.ts':
    'merging two records of one person moves every sub-record to the survivor in one transaction',
  'persons/reindex.ts': 'the start-up rebuild of the name keys records its fingerprint in app_meta',
};

const root = join(import.meta.dirname);
function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory()
      ? files(join(dir, e.name))
      : e.name.endsWith('.ts') && !e.name.includes('.test.')
        ? [join(dir, e.name)]
        : [],
  );
}

describe('a module writes only its own tables', () => {
  it('finds no write to another module’s table outside the listed exceptions', () => {
    const foreign: string[] = [];
    const unknown: string[] = [];
    for (const file of files(root)) {
      const rel = relative(root, file);
      const module = rel.split('/')[0];
      for (const m of readFileSync(file, 'utf8').matchAll(/\.(insertInto|updateTable|deleteFrom)\('(\w+)/g)) {
        const owners = OWNER[m[2]];
        if (!owners) unknown.push(`${rel}: ${m[2]}`);
        else if (!owners.includes(module) && !SPANNING[rel])
          foreign.push(`${rel} writes ${m[2]} (owner: ${owners.join(', ')})`);
      }
    }
    expect(unknown, 'tables without an owner in this test').toEqual([]);
    expect(foreign).toEqual([]);
  });
});
