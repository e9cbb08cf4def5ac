import type { CourseEntitlement, LawData } from '../rules';
import type { Cefr } from './levels';

/** Course types outside the law data's Integrationskurs and Berufssprachkurs lists. */
export const JOB_BSK = 'job_bsk';
export const ERSTORIENTIERUNG = 'erstorientierung';

export type CourseFamily = 'integrationskurs' | 'berufssprachkurs' | 'job_bsk' | 'erstorientierung';

export interface CourseTypeInfo {
  id: string;
  family: CourseFamily;
  label: { de: string; en: string };
  /** Entry levels a new course of this type usually takes (a course may set its own). */
  defaultEntryLevels: Cefr[];
  defaultTargetLevel: Cefr | null;
  defaultHours: number;
}

const UP_TO_B1: Cefr[] = ['A0', 'A1', 'A2'];

/** Every course type the county can offer, from the law data in force (ids as the rules engine names them). */
export function courseTypeCatalogue(law: LawData): CourseTypeInfo[] {
  const out: CourseTypeInfo[] = law.integrationCourseTypes.map((t) => ({
    id: t.type,
    family: 'integrationskurs' as const,
    label: t.label,
    defaultEntryLevels: t.type === 'ik_alpha' ? ['A0'] : UP_TO_B1,
    defaultTargetLevel: 'B1' as Cefr,
    defaultHours: t.languageHours + t.orientationHours,
  }));
  for (const m of law.bskModules) {
    out.push({
      id: m.module,
      family: 'berufssprachkurs',
      label: m.label,
      defaultEntryLevels: m.entryLevel ? [m.entryLevel] : ['B1', 'B2', 'C1'],
      defaultTargetLevel: m.targetLevel,
      defaultHours: m.hours,
    });
  }
  out.push({
    id: JOB_BSK,
    family: 'job_bsk',
    label: { de: 'Job-Berufssprachkurs (Job-BSK)', en: 'Job-related course at the workplace (Job-BSK)' },
    defaultEntryLevels: ['A2', 'B1', 'B2'],
    defaultTargetLevel: null,
    defaultHours: 120,
  });
  out.push({
    id: ERSTORIENTIERUNG,
    family: 'erstorientierung',
    label: { de: 'Erstorientierungskurs', en: 'Initial orientation course' },
    defaultEntryLevels: ['A0', 'A1'],
    defaultTargetLevel: null,
    defaultHours: 300,
  });
  return out;
}

/**
 * The course types a person may be queued for, from the rules engine's course decision: Integrationskurs
 * variants when entitled, obliged or admissible; Berufssprachkurs modules and Job-BSK when eligible;
 * Erstorientierung when eligible. "review" grants nothing: a caseworker decides first.
 */
export function entitledCourseTypes(courses: CourseEntitlement): string[] {
  const out: string[] = [];
  const ik = courses.integrationCourse;
  if (ik.status === 'entitled' || ik.status === 'obliged' || ik.status === 'admissible')
    for (const t of ik.courseTypes) out.push(t.type);
  if (courses.berufssprachkurs.status === 'eligible')
    for (const m of courses.berufssprachkurs.modules) out.push(m.module);
  if (courses.jobBsk.status === 'eligible') out.push(JOB_BSK);
  if (courses.erstorientierung.status === 'eligible') out.push(ERSTORIENTIERUNG);
  return [...new Set(out)];
}
