import { Link } from 'react-router';
import { EmptyRolodex } from '../contacts/empty-rolodex';

/**
 * Nothing due today. With no contacts at all (a new account) "pick someone from your contacts" cannot help: it says
 * where to start instead. `contactCount` is undefined while it loads.
 */
export function TodayEmpty({ contactCount }: { contactCount: number | undefined }) {
  if (contactCount === 0) return <EmptyRolodex className="empty today-empty" />;
  return (
    <div className="empty today-empty">
      <p className="today-empty__title">Nothing due — a good day to reach out to someone.</p>
      <p className="muted">
        Pick someone you haven’t spoken to in a while from your <Link to="/contacts">contacts</Link>, or note
        a promise you made.
      </p>
    </div>
  );
}
