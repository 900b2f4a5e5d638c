import { Subnav, type SubnavLink } from '../../ui/subnav';

const LINKS: SubnavLink[] = [
  { to: '/network', label: 'Overview' },
  { to: '/network/graph', label: 'Graph' },
  { to: '/network/connections', label: 'Connections' },
  { to: '/network/messages', label: 'Messages' },
  { to: '/network/search', label: 'Search' },
  { to: '/network/paths', label: 'Warm paths' },
  { to: '/introductions', label: 'Introductions' },
  { to: '/asks', label: 'Asks' },
  { to: '/network/sharing', label: 'Sharing' },
  { to: '/network/access-log', label: 'Access log' },
];

/** The links between the network's pages (one "Network" entry in the main navigation leads here). */
export function NetworkSubnav() {
  return <Subnav label="Network" links={LINKS} />;
}
