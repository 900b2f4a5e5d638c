import { useState } from 'react';
import { useParams } from 'react-router';
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
import { contactToForm } from './contact-form-state';
import { ContactPhoto } from './contact-photo';
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
  const update = useUpdateContact(id, contact.data);
  const remove = useDeleteContact();
  const toast = useToast();
  const [editing, setEditing] = useState(false);
  useDocumentTitle(contact.data ? contact.data.displayName : 'Contact');

  if (contact.isPending) return <Loading />;
  if (contact.isError) {
    const into = mergedInto(contact.error);
    if (into) return <MergedRedirect to={`/contacts/${into}`} what="contact" />;
    return <QueryError error={contact.error} onRetry={() => void contact.refetch()} />;
  }
  const c = contact.data;
  const position = [c.title, c.organisation?.name].filter(Boolean).join(' at ');

  if (editing) {
    return (
      <>
        <PageHeader title={`Edit ${c.displayName}`} />
        <ContactForm
          key={c.updatedAt}
          initial={contactToForm(c)}
          submitLabel="Save changes"
          pending={update.isPending}
          error={update.error}
          onCancel={() => {
            update.reset();
            setEditing(false);
            focusHeading();
          }}
          onSubmit={(input) =>
            update.mutate(input, {
              onSuccess: (saved) => {
                setEditing(false);
                toast.show({ message: `Saved ${saved.displayName}.` });
                focusHeading();
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
        title={c.displayName}
        media={<ContactPhoto contact={c} />}
        subtitle={position || undefined}
        actions={
          <>
            <button
              type="button"
              className="button button--primary"
              onClick={() => {
                update.reset();
                setEditing(true);
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
      <ContactRelationship person={{ id: c.id, displayName: c.displayName }} />
      <ContactPurposes contactId={c.id} name={c.displayName} />
      <ContactNetwork contactId={c.id} name={c.displayName} />
      <ContactDetails contact={c} />
    </>
  );
}
