import { zipSync } from 'fflate';
import { expect, it } from 'vitest';
import { describeEngines } from '../../../test/engines';
import { DAY_MS } from '../clock';
import { createContact } from '../contacts/create-contact';
import { getContact } from '../contacts/get-contact';
import { listContacts } from '../contacts/list-contacts';
import type { Ctx } from '../context';
import { importLinkedin } from '../imports/import-linkedin';
import { undoImport } from '../imports/undo-import';
import { deleteOrganisation } from '../organisations/delete-organisation';
import { mergeOrganisations } from '../organisations/merge-organisations';
import { deleteTag } from '../tags/delete-tag';
import { listTags } from '../tags/list-tags';
import { mergeTags } from '../tags/merge-tags';
import { restoreTag } from '../tags/restore-tag';
import { purgeTrash } from '../trash/purge-trash';
import { mergeContacts } from './merge-contacts';
import { undoMerge } from './undo-merge';

const enc = (s: string) => new TextEncoder().encode(s);
const XAVIER = 'https://www.linkedin.com/in/xavier-import';
const linkedinExport = (files: Record<string, string>) => ({
  name: 'Complete_LinkedInDataExport.zip',
  bytes: zipSync(Object.fromEntries(Object.entries(files).map(([k, v]) => [k, enc(v)]))),
});
const connections = (row: string) =>
  linkedinExport({
    'Connections.csv': `First Name,Last Name,URL,Email Address,Company,Position,Connected On\r\n${row}\r\n`,
  });

async function tagId(ctx: Ctx, name: string) {
  const all = await listTags(ctx);
  return all.find((t) => t.name === name)?.id as string;
}

describeEngines('undoing a merge after what it names has changed', (h) => {
  it('gives the contacts the tags their merged-away tags lead to now, keeps trashed ones and skips purged ones', async () => {
    const { ctx } = await h.account();
    const tagged = await createContact(
      ctx,
      { displayName: 'Aaron Tagged', emails: [{ value: 'aaron@example.test' }], tags: ['ml', 'solo', 'old'] },
      'web',
    );
    const kept = await createContact(
      ctx,
      { displayName: 'Aaron T', emails: [{ value: 'aaron2@example.test' }], tags: ['machine learning'] },
      'web',
    );
    const lone = await createContact(ctx, { displayName: 'Nora Nontag' }, 'web');
    const other = await createContact(ctx, { displayName: 'Nora N', tags: ['ml'] }, 'web');
    ctx.clock.advance(1000);
    const { mergeId } = await mergeContacts(ctx, kept.id, tagged.id);
    // The kept contact had no tag of its own here: the one the merge brought must go, under its new name too.
    const second = await mergeContacts(ctx, lone.id, other.id);
    ctx.clock.advance(1000);
    await mergeTags(ctx, await tagId(ctx, 'ml'), { into: await tagId(ctx, 'machine learning') });
    await deleteTag(ctx, await tagId(ctx, 'old'));
    ctx.clock.advance(40 * DAY_MS);
    await purgeTrash(ctx);
    const solo = await tagId(ctx, 'solo');
    await deleteTag(ctx, solo);

    const undone = await undoMerge(ctx, mergeId);
    // "ml" leads to "machine learning"; "solo" waits in the trash; "old" was purged and stays gone.
    expect(undone.restored.tags).toEqual(['machine learning']);
    expect(undone.kept.tags).toEqual(['machine learning']);
    await restoreTag(ctx, solo);
    expect((await getContact(ctx, tagged.id)).tags).toEqual(['machine learning', 'solo']);
    expect((await getContact(ctx, kept.id)).tags).toEqual(['machine learning']);
    const back = await undoMerge(ctx, second.mergeId);
    expect(back.restored.tags).toEqual(['machine learning']);
    expect(back.kept.tags).toEqual([]);
  });

  it('follows organisations merged since, forgets purged ones, and drops links to interactions gone since', async () => {
    const { ctx } = await h.account();
    const kettle = await createContact(
      ctx,
      { displayName: 'Kim Kettle', organisation: 'Kettle Co', title: 'Founder' },
      'web',
    );
    const keep = await createContact(ctx, { displayName: 'Kim K' }, 'web');
    const stay = await createContact(ctx, { displayName: 'Gil G', organisation: 'Stay Inc' }, 'web');
    const gone = await createContact(
      ctx,
      { displayName: 'Gil Gone', organisation: 'Gone Ltd', urls: [{ value: 'linkedin.com/in/gil-g' }] },
      'web',
    );
    // Messages with Gil, from an import undone after the merge: the interactions go, with their links.
    const messages = await importLinkedin(ctx, {
      source: linkedinExport({
        'messages.csv': [
          'CONVERSATION ID,CONVERSATION TITLE,FROM,SENDER PROFILE URL,TO,RECIPIENT PROFILE URLS,DATE,SUBJECT,CONTENT,FOLDER,ATTACHMENTS',
          'c1,,Gil Gone,https://www.linkedin.com/in/gil-g,Me,https://www.linkedin.com/in/me,2026-01-05 10:00:00 UTC,,Hello,INBOX,',
          'c1,,Me,https://www.linkedin.com/in/me,Gil Gone,https://www.linkedin.com/in/gil-g,2026-01-06 10:00:00 UTC,,Hi,INBOX,',
          'c2,,Me,https://www.linkedin.com/in/me,Sam,https://www.linkedin.com/in/sam,2026-01-07 10:00:00 UTC,,Hey,INBOX,',
        ].join('\n'),
      }),
      dryRun: false,
    });
    expect(messages.stats).toMatchObject({ messages: 2 });
    ctx.clock.advance(1000);
    const first = await mergeContacts(ctx, keep.id, kettle.id);
    expect(first.contact.organisation?.name).toBe('Kettle Co');
    const second = await mergeContacts(ctx, stay.id, gone.id);
    ctx.clock.advance(1000);
    const company = await createContact(ctx, { displayName: 'Other', organisation: 'Kettle Company' }, 'web');
    await mergeOrganisations(ctx, first.contact.organisation?.id as string, {
      into: company.organisation?.id as string,
    });
    await undoImport(ctx, messages.id as string);
    await deleteOrganisation(ctx, gone.organisation?.id as string);
    ctx.clock.advance(40 * DAY_MS);
    await purgeTrash(ctx);

    const a = await undoMerge(ctx, first.mergeId);
    expect(a.restored.organisation?.name).toBe('Kettle Company');
    expect(a.kept.organisation).toBeNull();
    const b = await undoMerge(ctx, second.mergeId);
    expect(b.kept.organisation?.name).toBe('Stay Inc');
    expect(b.restored).toMatchObject({ displayName: 'Gil Gone', organisation: null });
    expect(b.restored.linkedinUrl).toBe('https://www.linkedin.com/in/gil-g');
  });

  it('refuses, not fails, when the merged contact has been removed for good since', async () => {
    const { ctx } = await h.account();
    const keep = await createContact(ctx, { displayName: 'Rita Kept' }, 'web');
    const gone = await createContact(ctx, { displayName: 'Rita Gone', tags: ['rare'] }, 'web');
    const { mergeId } = await mergeContacts(ctx, keep.id, gone.id);
    // As undoing the import that had made it once did.
    await ctx.db.deleteFrom('contacts').where('id', '=', gone.id).execute();
    await expect(undoMerge(ctx, mergeId)).rejects.toMatchObject({
      code: 'conflict',
      message: 'Rita Gone no longer exists; this merge cannot be undone',
    });
    expect((await getContact(ctx, keep.id)).tags).toEqual(['rare']);
  });

  it('gives back to the merged person what later imports of that person wrote onto the kept contact', async () => {
    const { ctx } = await h.account();
    const martha = await createContact(
      ctx,
      { displayName: 'Martha Manual', emails: [{ value: 'martha@example.test' }] },
      'web',
    );
    const marthaBefore = await getContact(ctx, martha.id);
    ctx.clock.advance(1000);
    await importLinkedin(ctx, {
      source: connections(`Xavier,Import,${XAVIER},,Kettle Co,Founder,01 Jan 2025`),
      dryRun: false,
    });
    const xavier = (await listContacts(ctx, { q: 'Xavier' })).items[0]?.id as string;
    const xavierBefore = await getContact(ctx, xavier);
    ctx.clock.advance(1000);
    const { mergeId } = await mergeContacts(ctx, martha.id, xavier);
    ctx.clock.advance(1000);
    const newer = connections(`Xavier,Import,${XAVIER},xavier.new@example.test,Teapot Inc,CEO,01 Jan 2025`);
    const whileMerged = await importLinkedin(ctx, { source: newer, dryRun: false });
    expect(whileMerged.stats.updated).toBe(1);
    expect((await getContact(ctx, martha.id)).title).toBe('CEO');
    ctx.clock.advance(1000);

    const { kept, restored } = await undoMerge(ctx, mergeId);
    // Martha is as she was; Xavier is back with his own record, so the newer export is news about him.
    expect(kept).toEqual({ ...marthaBefore, updatedAt: kept.updatedAt });
    expect(restored).toEqual(xavierBefore);
    const sources = await ctx.db
      .selectFrom('contact_sources')
      .select(['contact_id'])
      .where('owner_id', '=', ctx.actor?.accountId as string)
      .where('source_key', 'is not', null)
      .execute();
    expect(sources.map((s) => s.contact_id)).toEqual([xavier]);

    ctx.clock.advance(1000);
    const again = await importLinkedin(ctx, { source: newer, dryRun: false });
    expect(again.stats).toMatchObject({ updated: 1, unchanged: 0 });
    expect(await getContact(ctx, xavier)).toMatchObject({
      organisation: { name: 'Teapot Inc' },
      title: 'CEO',
    });
    expect((await getContact(ctx, xavier)).emails.map((e) => e.value)).toEqual(['xavier.new@example.test']);
    ctx.clock.advance(1000);
    await importLinkedin(ctx, {
      source: connections(`Xavier,Import,${XAVIER},xavier.new@example.test,Teapot Inc,CTO,01 Jan 2025`),
      dryRun: false,
    });
    expect((await getContact(ctx, xavier)).title).toBe('CTO');
    expect(await getContact(ctx, martha.id)).toEqual({ ...marthaBefore, updatedAt: kept.updatedAt });
  });
});
