import { expect, it } from 'vitest';
import { describeEngines } from '../../test/engines';
import { refused } from '../../test/refused';
import { createContact } from '../core/contacts/create-contact';
import { contactIdNamed } from './resolve';

describeEngines('naming a contact on the command line', (h) => {
  it('takes the one contact whose name the text finds over others it finds in notes or how we met', async () => {
    const { ctx } = await h.account();
    const bea = await createContact(ctx, { displayName: 'Bea Novak' }, 'cli');
    await createContact(ctx, { displayName: 'Cole Tran', howWeMet: 'Introduced by Bea Novak' }, 'cli');
    await createContact(ctx, { displayName: 'Dana Beaumont' }, 'cli');
    expect(await contactIdNamed(ctx, 'Bea Novak')).toBe(bea.id);
    expect(await contactIdNamed(ctx, 'novak')).toBe(bea.id);
    // Two names begin with "bea": which one is meant cannot be told.
    const e = await refused(contactIdNamed(ctx, 'bea'), 'validation', /ambiguous/);
    expect(e.details.candidates).toHaveLength(3);
    // Found only outside names: as ambiguous as before.
    await createContact(ctx, { displayName: 'Eve Stone', notes: 'met at Kinetica' }, 'cli');
    await createContact(ctx, { displayName: 'Finn Roe', notes: 'Kinetica alumni' }, 'cli');
    await refused(contactIdNamed(ctx, 'kinetica'), 'validation', /ambiguous/);
  });
});
