import { plural } from '../../ui/format';

/**
 * What the tag form says while the server works: tagging 30,000 contacts takes seconds, and a form that looks
 * idle invites a second click. "Adding “conference” to 29,940 contacts…".
 */
export function taggingBusyText(mode: 'add' | 'remove', tag: string, total: number): string {
  return mode === 'add'
    ? `Adding “${tag}” to ${plural(total, 'contact')}…`
    : `Removing “${tag}” from ${plural(total, 'contact')}…`;
}
