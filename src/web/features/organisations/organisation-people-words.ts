import type { OrganisationPerson } from '../../api/types';
import { formatDate } from '../../ui/format';
import { NOT_STARTED, notStarted, tierLabel } from '../relationships/relationship-words';

/** How well I know someone, in the words the contact's page uses: the tier, or that nothing is logged yet. */
export function strengthLabel(p: Pick<OrganisationPerson, 'tier' | 'lastContactAt'>): string {
  return notStarted(p) ? NOT_STARTED : tierLabel(p.tier);
}

/** "last contact 10 Jan 2026", or "never in touch" (a closeness rating alone can lift the tier). */
export function lastContactText(lastContactAt: string | null): string {
  return lastContactAt ? `last contact ${formatDate(lastContactAt)}` : 'never in touch';
}

/** The people I know best first (strength, then the most recent contact), then by name as the list comes. */
export function byStrength<T extends Pick<OrganisationPerson, 'score' | 'lastContactAt'>>(people: T[]): T[] {
  return people
    .map((p, i) => ({ p, i }))
    .sort(
      (a, b) =>
        b.p.score - a.p.score ||
        (b.p.lastContactAt ?? '').localeCompare(a.p.lastContactAt ?? '') ||
        a.i - b.i,
    )
    .map(({ p }) => p);
}

/** "Showing 100 of 742" under a paged list, or nothing once everyone is shown. */
export function shownOf(shown: number, total: number, format: (n: number) => string): string | null {
  return shown < total ? `Showing ${format(shown)} of ${format(total)}, most recently left first.` : null;
}
