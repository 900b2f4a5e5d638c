import { useState } from 'react';
import { useParams } from 'react-router';
import { isApiError } from '../../api/client';
import type { Contact } from '../../api/types';
import { Loading } from '../../ui/loading';
import { MergedRedirect, mergedInto } from '../../ui/merged-redirect';
import { PageHeader } from '../../ui/page-header';
import { QueryError } from '../../ui/query-error';
import { useDocumentTitle } from '../../ui/use-document-title';
import { useToast } from '../../ui/use-toast';
import { ContactNetwork } from '../network/contact-network';
import { ContactPurposes } from '../purposes/contact-purposes';
import { ContactRelationship } from '../relationships/contact-relationship';
import { ContactDetails } from './contact-details';
import { ContactForm } from './contact-form';
import { contactToForm, serverCopyChange } from './contact-form-state';
import { ContactOutreach } from './contact-outreach';
import { ContactPhoto } from './contact-photo';
import { isolatedParts } from './contact-result';
import { useContact } from './use-contact';
import { useDeleteContact } from './use-delete-contact';
import { useUpdateContact } from './use-update-contact';

function focusHeading() {
  requestAnimationFrame(() => document.querySelector<HTMLElement>('[data-page-heading]')?.focus());
}

/** One contact: every field shown; "Edit" turns the page into a form (Escape goes back), "Delete" trashes it. */
export function ContactPage() {
  const { id = '' } = useParams();
  const contact = useContact(id);
  // The copy the edit form was opened with (null: not editing): a save sends its ETag as If-Match, so a change made
  // elsewhere meanwhile is refused, not overwritten.
  const [opened, setOpened] = useState<Contact | null>(null);
  const [hasEdits, setHasEdits] = useState(false);
  const update = useUpdateContact(id, opened ?? contact.data);
  const remove = useDeleteContact();
  const toast = useToast();
  useDocumentTitle(contact.data ? contact.data.displayName : 'Contact');

  if (contact.isPending) return <Loading />;
  if (contact.isError) {
    const into = mergedInto(contact.error);
    if (into) return <MergedRedirect to={`/contacts/${into}`} what="contact" />;
    return <QueryError error={contact.error} onRetry={() => void contact.refetch()} />;
  }
  const c = contact.data;
  const position = isolatedParts([c.title, c.organisation?.name], ' at ');

  if (opened) {
    // A refetch (window focus, another write's invalidation) may bring a newer copy; while saving, the answer is ours.
    const change = update.isPending ? 'same' : serverCopyChange(opened.updatedAt, c.updatedAt, hasEdits);
    if (change === 'follow') setOpened(c);
    const takeServerCopy = () => {
      update.reset();
      setOpened(c);
    };
    const close = () => {
      setOpened(null);
      setHasEdits(false);
      focusHeading();
    };
    return (
      <>
        <PageHeader title={`Edit ${opened.displayName}`} />
        {change === 'stale' ? (
          <div className="alert alert--info" role="status" data-testid="contact-changed-elsewhere">
            <p>
              This contact was changed elsewhere while you were editing. What you typed is kept, but saving it
              would be refused. Reload to see the new version (your edits here are dropped).{' '}
              <button type="button" className="button button--small" onClick={takeServerCopy}>
                Reload
              </button>
            </p>
          </div>
        ) : null}
        <ContactForm
          key={opened.updatedAt}
          initial={contactToForm(opened)}
          submitLabel="Save changes"
          pending={update.isPending}
          error={update.error}
          onEditsChange={setHasEdits}
          onCancel={() => {
            update.reset();
            close();
          }}
          onSubmit={(input) =>
            update.mutate(input, {
              onSuccess: (saved) => {
                close();
                toast.show({ message: `Saved ${saved.displayName}.` });
              },
              // Read the contact again: the notice above then offers its new version.
              onError: (e) => {
                if (isApiError(e) && e.code === 'precondition_failed') void contact.refetch();
              },
            })
          }
        />
      </>
    );
  }

  return (
    <>
      <PageHeader
        title={<bdi>{c.displayName}</bdi>}
        media={<ContactPhoto contact={c} />}
        subtitle={position || undefined}
        actions={
          <>
            <button
              type="button"
              className="button button--primary"
              onClick={() => {
                update.reset();
                setHasEdits(false);
                setOpened(c);
                // The button goes away with the page it was on: the keyboard lands on the form's heading.
                focusHeading();
              }}
            >
              Edit
            </button>
            <button
              type="button"
              className="button button--danger"
              disabled={remove.isPending}
              onClick={() =>
                remove.mutate(c, {
                  onError: (e) => toast.show({ message: `Could not delete: ${e.message}`, tone: 'error' }),
                })
              }
            >
              Delete
            </button>
          </>
        }
      />
      <ContactOutreach contactId={c.id} />
      <ContactRelationship person={{ id: c.id, displayName: c.displayName }} />
      <ContactPurposes contactId={c.id} name={c.displayName} />
      <ContactNetwork contactId={c.id} name={c.displayName} />
      <ContactDetails contact={c} />
    </>
  );
}
