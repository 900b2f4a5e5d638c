import type { Command } from 'commander';
import type { ContactCreateInput } from '../contracts/contacts';
import { collect, collectField } from './parse';

/** The flags `add` and `edit` share, as commander parses them. */
export interface ContactFlags {
  name?: string;
  given?: string;
  family?: string;
  org?: string;
  title?: string;
  location?: string;
  howWeMet?: string;
  notes?: string;
  email?: string[];
  phone?: string[];
  url?: string[];
  tag?: string[];
  field?: Record<string, string>;
  connected?: string;
}

/** Declares the contact flags on `cmd`. On edit, a given list flag replaces the whole list and "" clears a field. */
export function contactOptions(cmd: Command): Command {
  return cmd
    .option('--name <name>', 'display name (default: given + family name)')
    .option('--given <name>', 'given (first) name')
    .option('--family <name>', 'family (last) name')
    .option('--org <organisation>', 'organisation, by name (found or created)')
    .option('--title <title>', 'job title')
    .option('--location <place>', 'where they are')
    .option('--how-we-met <text>', 'how you met')
    .option('--notes <text>', 'free-form notes')
    .option('--email <address>', 'email address (repeatable)', collect)
    .option('--phone <number>', 'phone number (repeatable)', collect)
    .option('--url <url>', 'web or LinkedIn URL (repeatable)', collect)
    .option('--tag <name>', 'tag, found or created (repeatable)', collect)
    .option('--field <key=value>', 'custom field (repeatable)', collectField)
    .option('--connected <date>', 'when you connected, YYYY-MM-DD');
}

/** The use-case input for exactly the flags given: absent flags stay absent so `edit` leaves those fields alone. */
export function contactInput(f: ContactFlags): ContactCreateInput {
  const input: ContactCreateInput = {};
  const text = [
    ['displayName', f.name],
    ['givenName', f.given],
    ['familyName', f.family],
    ['organisation', f.org],
    ['title', f.title],
    ['location', f.location],
    ['howWeMet', f.howWeMet],
    ['notes', f.notes],
  ] as const;
  for (const [key, value] of text) if (value !== undefined) input[key] = value;
  // `--email ''` yields an empty list, which clears the channel on edit.
  const list = (values: string[]) => values.filter((v) => v.trim() !== '').map((value) => ({ value }));
  if (f.email) input.emails = list(f.email);
  if (f.phone) input.phones = list(f.phone);
  if (f.url) input.urls = list(f.url);
  if (f.tag) input.tags = f.tag.filter((t) => t.trim() !== '');
  if (f.field) input.customFields = f.field;
  if (f.connected !== undefined) input.connectedOn = f.connected.trim() === '' ? null : f.connected.trim();
  return input;
}
