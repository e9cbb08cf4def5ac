import type { Kysely } from 'kysely';
import type { DB } from '../../../db/schema';

/** Everything stored about one person (Art. 15 GDPR): the case, its history, consents, handovers and who read it. */
export async function collectPersonData(db: Kysely<DB>, tenantId: string, personId: string) {
  const [person, statuses, consents, household, handovers, reads, assessments, waitlist, enrolments] =
    await Promise.all([
      db
        .selectFrom('person')
        .selectAll()
        .where('tenant_id', '=', tenantId)
        .where('id', '=', personId)
        .executeTakeFirstOrThrow(),
      db
        .selectFrom('residence_status')
        .selectAll()
        .where('tenant_id', '=', tenantId)
        .where('person_id', '=', personId)
        .orderBy('since')
        .execute(),
      db
        .selectFrom('consent as c')
        .innerJoin('agency as a', 'a.id', 'c.recipient_agency_id')
        .select([
          'c.id',
          'c.purpose',
          'a.name as recipient',
          'c.data_categories',
          'c.given_on',
          'c.withdrawn_on',
          'c.form_language',
        ])
        .where('c.tenant_id', '=', tenantId)
        .where('c.person_id', '=', personId)
        .execute(),
      db
        .selectFrom('household_member')
        .select(['relation', 'given_names', 'family_name', 'birth_date', 'needs_childcare'])
        .where('tenant_id', '=', tenantId)
        .where('person_id', '=', personId)
        .execute(),
      db
        .selectFrom('handover as h')
        .innerJoin('agency as fa', 'fa.id', 'h.from_agency_id')
        .innerJoin('agency as ta', 'ta.id', 'h.to_agency_id')
        .select([
          'h.kind',
          'h.state',
          'fa.name as from_agency',
          'ta.name as to_agency',
          'h.reason',
          'h.created_at',
        ])
        .where('h.tenant_id', '=', tenantId)
        .where('h.person_id', '=', personId)
        .execute(),
      // Art. 15(1)(c): the recipients — which agencies read the data, when and on what basis.
      db
        .selectFrom('audit_log as l')
        .leftJoin('agency as a', 'a.id', 'l.agency_id')
        .select([
          'l.at',
          'a.name as agency',
          'a.kind as agency_kind',
          'l.role',
          'l.action',
          'l.legal_basis',
          'l.purpose',
          'l.consent_id',
        ])
        .where('l.tenant_id', '=', tenantId)
        .where('l.person_id', '=', personId)
        .where('l.outcome', '=', 'allowed')
        .orderBy('l.at')
        .execute(),
      db
        .selectFrom('language_assessment')
        .selectAll()
        .where('tenant_id', '=', tenantId)
        .where('person_id', '=', personId)
        .execute(),
      db
        .selectFrom('waitlist_entry')
        .selectAll()
        .where('tenant_id', '=', tenantId)
        .where('person_id', '=', personId)
        .execute(),
      db
        .selectFrom('enrolment as e')
        .innerJoin('course as c', 'c.id', 'e.course_id')
        .select([
          'c.ref',
          'c.course_type',
          'e.start_date',
          'e.end_date',
          'e.status',
          'e.attendance_percent',
          'e.result_level',
          'e.certificate_ref',
        ])
        .where('e.tenant_id', '=', tenantId)
        .where('e.person_id', '=', personId)
        .execute(),
    ]);
  const work = await collectWorkData(db, tenantId, personId);
  const { search_text: _s, tenant_id: _t, ...personFields } = person;
  return {
    generatedAt: new Date().toISOString(),
    legalBasis: 'Art. 15 DSGVO, § 83 SGB X',
    person: personFields,
    residenceStatusHistory: statuses.map(({ tenant_id: _x, person_id: _y, ...s }) => s),
    consents,
    household,
    handovers,
    language: {
      assessments: assessments.map(({ tenant_id: _x, person_id: _y, ...a }) => a),
      waitlist: waitlist.map(({ tenant_id: _x, person_id: _y, ...w }) => w),
      enrolments,
    },
    work,
    accessLog: reads.map((r) => ({
      at: new Date(r.at).toISOString(),
      agency: r.agency,
      agencyKind: r.agency_kind,
      role: r.role,
      action: r.action,
      purpose: r.purpose,
      basedOnConsent: r.consent_id !== null,
      legalBasis: r.legal_basis,
    })),
  };
}
/** The way into work (issue 14): recognition procedures, competence profile, placements, event invitations. */
async function collectWorkData(db: Kysely<DB>, tenantId: string, personId: string) {
  const [recognitions, profile, placements, events] = await Promise.all([
    db
      .selectFrom('recognition')
      .select([
        'qualification',
        'country',
        'reference_occupation',
        'authority',
        'status',
        'applied_on',
        'complete_on',
        'decision_on',
        'result',
        'adaptation_measure',
      ])
      .where('tenant_id', '=', tenantId)
      .where('person_id', '=', personId)
      .execute(),
    db
      .selectFrom('work_profile')
      .select([
        'school_years',
        'school_degree',
        'school_country',
        'training',
        'studies',
        'experience',
        'wished_uris',
        'driving_licences',
        'max_travel_minutes',
        'hours_min',
        'hours_max',
        'childcare',
        'available_from',
        'wishes',
      ])
      .where('tenant_id', '=', tenantId)
      .where('person_id', '=', personId)
      .executeTakeFirst(),
    db
      .selectFrom('placement as p')
      .innerJoin('vacancy as v', (j) => j.onRef('v.id', '=', 'p.vacancy_id').on('v.tenant_id', '=', tenantId))
      .innerJoin('employer as e', (j) =>
        j.onRef('e.id', '=', 'v.employer_id').on('e.tenant_id', '=', tenantId),
      )
      .select([
        'v.title as vacancy',
        'e.name as employer',
        'p.status',
        'p.history',
        'p.contract_type',
        'p.start_date',
        'p.released_on',
        'p.permit_requested_on',
        'p.permit_decided_on',
        'p.permit_result',
        'p.declined_by',
        'p.declined_reason',
      ])
      .where('p.tenant_id', '=', tenantId)
      .where('p.person_id', '=', personId)
      .execute(),
    db
      .selectFrom('work_event_guest as g')
      .innerJoin('work_event as w', (j) =>
        j.onRef('w.id', '=', 'g.event_id').on('w.tenant_id', '=', tenantId),
      )
      .select(['w.title', 'w.held_on', 'g.attended', 'g.follow_up'])
      .where('g.tenant_id', '=', tenantId)
      .where('g.person_id', '=', personId)
      .execute(),
  ]);
  return { recognitions, profile: profile ?? null, placements, events };
}

export type PersonDataExport = Awaited<ReturnType<typeof collectPersonData>>;
