import { useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { PageHeader } from '../../ui/page-header';
import { useDocumentTitle } from '../../ui/use-document-title';
import { useToast } from '../../ui/use-toast';
import { ContactForm } from './contact-form';
import { prefilledContactForm } from './contact-form-state';
import { useCreateContact } from './use-create-contact';

export function NewContactPage() {
  useDocumentTitle('New contact');
  const create = useCreateContact();
  const navigate = useNavigate();
  const toast = useToast();
  const [params] = useSearchParams();
  // `?name=&linkedin=` come from "Add as contact" on a LinkedIn invitation.
  const [initial] = useState(() =>
    prefilledContactForm({ name: params.get('name'), url: params.get('linkedin') }),
  );
  return (
    <>
      <PageHeader title="New contact" />
      <ContactForm
        initial={initial}
        submitLabel="Create contact"
        pending={create.isPending}
        error={create.error}
        onCancel={() => void navigate('/contacts')}
        onSubmit={(input) =>
          create.mutate(input, {
            onSuccess: (contact) => {
              toast.show({ message: `Added ${contact.displayName}.` });
              void navigate(`/contacts/${contact.id}`);
            },
          })
        }
      />
    </>
  );
}
