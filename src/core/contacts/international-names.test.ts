import { expect, it } from 'vitest';
import { describeEngines } from '../../../test/engines';
import type { Ctx } from '../context';
import { findDuplicates } from '../duplicates/find-duplicates';
import { importVcard } from '../imports/import-vcard';
import { createContact } from './create-contact';
import { listContacts } from './list-contacts';
import { updateContact } from './update-contact';

const names = async (ctx: Ctx, q: string) =>
  (await listContacts(ctx, { q })).items.map((c) => c.displayName).sort();

// A Warsaw consultant's rolodex: Turkish, German, Japanese and Chinese names, some spelt two ways.
async function rolodex(ctx: Ctx) {
  for (const [displayName, givenName, familyName] of [
    ['İpek Işık', 'İpek', 'Işık'],
    ['Ipek Isik', 'Ipek', 'Isik'],
    ['Anna Müller', 'Anna', 'Müller'],
    ['Anna Mueller', 'Anna', 'Mueller'],
    ['山田 太郎', '太郎', '山田'],
    ['王小明', null, null],
    ['山田太郎', null, null],
  ] as const)
    await createContact(ctx, { displayName, givenName, familyName }, 'web');
}

describeEngines('international names', (h) => {
  it('finds Turkish, German, Chinese and Japanese names by how people type them', async () => {
    const { ctx } = await h.account();
    await rolodex(ctx);
    // Dotless ı folds to i, as dotted İ does.
    expect(await names(ctx, 'isik')).toEqual(['Ipek Isik', 'İpek Işık']);
    expect(await names(ctx, 'IŞIK')).toEqual(['Ipek Isik', 'İpek Işık']);
    // Umlauts spelt out find the name with them (and plain u still does).
    expect(await names(ctx, 'mueller')).toEqual(['Anna Mueller', 'Anna Müller']);
    expect(await names(ctx, 'muller')).toEqual(['Anna Müller']);
    // Any part of a name written without spaces, and the spaced name typed without its space.
    expect(await names(ctx, '小明')).toEqual(['王小明']);
    expect(await names(ctx, '明')).toEqual(['王小明']);
    expect(await names(ctx, '太郎')).toEqual(['山田 太郎', '山田太郎']);
    expect(await names(ctx, '山田太郎')).toEqual(['山田 太郎', '山田太郎']);
  });

  it('finds people by their nickname, emoji and all, however they came in', async () => {
    const { ctx } = await h.account();
    const jose = await createContact(ctx, { displayName: 'José Ñúñez', nickname: 'Pepe 🎸' }, 'web');
    await importVcard(ctx, {
      source: new TextEncoder().encode(
        'BEGIN:VCARD\r\nVERSION:3.0\r\nFN:İpek Işık\r\nNICKNAME:İpo 😀\r\nEND:VCARD\r\n',
      ),
      fileName: 'ipek.vcf',
      dryRun: false,
    });
    expect(await names(ctx, 'pepe')).toEqual(['José Ñúñez']);
    expect(await names(ctx, 'ipo')).toEqual(['İpek Işık']);
    await updateContact(ctx, jose.id, { nickname: 'Chema' }, 'web');
    expect(await names(ctx, 'pepe')).toEqual([]);
    expect(await names(ctx, 'chema')).toEqual(['José Ñúñez']);
  });

  it('suggests one name spelt two ways as a possible duplicate', async () => {
    const { ctx } = await h.account();
    await rolodex(ctx);
    const pairs = (await findDuplicates(ctx)).items.map((p) =>
      [p.a.displayName, p.b.displayName].sort().join(' + '),
    );
    expect(pairs.sort()).toEqual([
      'Anna Mueller + Anna Müller',
      'Ipek Isik + İpek Işık',
      '山田 太郎 + 山田太郎',
    ]);
  });
});
