import { Link } from 'react-router';
import { contactOutreachWords } from './contact-outreach-words';
import { useContactOutreach } from './use-contact-outreach';

/** One line when the person is in the outreach queue, with a link to their item; nothing otherwise. */
export function ContactOutreach({ contactId }: { contactId: string }) {
  const outreach = useContactOutreach(contactId);
  const item = outreach.data?.item ?? null;
  const words = contactOutreachWords(item);
  if (!item || !words) return null;
  return (
    <p className="contact-outreach" data-testid="contact-outreach">
      {words} <Link to={`/outreach/items/${encodeURIComponent(item.id)}`}>Open the outreach item</Link>
    </p>
  );
}
