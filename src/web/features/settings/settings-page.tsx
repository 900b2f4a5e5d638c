import { Link } from 'react-router';
import { PageHeader } from '../../ui/page-header';
import { useDocumentTitle } from '../../ui/use-document-title';
import { useSession } from '../auth/use-session';
import { AgendaSettingsSection } from './agenda-settings-section';
import { ApiTokensSection } from './api-tokens-section';
import { CalendarFeedSection } from './calendar-feed-section';
import { ChangePasswordSection } from './change-password-section';

export function SettingsPage() {
  useDocumentTitle('Settings');
  const session = useSession();
  const account = session.data?.account;
  return (
    <>
      <PageHeader
        title="Settings"
        subtitle={account ? `Signed in as ${account.name} (${account.email})` : undefined}
      />
      <div className="stack">
        <AgendaSettingsSection />
        <CalendarFeedSection />
        <section aria-labelledby="settings-profile" className="card">
          <h2 id="settings-profile">Your profile</h2>
          <p>
            Your headline, the skills you offer and what you are looking for:{' '}
            <Link to="/profile">edit your profile</Link>.
          </p>
        </section>
        <section aria-labelledby="settings-data" className="card">
          <h2 id="settings-data">Your data</h2>
          <p>
            Download your contacts as vCard or CSV, a full backup as JSON, or restore a backup:{' '}
            <Link to="/data">export and backup</Link>. Imports are under <Link to="/import">Import</Link>.
          </p>
        </section>
        <ApiTokensSection />
        <ChangePasswordSection email={account?.email ?? ''} />
      </div>
    </>
  );
}
