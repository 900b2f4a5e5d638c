import { Subnav, type SubnavLink } from '../../ui/subnav';

const LINKS: SubnavLink[] = [
  { to: '/import', label: 'Import a file' },
  { to: '/imports', label: 'Import history' },
  { to: '/data', label: 'Your data' },
];

/** The tabs-like links between importing, the import history and "your data" (exports, backup, restore). */
export function ImportSubnav() {
  return <Subnav label="Import and export" links={LINKS} />;
}
