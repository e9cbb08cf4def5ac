// The language path in the web app (issue 5). Importing this module registers the feature's catalogs
// (navigation labels included); the pages load on demand.
import './i18n';
import { lazy } from 'react';

export const AllocationPage = lazy(() =>
  import('./allocation/AllocationPage').then((m) => ({ default: m.AllocationPage })),
);
export const CoursesPage = lazy(() =>
  import('./courses/CoursesPage').then((m) => ({ default: m.CoursesPage })),
);
export const CourseDetailPage = lazy(() =>
  import('./courses/CourseDetailPage').then((m) => ({ default: m.CourseDetailPage })),
);
export const NewCoursePage = lazy(() =>
  import('./courses/CourseDetailPage').then((m) => ({ default: m.NewCoursePage })),
);
export const ImportPage = lazy(() => import('./imports/ImportPage').then((m) => ({ default: m.ImportPage })));
export const PlanningPage = lazy(() =>
  import('./planning/PlanningPage').then((m) => ({ default: m.PlanningPage })),
);
export const ProgressPage = lazy(() =>
  import('./planning/ProgressPage').then((m) => ({ default: m.ProgressPage })),
);
