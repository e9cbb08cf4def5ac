import { type CompiledLaw, goodProspects, inForce, inForceFor, safeListing } from './compile';
import { base, cite, type IntegrationCourse, type IntegrationCourseStatus, levelIndex } from './course-types';
import { addMonths, addYears, type Day, formatDay } from './dates';
import type { Facts } from './facts';
import type { Cite } from './outcome';

/** Integrationskurs (§§43–44a AufenthG, IntV): entitled, obliged, admissible or none, with course types. */

interface Access {
  status: 'admissible' | 'entitled' | 'none' | 'review';
  cites: Cite[];
  missing: string[];
  entitlementEnds: Day;
}

/**
 * §44 Abs. 4 S. 2 Nr. 1 lit. b AufenthG a.F. (01.08.2019–30.12.2022): asylum seekers who entered
 * before the cut-off, three months gestattet, not from a safe country, close to the labour market.
 */
function earlyEntryRoute(
  f: Facts,
  cl: CompiledLaw,
  prospects: Cite[],
  admissible: (c: Cite[]) => Access,
  none: (c: Cite[]) => Access,
  review: (missing: string[], c?: Cite[]) => Access,
): Access {
  const route = inForce(cl, 'ik.gestattung_route', f.asOf);
  if (!route) return none(prospects);
  const c = [...prospects, ...cite(route)];
  const entryBefore = route.after;
  if (Number.isNaN(f.entry)) return review(['entryDate'], c);
  if (f.entry >= entryBefore) return none(c);
  if (f.nationality !== undefined && safeListing(cl, f.nationality, f.asOf)) return none(c);
  if (Number.isNaN(f.stayStart)) return review(['status.since'], c);
  if (f.asOf < addMonths(f.stayStart, route.def.params?.months ?? 0)) return none(c);
  if (f.labourMarketNear === undefined) return review(['labourMarketNear'], c);
  return f.labourMarketNear ? admissible(c) : none(c);
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
  const review = (missing: string[], cites: Cite[] = []): Access => ({
    status: 'review',
    cites,
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
        const prospects = goodProspects(cl, f.nationality, day);
        if (prospects === 'yes') return admissible(c);
        // The BAMF list of that period is not verified: a caseworker checks it.
        if (prospects === 'unsure') return review(['nationality'], c);
        return earlyEntryRoute(f, cl, c, admissible, none, review);
      }
      // Open question (see the rule's note): whether safe-country nationals are excluded since 31.12.2022.
      if (safeListing(cl, f.nationality, day)) return review(['nationality'], cite(rule));
      return admissible(cite(rule));
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
  if (access.status === 'review') return result('review', access.cites, access.missing);
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
