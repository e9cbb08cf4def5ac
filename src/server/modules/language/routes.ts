import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../context';
import { allocationRoutes } from './allocation/routes';
import { courseRoutes } from './courses/routes';
import { languageOverviewRoutes } from './overview/routes';
import { personLanguageRoutes } from './person/routes';

/** The language path (issue 5): one entry in modules/index.ts, four route files behind it. */
export async function languagePathRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  await personLanguageRoutes(app, ctx);
  await courseRoutes(app, ctx);
  await allocationRoutes(app, ctx);
  await languageOverviewRoutes(app, ctx);
}
