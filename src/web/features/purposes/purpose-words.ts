/**
 * What the purposes overview says when its list is empty. An account whose purposes are all archived has not
 * "no purposes yet": it is told they exist and how to see them.
 */
export function emptyPurposesText(showArchived: boolean, archivedCount: number): string {
  if (showArchived) return 'No archived purposes.';
  if (archivedCount > 0)
    return `No active purposes. ${archivedCount === 1 ? 'One purpose is' : `${archivedCount} purposes are`} archived: tick “Show archived purposes” to see ${archivedCount === 1 ? 'it' : 'them'}, or start a new one.`;
  return 'No purposes yet. Start with one goal — guest speakers, research leads, partners — and put people on it.';
}
