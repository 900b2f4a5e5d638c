import { Subnav, type SubnavLink } from '../../ui/subnav';

const LINKS: SubnavLink[] = [
  { to: '/contacts', label: 'People' },
  { to: '/organisations', label: 'Organisations' },
  { to: '/tags', label: 'Tags' },
  { to: '/duplicates', label: 'Duplicates' },
];

/** The rolodex's pages: one "Contacts" entry in the main navigation leads here. */
export function ContactsSubnav() {
  return <Subnav label="Contacts" links={LINKS} />;
}
