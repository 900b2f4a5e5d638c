import { useState } from 'react';
import type { Contact } from '../../api/types';

/**
 * The contact's photo when Rapport holds it (`/api/…`). Photos that live elsewhere are not loaded: the page
 * fetches nothing from other sites (and the content security policy would refuse it anyway).
 */
export function ContactPhoto({ contact }: { contact: Pick<Contact, 'photo' | 'displayName'> }) {
  const [failed, setFailed] = useState(false);
  const url = contact.photo?.url;
  if (!url?.startsWith('/api/') || failed) return null;
  return (
    <img
      className="contact-photo"
      src={url}
      alt={contact.displayName}
      width={72}
      height={72}
      onError={() => setFailed(true)}
    />
  );
}
