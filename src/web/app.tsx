import { QueryClientProvider } from '@tanstack/react-query';
import { lazy, Suspense, useState } from 'react';
import { BrowserRouter, Route, Routes } from 'react-router';
import { createQueryClient } from './api/query-client';
import { AskPage } from './features/asks/ask-page';
import { AsksPage } from './features/asks/asks-page';
import { FirstRunPage } from './features/auth/first-run-page';
import { PublicOnly } from './features/auth/public-only';
import { RequireSession } from './features/auth/require-session';
import { SignInPage } from './features/auth/sign-in-page';
import { SignUpPage } from './features/auth/sign-up-page';
import { useSessionExpiry } from './features/auth/use-session-expiry';
import { ContactPage } from './features/contacts/contact-page';
import { ContactsPage } from './features/contacts/contacts-page';
import { NewContactPage } from './features/contacts/new-contact-page';
import { YourDataPage } from './features/data/your-data-page';
import { DuplicatesPage } from './features/duplicates/duplicates-page';
import { FavoursPage } from './features/favours/favours-page';
import { ImportDetailPage } from './features/imports/import-detail-page';
import { ImportHistoryPage } from './features/imports/import-history-page';
import { ImportPage } from './features/imports/import-page';
import { IntroductionPage } from './features/introductions/introduction-page';
import { IntroductionsPage } from './features/introductions/introductions-page';
import { AccessLogPage } from './features/network/access-log-page';
import { ConnectPage } from './features/network/connect-page';
import { ConnectionsPage } from './features/network/connections-page';
import { MessagesPage } from './features/network/messages-page';
import { NetworkPage } from './features/network/network-page';
import { PathsPage } from './features/network/paths-page';
import { SearchPage } from './features/network/search-page';
import { SharingPage } from './features/network/sharing-page';
import { VerifyEmailPage } from './features/network/verify-email-page';
import { OrganisationPage } from './features/organisations/organisation-page';
import { OrganisationsPage } from './features/organisations/organisations-page';
import { OutreachItemPage } from './features/outreach/outreach-item-page';
import { OutreachQueuePage } from './features/outreach/outreach-queue-page';
import { OutreachTemplatesPage } from './features/outreach/outreach-templates-page';
import { ProfilePage } from './features/profile/profile-page';
import { PromisesPage } from './features/promises/promises-page';
import { PurposeBoardPage } from './features/purposes/purpose-board-page';
import { PurposesPage } from './features/purposes/purposes-page';
import { LapsedPage } from './features/relationships/lapsed-page';
import { SettingsPage } from './features/settings/settings-page';
import { TagsPage } from './features/tags/tags-page';
import { TodayPage } from './features/today/today-page';
import { TrashPage } from './features/trash/trash-page';
import { AppLayout } from './shell/app-layout';
import { PublicLayout } from './shell/public-layout';
import { ErrorBoundary } from './ui/error-boundary';
import { Loading } from './ui/loading';
import { NotFoundPage } from './ui/not-found-page';
import { ToastProvider } from './ui/toast-provider';

// The charts library is big: it loads only when the charts are opened.
const HealthPage = lazy(() =>
  import('./features/health/health-page').then((m) => ({ default: m.HealthPage })),
);
const OutreachStatsPage = lazy(() =>
  import('./features/outreach/outreach-stats-page').then((m) => ({ default: m.OutreachStatsPage })),
);

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
          <Route path="/purposes" element={<PurposesPage />} />
          <Route path="/purposes/:id" element={<PurposeBoardPage />} />
          <Route path="/outreach" element={<OutreachQueuePage />} />
          <Route path="/outreach/items/:id" element={<OutreachItemPage />} />
          <Route path="/outreach/templates" element={<OutreachTemplatesPage />} />
          <Route
            path="/outreach/stats"
            element={
              <Suspense fallback={<Loading label="Loading the response rates…" />}>
                <OutreachStatsPage />
              </Suspense>
            }
          />
          <Route path="/lapsed" element={<LapsedPage />} />
          <Route path="/network" element={<NetworkPage />} />
          <Route path="/network/connections" element={<ConnectionsPage />} />
          <Route path="/network/messages" element={<MessagesPage />} />
          <Route path="/network/messages/:accountId" element={<MessagesPage />} />
          <Route path="/network/search" element={<SearchPage />} />
          <Route path="/network/paths" element={<PathsPage />} />
          <Route path="/network/sharing" element={<SharingPage />} />
          <Route path="/network/access-log" element={<AccessLogPage />} />
          <Route path="/connect/:token" element={<ConnectPage />} />
          <Route path="/verify-email/:token" element={<VerifyEmailPage />} />
          <Route path="/introductions" element={<IntroductionsPage />} />
          <Route path="/introductions/:id" element={<IntroductionPage />} />
          <Route path="/asks" element={<AsksPage />} />
          <Route path="/asks/:id" element={<AskPage />} />
          <Route
            path="/health"
            element={
              <Suspense fallback={<Loading label="Loading the charts…" />}>
                <HealthPage />
              </Suspense>
            }
          />
          <Route path="/profile" element={<ProfilePage />} />
          <Route path="/import" element={<ImportPage />} />
          <Route path="/imports" element={<ImportHistoryPage />} />
          <Route path="/imports/:id" element={<ImportDetailPage />} />
          <Route path="/data" element={<YourDataPage />} />
          <Route path="/duplicates" element={<DuplicatesPage />} />
          <Route path="/trash" element={<TrashPage />} />
          <Route path="/settings" element={<SettingsPage />} />
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
