import type { Command } from 'commander';
import {
  type Contact,
  type ContactCreateInput,
  type ContactUpdateInput,
  emailInput,
  phoneInput,
  urlInput,
} from '../contracts/contacts';
import { channelKey } from '../core/contacts/channels';
import type { ChannelKind } from '../core/db/schema';
import { AppError } from '../core/errors';
import { fieldFlags } from './field-flags';
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
  fieldFlags(cmd, {
    displayName: '--name',
    givenName: '--given',
    familyName: '--family',
    organisation: '--org',
    'emails.*.value': '--email',
    emails: '--email',
    'phones.*.value': '--phone',
    phones: '--phone',
    'urls.*.value': '--url',
    urls: '--url',
    tags: '--tag',
    customFields: '--field',
    connectedOn: '--connected',
  });
  return cmd
    .option('--name <name>', 'display name (default: given + family name)')
    .option('--given <name>', 'given (first) name')
    .option('--family <name>', 'family (last) name')
    .option('--org <organisation>', 'organisation, by name (found or created)')
    .option('--title <title>', 'job title')
    .option('--location <place>', 'where they are')
    .option('--how-we-met <text>', 'how you met')
    .option('--notes <text>', 'free-form notes')
    .option(
      '--email <address>',
      'email address, a label after it in brackets: "a@b.org (work)" (repeatable)',
      collect,
    )
    .option(
      '--phone <number>',
      'phone number, a label after it in brackets: "+44 20 7946 0000 (mobile)" (repeatable)',
      collect,
    )
    .option('--url <url>', 'web or LinkedIn URL, a label after it in brackets (repeatable)', collect)
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
  const list = (values: string[]) => values.filter((v) => v.trim() !== '').map(labelledValue);
  if (f.email) input.emails = list(f.email);
  if (f.phone) input.phones = list(f.phone);
  if (f.url) input.urls = list(f.url);
  if (f.tag) input.tags = f.tag.filter((t) => t.trim() !== '');
  if (f.field) input.customFields = f.field;
  if (f.connected !== undefined) input.connectedOn = f.connected.trim() === '' ? null : f.connected.trim();
  return input;
}

// A label after the value in brackets, as `show` prints one: after a space, with a letter in it, last. So
// `+44 (0)20 7946 0958`, `…/wiki/Ada_(poet)` and `+1 212 555 0100 (42)` stay whole, and so does an extension
// written in brackets (`(ext. 42)`, `(x42)`), which is part of the number.
const LABELLED = /^(.*\S)\s+\(([^()]*\p{L}[^()]*)\)$/su;
const EXTENSION = /^(?:ext(?:ension|n)?\.?|x)\s*\d+$/i;

/** A channel flag's value with the label given after it: `+44 20 7946 0000 (mobile)` → that number, `mobile`. */
export function labelledValue(raw: string): { value: string; label?: string } {
  const m = LABELLED.exec(raw.trim());
  const label = m?.[2]?.trim();
  if (!m?.[1] || !label || EXTENSION.test(label)) return { value: raw };
  return { value: m[1], label };
}

/** `edit`'s flags that add or remove single emails, phones and URLs (repeatable), keeping the rest of each list. */
export interface ChannelEditFlags {
  addEmail?: string[];
  removeEmail?: string[];
  addPhone?: string[];
  removePhone?: string[];
  addUrl?: string[];
  removeUrl?: string[];
}

const CHANNEL_EDITS = [
  { kind: 'email', field: 'emails', flag: 'email', noun: 'email address', schema: emailInput },
  { kind: 'phone', field: 'phones', flag: 'phone', noun: 'phone number', schema: phoneInput },
  { kind: 'url', field: 'urls', flag: 'url', noun: 'URL', schema: urlInput },
] as const;

type ChannelField = (typeof CHANNEL_EDITS)[number]['field'];
type ChannelLists = Pick<ContactUpdateInput, ChannelField>;

function addsAndRemoves(f: ChannelEditFlags, kind: ChannelKind): { add: string[]; remove: string[] } {
  switch (kind) {
    case 'email':
      return { add: f.addEmail ?? [], remove: f.removeEmail ?? [] };
    case 'phone':
      return { add: f.addPhone ?? [], remove: f.removePhone ?? [] };
    case 'url':
      return { add: f.addUrl ?? [], remove: f.removeUrl ?? [] };
  }
}

/**
 * The kinds the add/remove flags touch. Refuses one given with the flag that replaces that list (`--email` with
 * `--add-email`): which of the two was meant cannot be told.
 */
export function channelKindsEdited(f: ChannelEditFlags & Pick<ContactFlags, ChannelKind>): ChannelKind[] {
  const kinds: ChannelKind[] = [];
  for (const { kind, flag } of CHANNEL_EDITS) {
    const { add, remove } = addsAndRemoves(f, kind);
    if (add.length + remove.length === 0) continue;
    if (f[flag]) {
      throw new AppError(
        'validation',
        `--${flag} replaces every ${flag}: give it alone, or --add-${flag}/--remove-${flag}`,
      );
    }
    kinds.push(kind);
  }
  return kinds;
}

/**
 * The channel lists of `contact` after the add/remove flags, only for the lists that change. Values compare by the
 * matching key updateContact dedupes on (`channelKey`: email lower-cased, phone in E.164 read in `phoneRegion`,
 * URL normalised), so adding one already there changes nothing, unless it gives a label (`--add-phone "… (work)"`),
 * which the entry then takes. The entries kept are passed back with their labels; updateContact keeps the source of
 * each. A value to remove that the contact does not have is a validation error naming it and what the contact has.
 */
export function editedChannels(
  contact: Contact,
  f: ChannelEditFlags,
  phoneRegion: string | null,
): ChannelLists {
  const out: ChannelLists = {};
  const issues: { path: string; message: string }[] = [];
  for (const { kind, field, flag, noun, schema } of CHANNEL_EDITS) {
    const { add, remove } = addsAndRemoves(f, kind);
    if (add.length + remove.length === 0) continue;
    // As the contract reads the value (`mailto:` dropped, `https://` added), so the key is the one stored.
    const read = (raw: string) => {
      // A value copied from `show` with its label finds the entry: the label does not matter to remove it.
      const parsed = schema.safeParse({ value: labelledValue(raw).value });
      return parsed.success ? parsed.data.value : raw.trim();
    };
    const keyOf = (value: string) => channelKey(kind, value, phoneRegion) ?? value;
    const current: { value: string; label: string | null }[] = contact[field];
    const removeKeys = new Set<string>();
    const missing: string[] = [];
    for (const raw of remove) {
      const key = keyOf(read(raw));
      if (current.some((c) => keyOf(c.value) === key)) removeKeys.add(key);
      else missing.push(raw.trim());
    }
    if (missing.length > 0) {
      const has = current.length > 0 ? `theirs: ${current.map((c) => c.value).join(', ')}` : `they have none`;
      issues.push({
        path: `--remove-${flag}`,
        message: `${contact.displayName} has no ${noun} ${missing.join(', ')}; ${has}`,
      });
    }
    const kept = current.filter((c) => !removeKeys.has(keyOf(c.value)));
    const seen = new Set(kept.map((c) => keyOf(c.value)));
    const added: { value: string; label?: string }[] = [];
    // Labels given to values already there, by key.
    const relabelled = new Map<string, string>();
    for (const raw of add) {
      const parsed = schema.safeParse(labelledValue(raw));
      if (!parsed.success) {
        issues.push({
          path: `--add-${flag}`,
          message: `${raw.trim() || '""'}: ${parsed.error.issues[0]?.message ?? `not a ${noun}`}`,
        });
        continue;
      }
      const key = keyOf(parsed.data.value);
      if (removeKeys.has(key)) {
        issues.push({ path: `--add-${flag}`, message: `${raw.trim()} is also given to --remove-${flag}` });
        continue;
      }
      const label = parsed.data.label;
      // Already on the contact (or given twice): nothing to add, but a label given is taken.
      if (seen.has(key)) {
        const entry = [...kept, ...added].find((c) => keyOf(c.value) === key);
        if (label && entry && entry.label !== label) relabelled.set(key, label);
        continue;
      }
      seen.add(key);
      added.push({ value: parsed.data.value, ...(label ? { label } : {}) });
    }
    if (removeKeys.size + added.length + relabelled.size === 0) continue;
    out[field] = [...kept, ...added].map((c) => {
      const label = relabelled.get(keyOf(c.value)) ?? c.label;
      return { value: c.value, ...(label ? { label } : {}) };
    });
  }
  const first = issues[0];
  if (first) {
    const more = issues.length > 1 ? ` (and ${issues.length - 1} more)` : '';
    throw new AppError('validation', `${first.path}: ${first.message}${more}`, { issues });
  }
  return out;
}
