import { plural } from '../../ui/format';

/** How many people the address books of a LinkedIn export hold (0 when it has none, or for other kinds). */
export function addressBookPeople(report: { kind: string; stats: Record<string, number> }): number {
  return report.kind === 'linkedin' ? (report.stats.addressBookPeople ?? 0) : 0;
}

/**
 * The opt-in for the address books a LinkedIn export may hold (ImportedContacts.csv): real e-mail addresses of
 * people who are not connections, so they are never imported unless asked for.
 */
export function AddressBookChoice({
  people,
  checked,
  onChange,
  error,
}: {
  people: number;
  checked: boolean;
  onChange: (checked: boolean) => void;
  /** The server's refusal to import nothing but address books without this choice. */
  error?: string;
}) {
  return (
    <div className={error ? 'choice import-address-book field--invalid' : 'choice import-address-book'}>
      <input
        id="import-address-book"
        type="checkbox"
        checked={checked}
        onChange={(e) => onChange(e.target.checked)}
        aria-invalid={error ? true : undefined}
        aria-describedby={
          error ? 'import-address-book-hint import-address-book-error' : 'import-address-book-hint'
        }
      />
      <label htmlFor="import-address-book">
        Also import the address books you uploaded to LinkedIn ({plural(people, 'person', 'people')})
        <span id="import-address-book-hint" className="choice__hint">
          They are not connections: they come in tagged “LinkedIn address book”, and anyone already in your
          contacts is matched by e-mail or phone.
        </span>
      </label>
      {error ? (
        <p id="import-address-book-error" className="field__error">
          {error}
        </p>
      ) : null}
    </div>
  );
}
