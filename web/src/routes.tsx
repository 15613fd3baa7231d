import { createBrowserRouter } from 'react-router';
import { Layout } from './components/Layout.tsx';
import { NotFound } from './components/NotFound.tsx';
import { HydrateFallback } from './components/QueryState.tsx';
import { RouteError } from './components/RouteError.tsx';
import { HomePage } from './features/chronology/HomePage.tsx';

/**
 * The web app's one route table. The home page (the chronology) is in the first bundle; the
 * other pages load when first visited, the signed-in part (sign-in, setup, My organization,
 * Administration), the Council and the information center included.
 */
export const router = createBrowserRouter([
  {
    path: '/',
    Component: Layout,
    HydrateFallback,
    children: [
      {
        ErrorBoundary: RouteError,
        children: [
          { index: true, Component: HomePage },
          {
            path: 'summits/:id',
            lazy: async () => ({ Component: (await import('./features/summits/SummitPage.tsx')).SummitPage }),
          },
          {
            path: 'states',
            lazy: async () => ({ Component: (await import('./features/states/StatesPage.tsx')).StatesPage }),
          },
          {
            path: 'states/:code',
            lazy: async () => ({ Component: (await import('./features/states/StatePage.tsx')).StatePage }),
          },
          {
            path: 'documents',
            lazy: async () => ({
              Component: (await import('./features/documents/DocumentsPage.tsx')).DocumentsPage,
            }),
          },
          {
            path: 'documents/:id',
            lazy: async () => ({
              Component: (await import('./features/documents/DocumentPage.tsx')).DocumentPage,
            }),
          },
          {
            path: 'bodies',
            lazy: async () => ({ Component: (await import('./features/bodies/BodiesPage.tsx')).BodiesPage }),
          },
          {
            path: 'search',
            lazy: async () => ({ Component: (await import('./features/search/SearchPage.tsx')).SearchPage }),
          },
          {
            path: 'signin',
            lazy: async () => ({
              Component: (await import('./features/identity/SignInPage.tsx')).SignInPage,
            }),
          },
          {
            path: 'setup',
            lazy: async () => ({ Component: (await import('./features/identity/SetupPage.tsx')).SetupPage }),
          },
          {
            path: 'me',
            lazy: async () => ({ Component: (await import('./features/identity/MePage.tsx')).MePage }),
          },
          {
            path: 'admin',
            lazy: async () => ({ Component: (await import('./features/admin/AdminPage.tsx')).AdminPage }),
          },
          {
            path: 'council/decisions',
            lazy: async () => ({
              Component: (await import('./features/council/DecisionsPage.tsx')).DecisionsPage,
            }),
          },
          {
            path: 'council/decisions/:id',
            lazy: async () => ({
              Component: (await import('./features/council/DecisionBoardPage.tsx')).DecisionBoardPage,
            }),
          },
          {
            path: 'council/delegation',
            lazy: async () => ({
              Component: (await import('./features/council/DelegationPage.tsx')).DelegationPage,
            }),
          },
          {
            path: 'intel',
            lazy: async () => ({ Component: (await import('./features/intel/IntelPage.tsx')).IntelPage }),
          },
          {
            path: 'partners',
            lazy: async () => ({
              Component: (await import('./features/partners/PartnersPage.tsx')).PartnersPage,
            }),
          },
          {
            path: 'partners/:id',
            lazy: async () => ({
              Component: (await import('./features/partners/PartnerPage.tsx')).PartnerPage,
            }),
          },
          {
            path: 'intel/organizations',
            lazy: async () => ({
              Component: (await import('./features/intel/OrganizationsPage.tsx')).OrganizationsPage,
            }),
          },
          {
            path: 'intel/organizations/:id',
            lazy: async () => ({
              Component: (await import('./features/intel/OrganizationPage.tsx')).OrganizationPage,
            }),
          },
          {
            path: 'intel/incidents',
            lazy: async () => ({
              Component: (await import('./features/intel/IncidentsPage.tsx')).IncidentsPage,
            }),
          },
          {
            path: 'intel/incidents/:id',
            lazy: async () => ({
              Component: (await import('./features/intel/IncidentPage.tsx')).IncidentPage,
            }),
          },
          {
            path: 'intel/reports',
            lazy: async () => ({ Component: (await import('./features/intel/ReportsPage.tsx')).ReportsPage }),
          },
          {
            path: 'intel/reports/:id',
            lazy: async () => ({ Component: (await import('./features/intel/ReportPage.tsx')).ReportPage }),
          },
          {
            path: 'intel/new',
            lazy: async () => ({
              Component: (await import('./features/intel/NewObjectPage.tsx')).NewObjectPage,
            }),
          },
          {
            path: 'intel/objects/:id',
            lazy: async () => ({ Component: (await import('./features/intel/ObjectPage.tsx')).ObjectPage }),
          },
          {
            path: 'intel/objects/:id/edit',
            lazy: async () => ({
              Component: (await import('./features/intel/EditObjectPage.tsx')).EditObjectPage,
            }),
          },
          {
            path: 'intel/import',
            lazy: async () => ({ Component: (await import('./features/intel/ImportPage.tsx')).ImportPage }),
          },
          {
            path: 'intel/list',
            lazy: async () => ({
              Component: (await import('./features/intel/CommonListPage.tsx')).CommonListPage,
            }),
          },
          {
            path: 'assessment',
            lazy: async () => ({
              Component: (await import('./features/assessment/AssessmentPage.tsx')).AssessmentPage,
            }),
          },
          {
            path: 'events',
            lazy: async () => ({ Component: (await import('./features/events/EventsPage.tsx')).EventsPage }),
          },
          {
            path: 'conventions',
            lazy: async () => ({
              Component: (await import('./features/conventions/ConventionsPage.tsx')).ConventionsPage,
            }),
          },
          {
            path: 'conventions/:instrument/:state',
            lazy: async () => ({
              Component: (await import('./features/conventions/CellPage.tsx')).CellPage,
            }),
          },
          {
            path: 'events/new',
            lazy: async () => ({
              Component: (await import('./features/events/NewEventPage.tsx')).NewEventPage,
            }),
          },
          {
            path: 'events/:id',
            lazy: async () => ({ Component: (await import('./features/events/EventPage.tsx')).EventPage }),
          },
          {
            path: 'events/:id/edit',
            lazy: async () => ({
              Component: (await import('./features/events/EditEventPage.tsx')).EditEventPage,
            }),
          },
          {
            path: 'measures',
            lazy: async () => ({
              Component: (await import('./features/measures/MeasuresPage.tsx')).MeasuresPage,
            }),
          },
          {
            path: 'measures/new',
            lazy: async () => ({
              Component: (await import('./features/measures/NewMeasurePage.tsx')).NewMeasurePage,
            }),
          },
          {
            path: 'measures/:id',
            lazy: async () => ({
              Component: (await import('./features/measures/MeasurePage.tsx')).MeasurePage,
            }),
          },
          {
            path: 'bulletins',
            lazy: async () => ({
              Component: (await import('./features/bulletins/BulletinsPage.tsx')).BulletinsPage,
            }),
          },
          {
            path: 'bulletins/new',
            lazy: async () => ({
              Component: (await import('./features/bulletins/BuilderPage.tsx')).BuilderPage,
            }),
          },
          {
            path: 'bulletins/:id',
            lazy: async () => ({
              Component: (await import('./features/bulletins/BulletinPage.tsx')).BulletinPage,
            }),
          },
          { path: '*', Component: NotFound },
        ],
      },
    ],
  },
]);
