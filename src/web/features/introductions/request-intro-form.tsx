import { type FormEvent, useEffect, useRef, useState } from 'react';
import { Link } from 'react-router';
import { isApiError } from '../../api/client';
import { FormAlert } from '../../ui/form-alert';
import { TextAreaField } from '../../ui/text-area-field';
import { PurposeField } from '../purposes/purpose-field';
import { useFormErrors } from '../relationships/use-form-errors';
import { useRequestIntroduction } from './use-introductions';

const FIELDS = ['why', 'purposeId'] as const;
const WHY_MAX = 2000;

/**
 * "Ask for an introduction": why (the broker and the person both read it) and, for me alone, the purpose it
 * serves. The broker decides first, then the person; nothing about them reaches me before both said yes.
 */
export function RequestIntroForm({
  broker,
  contactId,
  targetName,
  onCancel,
}: {
  broker: { accountId: string; name: string };
  /** The broker's contact id for the person, as search or paths returned it. */
  contactId: string;
  targetName: string;
  onCancel: () => void;
}) {
  const request = useRequestIntroduction();
  const formRef = useRef<HTMLFormElement>(null);
  const errors = useFormErrors(request.error, FIELDS, formRef);
  const [why, setWhy] = useState('');
  const [purposeId, setPurposeId] = useState('');
  const [sentId, setSentId] = useState<string | null>(null);
  const sentRef = useRef<HTMLParagraphElement>(null);

  useEffect(() => {
    formRef.current?.querySelector('textarea')?.focus();
  }, []);
  // The form gives way to the confirmation: the keyboard goes there rather than back to the top of the page.
  useEffect(() => {
    if (sentId) sentRef.current?.focus();
  }, [sentId]);

  function submit(e: FormEvent) {
    e.preventDefault();
    request.mutate(
      { brokerId: broker.accountId, contactId, why, purposeId: purposeId || null },
      {
        onSuccess: (intro) => setSentId(intro.id),
      },
    );
  }

  if (sentId) {
    return (
      <p ref={sentRef} tabIndex={-1} className="intro-request intro-request--sent">
        Asked {broker.name} to introduce you to {targetName}.{' '}
        <Link to={`/introductions/${sentId}`}>See the request</Link>
      </p>
    );
  }

  const quota = isApiError(request.error) && request.error.status === 429;
  // Found by an earlier search, since unshared (or the connection removed): the same 404 either way.
  const gone = isApiError(request.error) && request.error.status === 404;
  return (
    <form
      ref={formRef}
      className="inline-form stack intro-request"
      aria-label={`Ask ${broker.name} for an introduction to ${targetName}`}
      onSubmit={submit}
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.preventDefault();
          onCancel();
        }
      }}
      noValidate
    >
      <FormAlert
        message={
          quota
            ? `${request.error?.message ?? ''}. Requests are limited so that nobody is asked too often.`
            : gone
              ? `${targetName} is no longer shared with you; search again.`
              : errors.general
        }
      />
      <TextAreaField
        label={`Why do you want to meet ${targetName}?`}
        hint={`${broker.name} reads this first; if they agree, ${targetName} reads it too. At least 10 characters. ${why.length}/${WHY_MAX}`}
        maxLength={WHY_MAX}
        value={why}
        onChange={(e) => setWhy(e.target.value)}
        error={errors.get('why')}
      />
      <PurposeField value={purposeId} onChange={setPurposeId} error={errors.get('purposeId')} />
      <div className="inline-form__actions">
        <button type="submit" className="button button--primary" disabled={request.isPending}>
          Send the request
        </button>
        <button type="button" className="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
