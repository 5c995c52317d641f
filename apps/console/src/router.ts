import { createRouter, createWebHistory, type RouteRecordRaw } from 'vue-router';
import { session, type Me } from './session';
import { whoIs } from './api/me';

type Role = Me['role'];
const ALL: Role[] = ['admin', 'procurement', 'operator', 'evaluator', 'supervisor', 'social_worker'];

declare module 'vue-router' {
  interface RouteMeta {
    /** Who the page is for; the API still decides what each of them may read and write. */
    roles?: Role[];
    /** The navigation label's message key, for pages in the menu. */
    nav?: string;
  }
}

const routes: RouteRecordRaw[] = [
  { path: '/sign-in', component: () => import('./pages/sign-in/SignInPage.vue') },
  { path: '/', redirect: () => homeOf(session.me?.role) },
  { path: '/overview', component: () => import('./pages/region-overview/RegionOverviewPage.vue'), meta: { roles: ['admin', 'procurement', 'evaluator'], nav: 'nav.overview' } },
  { path: '/assessments', component: () => import('./pages/assessment-list/AssessmentListPage.vue'), meta: { roles: ['evaluator', 'operator', 'procurement', 'admin'], nav: 'nav.assessments' } },
  { path: '/contracts', component: () => import('./pages/contract-list/ContractListPage.vue'), meta: { roles: ['admin', 'procurement', 'operator', 'evaluator'], nav: 'nav.contracts' } },
  { path: '/staffing', component: () => import('./pages/station-staffing/StationStaffingPage.vue'), meta: { roles: ['operator'], nav: 'nav.staffing' } },
  { path: '/trainings', component: () => import('./pages/training-records/TrainingRecordsPage.vue'), meta: { roles: ['operator'], nav: 'nav.trainings' } },
  { path: '/service-reports', component: () => import('./pages/service-reporting/ServiceReportingPage.vue'), meta: { roles: ['operator'], nav: 'nav.serviceReports' } },
  { path: '/sessions', component: () => import('./pages/session-logging/SessionLoggingPage.vue'), meta: { roles: ['supervisor'], nav: 'nav.sessions' } },
  { path: '/attestation', component: () => import('./pages/session-attestation/SessionAttestationPage.vue'), meta: { roles: ['social_worker'], nav: 'nav.attestation' } },
  { path: '/ledger', component: () => import('./pages/worker-ledger/WorkerLedgerPage.vue'), meta: { roles: ['social_worker'], nav: 'nav.ledger' } },
  { path: '/ledger/:socialWorkerId', component: () => import('./pages/worker-ledger/WorkerLedgerPage.vue'), meta: { roles: ALL } },
  { path: '/contracts/:contractId', component: () => import('./pages/renewal-dossier/RenewalDossierPage.vue'), meta: { roles: ALL } },
  { path: '/stations/:stationId/scorecard', component: () => import('./pages/station-scorecard/StationScorecardPage.vue'), meta: { roles: ALL } },
  { path: '/assessments/:assessmentId', component: () => import('./pages/assessment-scoring/AssessmentScoringPage.vue'), meta: { roles: ALL } },
  { path: '/history/:stream', component: () => import('./pages/record-history/RecordHistoryPage.vue'), meta: { roles: ['admin', 'operator', 'procurement', 'evaluator'] } },
  { path: '/:unknown(.*)', redirect: '/' },
];

/** Where each role starts. */
export function homeOf(role: Role | undefined): string {
  switch (role) {
    case 'admin':
    case 'procurement':
      return '/overview';
    case 'evaluator':
      return '/assessments';
    case 'operator':
      return '/contracts';
    case 'supervisor':
      return '/sessions';
    case 'social_worker':
      return '/attestation';
    default:
      return '/sign-in';
  }
}

/** The menu of a role: the pages marked for the nav that the role may use. */
export function menuOf(role: Role): Array<{ path: string; label: string }> {
  return routes.filter((r) => r.meta?.nav && r.meta.roles?.includes(role)).map((r) => ({ path: r.path, label: r.meta!.nav! }));
}

export const router = createRouter({ history: createWebHistory('/console/'), routes });

router.beforeEach(async (to) => {
  if (to.path === '/sign-in') return true;
  if (!session.token) return { path: '/sign-in', query: { next: to.fullPath } };
  if (!session.me) {
    try {
      session.me = await whoIs(session.token);
    } catch {
      session.token = null;
      return { path: '/sign-in', query: { next: to.fullPath } };
    }
  }
  const roles = to.meta.roles;
  if (roles && !roles.includes(session.me.role)) return homeOf(session.me.role);
  return true;
});
