import { Subnav, type SubnavLink } from '../../ui/subnav';

const LINKS: SubnavLink[] = [
  { to: '/outreach', label: 'Queue' },
  { to: '/outreach/templates', label: 'Templates' },
  { to: '/outreach/stats', label: 'Response rates' },
  { to: '/outreach/invitations', label: 'LinkedIn invitations' },
];

/**
 * The links between the queue (a queue item is part of it), the templates, the response rates and the pending
 * LinkedIn invitations.
 */
export function OutreachSubnav() {
  return <Subnav label="Outreach" links={LINKS} />;
}
