import { type CompiledLaw, inForce } from './compile';
import { base, type CourseEntitlement, cite, type Erstorientierung, type OfferStatus } from './course-types';
import { integrationAccess, integrationCourse } from './courses-integration';
import { berufssprachkurs, jobBsk } from './courses-job';
import type { Facts } from './facts';
import type { EmploymentOutcome } from './outcome';

/** Course entitlement (DOMAIN.md §5): Integrationskurs, Berufssprachkurse, Job-BSK, Erstorientierung. */

export type {
  Berufssprachkurs,
  CourseEntitlement,
  Erstorientierung,
  IntegrationCourse,
  IntegrationCourseStatus,
  JobBsk,
  OfferStatus,
} from './course-types';

export function erstorientierung(f: Facts, cl: CompiledLaw): Erstorientierung {
  const rule = inForce(cl, 'eok', f.asOf);
  // Only for asylum seekers whose status gives no Integrationskurs access; unknown access stays unknown.
  let status: OfferStatus = 'not_eligible';
  let missing: string[] = [];
  if (rule !== undefined && f.kind === 'gestattung') {
    const access = integrationAccess(f, cl);
    if (access.status === 'none') status = 'eligible';
    else if (access.status === 'review') {
      status = 'review';
      missing = access.missing;
    }
  }
  return {
    status,
    hours: status === 'eligible' ? (rule?.def.params?.hours ?? null) : null,
    ...base(cl, cite(rule), missing),
  };
}

export function decideCourses(f: Facts, cl: CompiledLaw, emp: EmploymentOutcome): CourseEntitlement {
  return {
    integrationCourse: integrationCourse(f, cl),
    berufssprachkurs: berufssprachkurs(f, cl, emp),
    jobBsk: jobBsk(f, cl, emp),
    erstorientierung: erstorientierung(f, cl),
  };
}
