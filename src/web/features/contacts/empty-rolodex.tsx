import { Link } from 'react-router';

/** A new account has no contacts: add one by hand, or (most start here) bring them in from elsewhere. */
export function EmptyRolodex({ className = 'empty' }: { className?: string }) {
  return (
    <div className={className}>
      <p>Your rolodex is empty.</p>
      <div className="empty__actions">
        <Link to="/contacts/new" className="button">
          Add your first contact
        </Link>
        <Link to="/import" className="button">
          Import from LinkedIn, a phone or a spreadsheet
        </Link>
      </div>
    </div>
  );
}
