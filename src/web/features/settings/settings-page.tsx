import { PageHeader } from '../../ui/page-header';
import { useDocumentTitle } from '../../ui/use-document-title';
import { useSession } from '../auth/use-session';
import { ApiTokensSection } from './api-tokens-section';
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
        <ApiTokensSection />
        <ChangePasswordSection email={account?.email ?? ''} />
      </div>
    </>
  );
}
