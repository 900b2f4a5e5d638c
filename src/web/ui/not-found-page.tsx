import { Link } from 'react-router';
import { PageHeader } from './page-header';
import { useDocumentTitle } from './use-document-title';

export function NotFoundPage() {
  useDocumentTitle('Not found');
  return (
    <>
      <PageHeader title="Page not found" />
      <p>
        There is nothing at this address. Go to <Link to="/">Today</Link> or your{' '}
        <Link to="/contacts">contacts</Link>.
      </p>
    </>
  );
}
