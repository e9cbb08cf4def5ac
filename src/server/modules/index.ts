import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../context';
import { appointmentRoutes } from './appointments/routes';
import { auditRoutes } from './audit/routes';
import { authRoutes } from './auth/routes';
import { clientRightsRoutes } from './client-rights/routes';
import { conferenceRoutes } from './conferences/routes';
import { consentRoutes } from './consents/routes';
import { exitRoutes } from './handovers/exit-routes';
import { handoverRoutes } from './handovers/routes';
import { householdRoutes } from './household/routes';
import { languagePathRoutes } from './language/routes';
import { measureRoutes } from './measures/routes';
import { metaRoutes } from './meta/routes';
import { metaStaffRoutes } from './meta/staff-routes';
import { noteRoutes } from './notes/routes';
import { occupationRoutes } from './occupations/routes';
import { partnerRoutes } from './partners/routes';
import { duplicateReviewRoutes } from './persons/review-routes';
import { personRoutes } from './persons/routes';
import { planRoutes } from './plans/routes';
import { recognitionRoutes } from './recognition/routes';
import { residenceRoutes } from './residence/routes';
import { rulesRoutes } from './rules/routes';
import { settingsRoutes } from './settings/routes';
import { forecastRoutes } from './statistics/forecast-routes';
import { reportRoutes } from './statistics/report-routes';
import { statisticsRoutes } from './statistics/routes';
import { steeringRoutes } from './statistics/steering-routes';
import { systemRoutes } from './system/routes';
import { taskRoutes } from './tasks/routes';
import { userRoutes } from './users/routes';
import { eventRoutes } from './work/event-routes';
import { placementRoutes } from './work/placement-routes';
import { workRoutes } from './work/routes';

/** Every API module; app.ts registers them in this order. */
export const apiModules: ((app: FastifyInstance, ctx: AppContext) => Promise<void>)[] = [
  systemRoutes,
  authRoutes,
  metaRoutes,
  metaStaffRoutes,
  userRoutes,
  settingsRoutes,
  personRoutes,
  duplicateReviewRoutes,
  consentRoutes,
  householdRoutes,
  handoverRoutes,
  exitRoutes,
  clientRightsRoutes,
  residenceRoutes,
  rulesRoutes,
  auditRoutes,
  languagePathRoutes,
  occupationRoutes,
  statisticsRoutes,
  steeringRoutes,
  forecastRoutes,
  reportRoutes,
  taskRoutes,
  appointmentRoutes,
  measureRoutes,
  planRoutes,
  partnerRoutes,
  noteRoutes,
  conferenceRoutes,
  recognitionRoutes,
  workRoutes,
  placementRoutes,
  eventRoutes,
];
