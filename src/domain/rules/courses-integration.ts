import { type CompiledLaw, hasGoodProspects, inForce, inForceFor, safeListing } from './compile';
import { base, cite, type IntegrationCourse, type IntegrationCourseStatus, levelIndex } from './course-types';
import { addYears, type Day, formatDay } from './dates';
import type { Facts } from './facts';
import type { Cite } from './outcome';

/** Integrationskurs (§§43–44a AufenthG, IntV): entitled, obliged, admissible or none, with course types. */

interface Access {
  status: 'admissible' | 'entitled' | 'none' | 'review';
  cites: Cite[];
  missing: string[];
  entitlementEnds: Day;
}

/** Integrationskurs status before the obligation and the German-level check. */
export function integrationAccess(f: Facts, cl: CompiledLaw): Access {
  const day = f.asOf;
  const none = (cites: Cite[]): Access => ({
    status: 'none',
    cites,
    missing: [],
    entitlementEnds: Number.NaN,
  });
  const review = (missing: string[]): Access => ({
    status: 'review',
    cites: [],
    missing,
    entitlementEnds: Number.NaN,
  });
  // §44(4) S.1: everyone without entitlement may be admitted — unless admissions are stopped.
  const admissible = (cites: Cite[]): Access => {
    const stop = inForce(cl, 'ik.stop', day);
    if (stop) return none([...cites, { rule: stop }]);
    return { status: 'admissible', cites, missing: [], entitlementEnds: Number.NaN };
  };
  const general = cite(inForce(cl, 'ik.admissible', day));
  switch (f.kind) {
    case 'aufenthaltserlaubnis':
    case 'fiktionsbescheinigung': {
      if (f.paragraph === undefined) return review(['status.paragraph']);
      const entitled = inForceFor(cl, 'ik.entitled', day, f.paragraph)[0];
      if (!entitled) return admissible(general);
      if (Number.isNaN(f.since)) return review(['status.since']);
      const ends = addYears(f.since, entitled.def.params?.years ?? 0);
      const c = cite(entitled, { paragraph: f.paragraph, end: ends });
      if (day <= ends) return { status: 'entitled', cites: c, missing: [], entitlementEnds: ends };
      return admissible([...c, ...general]);
    }
    case 'niederlassungserlaubnis':
    case 'eu_freizuegigkeit':
      return admissible(general);
    case 'gestattung': {
      const rule = inForce(cl, 'ik.gestattung', day);
      if (!rule) return none([]);
      if (f.nationality === undefined) return review(['nationality']);
      if (rule.def.params?.mode === 'good_prospects') {
        const c = cite(rule, { country: f.nationality });
        return hasGoodProspects(cl, f.nationality, day) ? admissible(c) : none(c);
      }
      const c = cite(rule);
      return safeListing(cl, f.nationality, day) ? none(c) : admissible(c);
    }
    case 'duldung': {
      const rule = inForce(cl, 'ik.duldung', day);
      if (rule && f.paragraph !== undefined && rule.def.params?.paragraphs?.includes(f.paragraph)) {
        return admissible(cite(rule));
      }
      return none(cite(rule));
    }
    default:
      return none([]);
  }
}

function courseTypes(f: Facts, cl: CompiledLaw): IntegrationCourse['courseTypes'] {
  const out: IntegrationCourse['courseTypes'] = [];
  for (const t of cl.law.integrationCourseTypes) {
    let fits = false;
    switch (t.criterion) {
      case 'default':
        fits = f.literacy === undefined || f.literacy === 'latin';
        break;
      case 'literacy_none':
        fits = f.literacy === 'none';
        break;
      case 'other_script':
        fits = f.literacy === 'other_script';
        break;
      case 'young':
        fits = t.maxAge !== undefined && !Number.isNaN(f.birth) && f.asOf < addYears(f.birth, t.maxAge);
        break;
      case 'parent_or_woman':
        fits = f.gender === 'f' || f.parent === true;
        break;
      default:
        // Förder- and Intensivkurs are assigned after the placement test, not from the file.
        fits = false;
    }
    if (fits)
      out.push({ type: t.type, languageHours: t.languageHours, orientationHours: t.orientationHours });
  }
  return out;
}

export function integrationCourse(f: Facts, cl: CompiledLaw): IntegrationCourse {
  const types = inForce(cl, 'ik.types', f.asOf);
  const obliged = inForce(cl, 'ik.obliged', f.asOf);
  const result = (
    status: IntegrationCourseStatus,
    cites: Cite[],
    missing: string[] = [],
    ends = Number.NaN,
  ) => ({
    status,
    courseTypes: status === 'none' || status === 'review' ? [] : courseTypes(f, cl),
    entitlementEnds: Number.isNaN(ends) ? null : formatDay(ends),
    ...base(cl, status === 'none' || status === 'review' ? cites : [...cites, ...cite(types)], missing),
  });
  if (f.courseObliged === true && obliged) return result('obliged', [{ rule: obliged }]);
  const access = integrationAccess(f, cl);
  if (access.status === 'review') return result('review', [], access.missing);
  if (access.status === 'none') return result('none', access.cites);
  const sufficient = inForce(cl, 'ik.sufficient', f.asOf);
  if (sufficient) {
    if (f.level === undefined) return result('review', [], ['germanLevel']);
    if (levelIndex(f.level) >= levelIndex(sufficient.def.params?.level))
      return result('none', [{ rule: sufficient }]);
  }
  return result(access.status, access.cites, [], access.entitlementEnds);
}

/** Whether the residence status opens the job-related courses at all. */
