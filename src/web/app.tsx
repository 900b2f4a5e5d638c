import { QueryClientProvider } from '@tanstack/react-query';
import { type ComponentType, lazy, Suspense, useState } from 'react';
import { BrowserRouter, Outlet, Route, Routes } from 'react-router';
import { createQueryClient } from './api/query-client';
import { ConfirmSignupPage } from './features/auth/confirm-signup-page';
import { FirstRunPage } from './features/auth/first-run-page';
import { PublicOnly } from './features/auth/public-only';
import { RequireSession } from './features/auth/require-session';
import { SignInPage } from './features/auth/sign-in-page';
import { SignUpPage } from './features/auth/sign-up-page';
import { useSessionExpiry } from './features/auth/use-session-expiry';
import { ContactPage } from './features/contacts/contact-page';
import { ContactsPage } from './features/contacts/contacts-page';
import { NewContactPage } from './features/contacts/new-contact-page';
import { FavoursPage } from './features/favours/favours-page';
import { OrganisationPage } from './features/organisations/organisation-page';
import { OrganisationsPage } from './features/organisations/organisations-page';
import { ProfilePage } from './features/profile/profile-page';
import { PromisesPage } from './features/promises/promises-page';
import { LapsedPage } from './features/relationships/lapsed-page';
import { TagsPage } from './features/tags/tags-page';
import { TodayPage } from './features/today/today-page';
import { TrashPage } from './features/trash/trash-page';
import { AppLayout } from './shell/app-layout';
import { PublicLayout } from './shell/public-layout';
import { ErrorBoundary } from './ui/error-boundary';
import { Loading } from './ui/loading';
import { NotFoundPage } from './ui/not-found-page';
import { ToastProvider } from './ui/toast-provider';

/**
 * A page whose code loads on its first visit. The pages people open first (sign-in, Today, contacts and what sits
 * next to them) stay in the main bundle, so a phone downloads only those before it can show anything.
 */
function lazyPage<M>(load: () => Promise<M>, name: keyof M) {
  return lazy(async () => ({ default: (await load())[name] as ComponentType }));
}

const AskPage = lazyPage(() => import('./features/asks/ask-page'), 'AskPage');
const AsksPage = lazyPage(() => import('./features/asks/asks-page'), 'AsksPage');
const YourDataPage = lazyPage(() => import('./features/data/your-data-page'), 'YourDataPage');
const DuplicatesPage = lazyPage(() => import('./features/duplicates/duplicates-page'), 'DuplicatesPage');
// The charts library is big: it loads only when the charts are opened.
const HealthPage = lazyPage(() => import('./features/health/health-page'), 'HealthPage');
const ImportDetailPage = lazyPage(() => import('./features/imports/import-detail-page'), 'ImportDetailPage');
const ImportHistoryPage = lazyPage(
  () => import('./features/imports/import-history-page'),
  'ImportHistoryPage',
);
const ImportPage = lazyPage(() => import('./features/imports/import-page'), 'ImportPage');
const InvitationsPage = lazyPage(() => import('./features/invitations/invitations-page'), 'InvitationsPage');
const IntroductionPage = lazyPage(
  () => import('./features/introductions/introduction-page'),
  'IntroductionPage',
);
const IntroductionsPage = lazyPage(
  () => import('./features/introductions/introductions-page'),
  'IntroductionsPage',
);
const AccessLogPage = lazyPage(() => import('./features/network/access-log-page'), 'AccessLogPage');
const NetworkGraphPage = lazyPage(() => import('./features/network/network-graph-page'), 'NetworkGraphPage');
const ConnectPage = lazyPage(() => import('./features/network/connect-page'), 'ConnectPage');
const ConnectionsPage = lazyPage(() => import('./features/network/connections-page'), 'ConnectionsPage');
const MessagesPage = lazyPage(() => import('./features/network/messages-page'), 'MessagesPage');
const NetworkPage = lazyPage(() => import('./features/network/network-page'), 'NetworkPage');
const PathsPage = lazyPage(() => import('./features/network/paths-page'), 'PathsPage');
const SearchPage = lazyPage(() => import('./features/network/search-page'), 'SearchPage');
const SharingPage = lazyPage(() => import('./features/network/sharing-page'), 'SharingPage');
const VerifyEmailPage = lazyPage(() => import('./features/network/verify-email-page'), 'VerifyEmailPage');
const OutreachItemPage = lazyPage(() => import('./features/outreach/outreach-item-page'), 'OutreachItemPage');
const OutreachQueuePage = lazyPage(
  () => import('./features/outreach/outreach-queue-page'),
  'OutreachQueuePage',
);
const OutreachStatsPage = lazyPage(
  () => import('./features/outreach/outreach-stats-page'),
  'OutreachStatsPage',
);
const OutreachTemplatesPage = lazyPage(
  () => import('./features/outreach/outreach-templates-page'),
  'OutreachTemplatesPage',
);
const PurposeBoardPage = lazyPage(() => import('./features/purposes/purpose-board-page'), 'PurposeBoardPage');
const PurposesPage = lazyPage(() => import('./features/purposes/purposes-page'), 'PurposesPage');
const SettingsPage = lazyPage(() => import('./features/settings/settings-page'), 'SettingsPage');

/**
 * The lazy pages' shared boundary: the loading line shows inside <main> under the navigation while a page's code
 * arrives. Moving between two lazy pages is a transition, so the old page stays until the new one can render.
 */
function LazyPages() {
  return (
    <Suspense fallback={<Loading />}>
      <Outlet />
    </Suspense>
  );
}

function AppRoutes() {
  useSessionExpiry();
  return (
    <Routes>
      <Route element={<PublicOnly />}>
        <Route element={<PublicLayout />}>
          <Route path="/welcome" element={<FirstRunPage />} />
          <Route path="/sign-in" element={<SignInPage />} />
          <Route path="/sign-up" element={<SignUpPage />} />
        </Route>
      </Route>
      {/* Not public-only: the page itself goes on once the account is made (to where sign-up started). */}
      <Route element={<PublicLayout />}>
        <Route path="/sign-up/confirm/:token" element={<ConfirmSignupPage />} />
      </Route>
      <Route element={<RequireSession />}>
        <Route element={<AppLayout />}>
          <Route index element={<TodayPage />} />
          <Route path="/contacts" element={<ContactsPage />} />
          <Route path="/contacts/new" element={<NewContactPage />} />
          <Route path="/contacts/:id" element={<ContactPage />} />
          <Route path="/organisations" element={<OrganisationsPage />} />
          <Route path="/organisations/:id" element={<OrganisationPage />} />
          <Route path="/tags" element={<TagsPage />} />
          <Route path="/favours" element={<FavoursPage />} />
          <Route path="/promises" element={<PromisesPage />} />
          <Route path="/lapsed" element={<LapsedPage />} />
          <Route path="/profile" element={<ProfilePage />} />
          <Route path="/trash" element={<TrashPage />} />
          <Route element={<LazyPages />}>
            <Route path="/purposes" element={<PurposesPage />} />
            <Route path="/purposes/:id" element={<PurposeBoardPage />} />
            <Route path="/outreach" element={<OutreachQueuePage />} />
            <Route path="/outreach/items/:id" element={<OutreachItemPage />} />
            <Route path="/outreach/templates" element={<OutreachTemplatesPage />} />
            <Route path="/outreach/invitations" element={<InvitationsPage />} />
            <Route
              path="/outreach/stats"
              element={
                <Suspense fallback={<Loading label="Loading the response rates…" />}>
                  <OutreachStatsPage />
                </Suspense>
              }
            />
            <Route path="/network" element={<NetworkPage />} />
            <Route path="/network/connections" element={<ConnectionsPage />} />
            <Route path="/network/messages" element={<MessagesPage />} />
            <Route path="/network/messages/:accountId" element={<MessagesPage />} />
            <Route path="/network/search" element={<SearchPage />} />
            <Route path="/network/paths" element={<PathsPage />} />
            <Route path="/network/sharing" element={<SharingPage />} />
            <Route path="/network/access-log" element={<AccessLogPage />} />
            <Route path="/network/graph" element={<NetworkGraphPage />} />
            <Route path="/connect/:token" element={<ConnectPage />} />
            <Route path="/verify-email/:token" element={<VerifyEmailPage />} />
            <Route path="/introductions" element={<IntroductionsPage />} />
            <Route path="/introductions/:id" element={<IntroductionPage />} />
            <Route path="/asks" element={<AsksPage />} />
            <Route path="/asks/:id" element={<AskPage />} />
            {/* Not /health: the server answers that path itself, with JSON for uptime monitors. */}
            <Route
              path="/relationships"
              element={
                <Suspense fallback={<Loading label="Loading the charts…" />}>
                  <HealthPage />
                </Suspense>
              }
            />
            <Route path="/import" element={<ImportPage />} />
            <Route path="/imports" element={<ImportHistoryPage />} />
            <Route path="/imports/:id" element={<ImportDetailPage />} />
            <Route path="/data" element={<YourDataPage />} />
            <Route path="/duplicates" element={<DuplicatesPage />} />
            <Route path="/settings" element={<SettingsPage />} />
          </Route>
          <Route path="*" element={<NotFoundPage />} />
        </Route>
      </Route>
    </Routes>
  );
}

/** The whole web app: data cache, notices and routes. */
export function App() {
  const [queryClient] = useState(createQueryClient);
  return (
    <ErrorBoundary>
      <QueryClientProvider client={queryClient}>
        <BrowserRouter>
          <ToastProvider>
            <AppRoutes />
          </ToastProvider>
        </BrowserRouter>
      </QueryClientProvider>
    </ErrorBoundary>
  );
}
