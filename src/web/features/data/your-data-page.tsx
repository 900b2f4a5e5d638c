import { apiUrl } from '../../api/client';
import { PageHeader } from '../../ui/page-header';
import { useDocumentTitle } from '../../ui/use-document-title';
import { ImportSubnav } from '../imports/import-subnav';
import { RestoreBackupSection } from './restore-backup-section';

const DOWNLOADS = [
  {
    href: apiUrl('/exports/vcard?version=3.0'),
    label: 'vCard 3.0',
    hint: 'For phones, Google Contacts, Outlook and most address books.',
  },
  {
    href: apiUrl('/exports/vcard?version=4.0'),
    label: 'vCard 4.0',
    hint: 'The newer vCard, for apps that read it (Apple Contacts, Nextcloud…).',
  },
  {
    href: apiUrl('/exports/csv'),
    label: 'CSV',
    hint: 'A spreadsheet in Google Contacts’ columns, plus Rapport’s own.',
  },
  {
    href: apiUrl('/exports/backup'),
    label: 'full backup (JSON)',
    hint: 'Everything you own in Rapport, to restore into an identical account.',
  },
];

/** Your data, yours to take: downloads in every format, and restoring a backup. */
export function YourDataPage() {
  useDocumentTitle('Your data');
  return (
    <>
      <PageHeader title="Your data" subtitle="Take your rolodex anywhere: every download has all your contacts." />
      <ImportSubnav />
      <div className="stack">
        <section aria-labelledby="downloads-heading" className="card">
          <h2 id="downloads-heading">Download</h2>
          <ul className="downloads">
            {DOWNLOADS.map((d) => (
              <li key={d.href} className="downloads__item">
                <a className="button" href={d.href} download>
                  Download {d.label}
                </a>
                <span className="muted">{d.hint}</span>
              </li>
            ))}
          </ul>
        </section>
        <RestoreBackupSection />
      </div>
    </>
  );
}
