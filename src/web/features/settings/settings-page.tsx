import { Link } from 'react-router';
import { PageHeader } from '../../ui/page-header';
import { useDocumentTitle } from '../../ui/use-document-title';
import { useSession } from '../auth/use-session';
import { AgendaSettingsSection } from './agenda-settings-section';
import { ApiTokensSection } from './api-tokens-section';
import { CalendarFeedSection } from './calendar-feed-section';
import { ChangePasswordSection } from './change-password-section';
import { DeleteAccountSection } from './delete-account-section';
import { InviteSection } from './invite-section';
import { PhoneRegionSection } from './phone-region-section';
import { SignedInDevicesSection } from './signed-in-devices-section';

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
        <PhoneRegionSection />
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
        <section aria-labelledby="settings-address-book" className="card">
          <h2 id="settings-address-book">Phone address book</h2>
          <p>
            Keep your contacts in your phone's or computer's address book, both ways (CardDAV: iPhone and Mac
            Contacts, DAVx5 on Android, Thunderbird). Add a CardDAV account with:
          </p>
          <dl className="dl">
            <div className="dl__row">
              <dt>Server</dt>
              <dd>
                <code>{window.location.origin}/</code>
              </dd>
            </div>
            <div className="dl__row">
              <dt>User name</dt>
              <dd>
                <code>{account?.email ?? 'your e-mail address'}</code>
              </dd>
            </div>
            <div className="dl__row">
              <dt>Password</dt>
              <dd>an API token made for it below (revoke it to cut that device off)</dd>
            </div>
          </dl>
        </section>
        <InviteSection />
        <SignedInDevicesSection />
        <ApiTokensSection />
        <ChangePasswordSection email={account?.email ?? ''} />
        <DeleteAccountSection email={account?.email ?? ''} />
      </div>
    </>
  );
}
