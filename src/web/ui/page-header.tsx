import type { ReactNode } from 'react';

/** The page's h1 (focus lands here after navigation) and its actions. */
export function PageHeader({
  title,
  subtitle,
  actions,
  media,
}: {
  title: ReactNode;
  subtitle?: ReactNode;
  actions?: ReactNode;
  /** Shown before the title, e.g. a contact's photo. */
  media?: ReactNode;
}) {
  return (
    <div className="page-header">
      {media ? <div className="page-header__media">{media}</div> : null}
      <div className="page-header__text">
        <h1 tabIndex={-1} data-page-heading="">
          {title}
        </h1>
        {subtitle ? <p className="page-header__subtitle">{subtitle}</p> : null}
      </div>
      {actions ? <div className="page-header__actions">{actions}</div> : null}
    </div>
  );
}
