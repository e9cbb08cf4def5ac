import type { PersonDataExport } from '../collect';
import type { DocumentContext } from './context';
import {
  countryName,
  date,
  freeText,
  languageName,
  legalRef,
  list,
  percent,
  residenceReference,
} from './format';
import { bdi, esc, type Html, type Translator } from './texts';

// Each section of the Art. 15 document: plain words, every code turned into the reader's language,
// every value from the record isolated (<bdi>) inside the sentence that carries it.

type Row = [label: string, value: Html | null];

function facts(t: Translator, rows: Row[]): Html {
  const shown = rows.filter((r): r is [string, Html] => r[1] !== null);
  if (shown.length === 0) return none(t);
  return `<dl>${shown.map(([k, v]) => `<dt>${t.html(k)}</dt><dd>${v}</dd>`).join('')}</dl>` as Html;
}

const none = (t: Translator): Html => `<p class="none">${t.html('doc.none')}</p>` as Html;
const items = (lines: Html[]): Html => `<ul>${lines.map((l) => `<li>${l}</li>`).join('')}</ul>` as Html;
/** A code's words, or — for a code the catalogue lacks — the German label marked as not translated. */
function coded(t: Translator, group: string, code: string, german?: string): Html {
  if (t.has(`${group}.${code}`)) return esc(t.text(`${group}.${code}`));
  return german ? freeText(t, german) : esc(t.text('doc.unknown'));
}
const opt = <T>(v: T | null | undefined, f: (v: T) => Html): Html | null =>
  v === null || v === undefined || v === '' ? null : f(v);

export function personSection(t: Translator, d: PersonDataExport, ctx: DocumentContext): Html {
  const p = d.person;
  const lang = t.lang;
  return facts(t, [
    ['field.name', bdi(`${p.given_names} ${p.family_name}`)],
    ['field.nameOriginal', opt(p.name_original, (v) => bdi(v))],
    [
      'field.nameVariants',
      p.name_variants.length
        ? list(
            t,
            p.name_variants.map((v) => bdi(v)),
          )
        : null,
    ],
    ['field.gender', coded(t, 'gender', p.gender)],
    ['field.birthDate', opt(p.birth_date, (v) => date(lang, v, p.birth_date_precision))],
    [
      'field.nationalities',
      p.nationalities.length
        ? list(
            t,
            p.nationalities.map((c) => esc(countryName(t, c))),
          )
        : null,
    ],
    ['field.phone', opt(p.phone, (v) => bdi(v, 'ltr'))],
    ['field.email', opt(p.email, (v) => bdi(v, 'ltr'))],
    ['field.address', opt(p.address, (v) => bdi(v))],
    ['field.municipality', opt(p.municipality_id, (id) => bdi(ctx.municipalities.get(id) ?? ''))],
    [
      'field.wohnsitzauflage',
      opt(p.wohnsitzauflage_municipality_id, (id) => bdi(ctx.municipalities.get(id) ?? '')),
    ],
    ['field.azrNumber', opt(p.azr_number, (v) => bdi(v, 'ltr'))],
    ['field.baCustomerNumber', opt(p.ba_customer_number, (v) => bdi(v, 'ltr'))],
    ['field.entryDate', opt(p.entry_date, (v) => date(lang, v))],
    ['field.ipEntryDate', opt(p.ip_entry_date, (v) => date(lang, v))],
    ['field.referralSource', opt(p.referral_source, (v) => coded(t, 'referral', v))],
    ['field.rechtskreis', coded(t, 'rechtskreis', p.rechtskreis)],
    ['field.caseStatus', coded(t, 'caseStatus', p.case_status)],
    ['field.closedOn', opt(p.closed_on, (v) => date(lang, v))],
    ['field.owner', opt(ctx.owner, (v) => bdi(v))],
    ['field.ownerAgency', opt(ctx.ownerAgency, (v) => bdi(v))],
    ['field.healthNotes', opt(p.health_notes, (v) => freeText(t, v))],
  ]);
}

export function residenceSection(t: Translator, d: PersonDataExport): Html {
  if (d.residenceStatusHistory.length === 0) return none(t);
  return items(
    [...d.residenceStatusHistory].reverse().map((s) => {
      const parts: Html[] = [
        t.html('residence.entry', { kind: coded(t, 'residenceKind', s.kind), since: date(t.lang, s.since) }),
      ];
      if (s.until) parts.push(t.html('residence.until', { date: date(t.lang, s.until) }));
      const ref = residenceReference(s.kind, s.paragraph);
      if (ref) parts.push(t.html('residence.basis', { ref: legalRef(ref) }));
      if (s.document) parts.push(t.html('residence.document', { text: freeText(t, s.document) }));
      if (s.work_annotation)
        parts.push(t.html('residence.workAnnotation', { text: freeText(t, s.work_annotation) }));
      if (s.asylum_application_date)
        parts.push(t.html('residence.asylumApplication', { date: date(t.lang, s.asylum_application_date) }));
      if (s.asylum_decision) {
        const decision = coded(t, 'asylumDecision', s.asylum_decision);
        parts.push(
          s.asylum_decision_date
            ? t.html('residence.asylumDecisionOn', { decision, date: date(t.lang, s.asylum_decision_date) })
            : t.html('residence.asylumDecision', { decision }),
        );
      }
      for (const flag of [
        'livesInReceptionCentre',
        'ownFaultObstacle',
        'identityUnclear',
        'registered',
      ] as const) {
        const column = {
          livesInReceptionCentre: s.lives_in_reception_centre,
          ownFaultObstacle: s.own_fault_obstacle,
          identityUnclear: s.identity_unclear,
          registered: s.registered,
        }[flag];
        if (column === true) parts.push(t.html(`residence.${flag}`));
      }
      return parts.join('<br>') as Html;
    }),
  );
}

function levelText(t: Translator, level: string): Html {
  if (level === 'muttersprache') return esc(t.text('language.muttersprache'));
  if (level === 'A0') return esc(t.text('language.A0'));
  return t.html('language.level', { level: bdi(level, 'ltr') });
}

export function languageSection(t: Translator, d: PersonDataExport): Html {
  const spoken = d.person.languages.map((l) =>
    t.html('language.entry', { language: esc(languageName(t, l.code)), level: levelText(t, l.level) }),
  );
  const tests = d.language.assessments.map((a) => {
    const parts = [
      t.html('language.assessment', {
        date: date(t.lang, a.assessed_on),
        test: coded(t, 'testKind', a.test_kind),
        level: levelText(t, a.overall),
      }),
    ];
    if (a.literacy) parts.push(t.html('language.literacy', { value: coded(t, 'literacy', a.literacy) }));
    if (a.note) parts.push(t.html('language.note', { text: freeText(t, a.note) }));
    return parts.join('<br>') as Html;
  });
  if (spoken.length === 0 && tests.length === 0) return none(t);
  return `${spoken.length ? items(spoken) : ''}${
    tests.length ? `<h3>${t.html('language.assessmentsTitle')}</h3>${items(tests)}` : ''
  }` as Html;
}

export function householdSection(t: Translator, d: PersonDataExport): Html {
  if (d.household.length === 0) return none(t);
  return items(
    d.household.map((m) => {
      const parts = [
        t.html('household.entry', {
          relation: coded(t, 'relation', m.relation),
          name: bdi([m.given_names, m.family_name].filter(Boolean).join(' ')),
        }),
      ];
      if (m.birth_date) parts.push(t.html('household.born', { date: date(t.lang, m.birth_date) }));
      if (m.needs_childcare) parts.push(t.html('household.childcare'));
      return parts.join(' · ') as Html;
    }),
  );
}

export function consentSection(t: Translator, d: PersonDataExport): Html {
  if (d.consents.length === 0) return none(t);
  return items(
    d.consents.map((c) => {
      const parts = [
        t.html('consent.entry', {
          date: date(t.lang, c.given_on),
          recipient: bdi(c.recipient),
          purpose: coded(t, 'purpose', c.purpose),
          categories: list(
            t,
            c.data_categories.map((k) => coded(t, 'category', k)),
          ),
        }),
      ];
      if (c.withdrawn_on) parts.push(t.html('consent.withdrawn', { date: date(t.lang, c.withdrawn_on) }));
      if (c.form_language && c.form_language !== t.lang)
        parts.push(t.html('consent.formLanguage', { language: esc(languageName(t, c.form_language)) }));
      return parts.join(' ') as Html;
    }),
  );
}

export function handoverSection(t: Translator, d: PersonDataExport): Html {
  if (d.handovers.length === 0) return none(t);
  return items(
    d.handovers.map((h) => {
      const line = t.html('handover.entry', {
        date: date(t.lang, new Date(h.created_at)),
        kind: coded(t, 'handoverKind', h.kind),
        from: bdi(h.from_agency),
        to: bdi(h.to_agency),
        state: coded(t, 'handoverState', h.state),
      });
      return (
        h.reason ? `${line}<br>${t.html('handover.reason', { text: freeText(t, h.reason) })}` : line
      ) as Html;
    }),
  );
}

export function courseSection(t: Translator, d: PersonDataExport, ctx: DocumentContext): Html {
  const type = (id: string) => coded(t, 'courseType', id, ctx.courseTypes.get(id) ?? id);
  const waits = d.language.waitlist.map((w) => {
    const line = t.html('course.waitlist', {
      date: date(t.lang, w.since),
      types: list(t, w.course_types.map(type)),
      status: coded(t, 'waitStatus', w.status),
    });
    const needs = [
      ...(w.needs_childcare ? [esc(t.text('course.needsChildcare'))] : []),
      ...(w.needs_women_only ? [esc(t.text('course.needsWomenOnly'))] : []),
    ];
    return (
      needs.length ? `${line} ${t.html('course.waitlistNeeds', { needs: list(t, needs) })}` : line
    ) as Html;
  });
  const courses = d.language.enrolments.map((e) => {
    const parts = [
      t.html('course.enrolment', {
        type: type(e.course_type),
        ref: bdi(e.ref, 'ltr'),
        start: date(t.lang, e.start_date),
        status: coded(t, 'enrolmentStatus', e.status),
      }),
    ];
    if (e.end_date) parts.push(t.html('course.enrolmentEnd', { date: date(t.lang, e.end_date) }));
    if (e.attendance_percent !== null)
      parts.push(t.html('course.attendance', { percent: bdi(percent(t.lang, e.attendance_percent)) }));
    if (e.result_level) parts.push(t.html('course.result', { level: bdi(e.result_level, 'ltr') }));
    if (e.certificate_ref) parts.push(t.html('course.certificate', { ref: bdi(e.certificate_ref, 'ltr') }));
    return parts.join('<br>') as Html;
  });
  if (waits.length === 0 && courses.length === 0) return none(t);
  return items([...courses, ...waits]);
}
