import { type CompiledLaw, goodProspects, inForce, safeListing } from './compile';
import { type Berufssprachkurs, base, cite, type JobBsk, levelIndex, type OfferStatus } from './course-types';
import { addMonths } from './dates';
import type { Facts } from './facts';
import type { Cite, EmploymentOutcome } from './outcome';

/** Berufssprachkurse (§45a AufenthG, DeuFöV) and the Job-BSK. */

function bskStatusAccess(
  f: Facts,
  cl: CompiledLaw,
  emp: EmploymentOutcome,
): { ok: boolean | 'review'; cites: Cite[]; missing: string[] } {
  const day = f.asOf;
  switch (f.kind) {
    case 'aufenthaltserlaubnis':
    case 'fiktionsbescheinigung':
    case 'niederlassungserlaubnis':
    case 'eu_freizuegigkeit':
      return { ok: true, cites: [], missing: [] };
    case 'gestattung': {
      const rule = inForce(cl, 'bsk.gestattung', day);
      if (!rule) return { ok: false, cites: [], missing: [] };
      if (f.nationality === undefined) return { ok: 'review', cites: [], missing: ['nationality'] };
      const c = cite(rule, { country: f.nationality });
      if (rule.def.params?.mode === 'good_prospects') {
        const prospects = goodProspects(cl, f.nationality, day);
        if (prospects === 'unsure') return { ok: 'review', cites: c, missing: ['nationality'] };
        return { ok: prospects === 'yes', cites: c, missing: [] };
      }
      if (safeListing(cl, f.nationality, day)) return { ok: false, cites: c, missing: [] };
      if (emp.employment === 'review') return { ok: 'review', cites: c, missing: emp.missing };
      return { ok: emp.employment !== 'banned', cites: c, missing: [] };
    }
    case 'duldung': {
      const rule = inForce(cl, 'bsk.duldung', day);
      const ok =
        rule !== undefined &&
        f.paragraph !== undefined &&
        rule.def.params?.paragraphs?.includes(f.paragraph) === true;
      if (ok) return { ok, cites: cite(rule), missing: [] };
      // §4 Abs. 1 S. 2 DeuFöV: any Duldung held six months, with labour-market proximity.
      const wait = inForce(cl, 'bsk.duldung_wait', day);
      if (!wait) return { ok: false, cites: cite(rule), missing: [] };
      if (Number.isNaN(f.since)) return { ok: 'review', cites: cite(rule), missing: ['status.since'] };
      const end = addMonths(f.since, wait.def.params?.months ?? 0);
      const c = [...cite(rule), ...cite(wait, { end })];
      if (day < end) return { ok: false, cites: c, missing: [] };
      if (f.labourMarketNear === undefined) return { ok: 'review', cites: c, missing: ['labourMarketNear'] };
      return { ok: f.labourMarketNear, cites: c, missing: [] };
    }
    default:
      return { ok: false, cites: [], missing: [] };
  }
}

export function berufssprachkurs(f: Facts, cl: CompiledLaw, emp: EmploymentOutcome): Berufssprachkurs {
  const out = (
    status: OfferStatus,
    cites: Cite[],
    modules: Berufssprachkurs['modules'] = [],
    missing: string[] = [],
  ) => ({
    status,
    modules,
    ...base(cl, cites, missing),
  });
  const accessRule = inForce(cl, 'bsk.access', f.asOf);
  if (!accessRule) return out('not_eligible', []);
  const access = bskStatusAccess(f, cl, emp);
  const cites = [{ rule: accessRule }, ...access.cites];
  if (access.ok === 'review') return out('review', cites, [], access.missing);
  if (!access.ok) return out('not_eligible', cites);
  if (f.level === undefined) return out('review', cites, [], ['germanLevel']);
  const li = levelIndex(f.level);
  const b1 = levelIndex('B1');
  if (li < b1) {
    // Special modules A2/B1 are for those who finished the Integrationskurs below B1.
    if (f.courseCompleted === undefined) return out('review', cites, [], ['integrationCourseCompleted']);
    if (!f.courseCompleted) return out('not_eligible', cites);
  }
  const modules: Berufssprachkurs['modules'] = [];
  for (const m of cl.law.bskModules) {
    const fits =
      m.kind === 'basic' || m.kind === 'special'
        ? m.entryLevel === f.level
        : m.kind === 'subject'
          ? li >= b1
          : li >= b1 && f.recognitionProcedure === true;
    if (fits) modules.push({ module: m.module, kind: m.kind, hours: m.hours, targetLevel: m.targetLevel });
  }
  return out(modules.length > 0 ? 'eligible' : 'not_eligible', cites, modules);
}

export function jobBsk(f: Facts, cl: CompiledLaw, emp: EmploymentOutcome): JobBsk {
  const rule = inForce(cl, 'bsk.job', f.asOf);
  const out = (status: OfferStatus, cites: Cite[], missing: string[] = []) => ({
    status,
    hours:
      status === 'eligible' && rule
        ? { min: rule.def.params?.hours ?? 0, max: rule.def.params?.maxHours ?? 0 }
        : null,
    ...base(cl, cites, missing),
  });
  if (!rule) return out('not_eligible', []);
  const access = bskStatusAccess(f, cl, emp);
  const cites = [...access.cites, { rule }];
  if (access.ok === 'review') return out('review', cites, access.missing);
  if (!access.ok) return out('not_eligible', cites);
  if (f.level === undefined) return out('review', cites, ['germanLevel']);
  if (levelIndex(f.level) < levelIndex(rule.def.params?.level)) return out('not_eligible', cites);
  // The Job-BSK follows a completed Integrationskurs (at least A2).
  if (f.courseCompleted === undefined) return out('review', cites, ['integrationCourseCompleted']);
  if (!f.courseCompleted) return out('not_eligible', cites);
  if (f.employed === true || f.jobOffer === true) return out('eligible', cites);
  if (f.employed === false && f.jobOffer === false) return out('not_eligible', cites);
  return out('review', cites, ['employed', 'jobOffer']);
}
