import { type ReactElement, type ReactNode, useId } from 'react';
import { ResponsiveContainer } from 'recharts';

const HEIGHT = 260;

export interface Column<T> {
  key: keyof T & string;
  label: string;
  /** A cell's text, or more (a link) where the table should lead somewhere. */
  format?: (value: T[keyof T], row: T) => ReactNode;
}

/**
 * A chart with its name, a sentence that says what it shows, and the same numbers as a table (collapsed under
 * "Show the numbers") for screen readers, keyboard users and anyone who prefers figures. `children` is the
 * recharts chart, drawn at the full width and `height` tall; with no rows it shows `empty` (by default: nothing to
 * draw yet) instead.
 */
export function ChartFigure<T extends object>({
  title,
  summary,
  rows,
  columns,
  rowKey,
  height = HEIGHT,
  empty = 'Nothing to draw yet.',
  children,
}: {
  title: string;
  summary: ReactNode;
  rows: T[];
  columns: Column<T>[];
  rowKey: keyof T & string;
  height?: number;
  empty?: ReactNode;
  children: ReactElement;
}) {
  const id = useId();
  return (
    <section aria-labelledby={`${id}-title`} className="card chart">
      <h2 id={`${id}-title`}>{title}</h2>
      <figure className="chart__figure" aria-labelledby={`${id}-title`} aria-describedby={`${id}-summary`}>
        <p id={`${id}-summary`} className="chart__summary">
          {summary}
        </p>
        <div className="chart__plot">
          {rows.length === 0 ? (
            <p className="muted chart__empty">{empty}</p>
          ) : (
            <ResponsiveContainer width="100%" height={height}>
              {children}
            </ResponsiveContainer>
          )}
        </div>
      </figure>
      {rows.length === 0 ? null : (
        <details className="chart__table">
          <summary>Show the numbers</summary>
          <div className="table-wrap">
            <table className="table">
              <caption className="visually-hidden">{title}: the numbers</caption>
              <thead>
                <tr>
                  {columns.map((c) => (
                    <th key={c.key} scope="col">
                      {c.label}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {rows.map((row) => (
                  <tr key={String(row[rowKey])}>
                    {columns.map((c, n) => {
                      const value = c.format ? c.format(row[c.key], row) : String(row[c.key]);
                      return n === 0 ? (
                        <th key={c.key} scope="row">
                          {value}
                        </th>
                      ) : (
                        <td key={c.key}>{value}</td>
                      );
                    })}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </details>
      )}
    </section>
  );
}
