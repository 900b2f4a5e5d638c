import type { Contact, ContactUpdateInput } from '../contracts/contacts';
import { getSettings } from '../core/agenda/get-settings';
import { contactEtag } from '../core/contacts/contact-etag';
import { getContact } from '../core/contacts/get-contact';
import { updateContact } from '../core/contacts/update-contact';
import { type Ctx, inTransaction } from '../core/context';
import type { ChannelKind } from '../core/db/schema';
import { AppError } from '../core/errors';
import { tagContacts } from '../core/tags/tag-contacts';
import { type ChannelEditFlags, editedChannels } from './contact-flags';

export interface ContactEdit {
  /** The fields given whole (`--title`, `--email` …). */
  input: ContactUpdateInput;
  /** The --add-/--remove- email, phone and URL flags, and the kinds they touch. */
  channels: ChannelEditFlags;
  kinds: ChannelKind[];
  addTags: string[];
  removeTags: string[];
}

const changedMeanwhile = (e: unknown) => e instanceof AppError && e.code === 'precondition_failed';

/**
 * `rapport edit` with --add-/--remove- flags: the fields, the channels and the tags change together or not at all.
 * The channel lists are read, changed and written back against the version read (`updateContact`'s `ifMatch`), so
 * an edit committed in between (the web app, the API, another process) is never overwritten: the edit starts
 * again once from what is there now, and a second such change is reported (`precondition_failed`, exit 6).
 */
export async function editContact(ctx: Ctx, id: string, edit: ContactEdit): Promise<Contact> {
  try {
    return await editOnce(ctx, id, edit);
  } catch (e) {
    if (!changedMeanwhile(e)) throw e;
  }
  try {
    return await editOnce(ctx, id, edit);
  } catch (e) {
    if (!changedMeanwhile(e)) throw e;
    throw new AppError(
      'precondition_failed',
      'the contact was changed elsewhere twice while this edit was being made (the web app, the API or another ' +
        'command): nothing was changed; run the command again',
    );
  }
}

function editOnce(ctx: Ctx, id: string, edit: ContactEdit): Promise<Contact> {
  const retag = edit.addTags.length + edit.removeTags.length > 0;
  return inTransaction(ctx, async (tx) => {
    let change = edit.input;
    let ifMatch: string | undefined;
    if (edit.kinds.length > 0) {
      const current = await getContact(tx, id);
      ifMatch = contactEtag(current);
      const region = edit.kinds.includes('phone') ? (await getSettings(tx)).phoneRegion : null;
      change = { ...edit.input, ...editedChannels(current, edit.channels, region) };
      // Only values already there were added: nothing to write (no new version, history entry or ETag).
      if (Object.keys(change).length === 0 && !retag) return current;
    }
    if (Object.keys(change).length > 0) await updateContact(tx, id, change, 'cli', { ifMatch });
    if (retag) await tagContacts(tx, { ids: [id], add: edit.addTags, remove: edit.removeTags });
    return getContact(tx, id);
  });
}
