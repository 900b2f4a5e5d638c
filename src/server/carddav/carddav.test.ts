import { describe, expect, it } from 'vitest';
import { ENGINES } from '../../../test/engines';
import { serveForTests } from '../../../test/http';

const CARD_NS = 'urn:ietf:params:xml:ns:carddav';

/** A raw HTTP request to the DAV server, with Basic credentials when given. */
async function dav(
  base: string,
  method: string,
  path: string,
  opts: { auth?: [string, string]; body?: string; headers?: Record<string, string> } = {},
) {
  const headers: Record<string, string> = { ...opts.headers };
  if (opts.auth) headers.authorization = `Basic ${Buffer.from(opts.auth.join(':')).toString('base64')}`;
  if (opts.body !== undefined && !headers['content-type'])
    headers['content-type'] = 'application/xml; charset=utf-8';
  const res = await fetch(`${base}${path}`, { method, headers, body: opts.body, redirect: 'manual' });
  return { status: res.status, headers: res.headers, text: await res.text() };
}

const propfind = (...props: string[]) =>
  `<?xml version="1.0"?><x0:propfind xmlns:x0="DAV:" xmlns:x1="${CARD_NS}" xmlns:x2="http://calendarserver.org/ns/"><x0:prop>${props.join('')}</x0:prop></x0:propfind>`;

const multiget = (...hrefs: string[]) =>
  `<C:addressbook-multiget xmlns:D="DAV:" xmlns:C="${CARD_NS}"><D:prop><D:getetag/><C:address-data/></D:prop>${hrefs
    .map((h) => `<D:href>${h}</D:href>`)
    .join('')}</C:addressbook-multiget>`;

/** The hrefs and ETags of the cards in a PROPFIND Depth 1 answer on the address book. */
function cardsIn(xml: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const m of xml.matchAll(
    /<d:response><d:href>([^<]*\.vcf)<\/d:href>.*?<d:getetag>([^<]*)<\/d:getetag>/g,
  )) {
    out.set(
      decodeURIComponent((m[1] as string).split('/').pop() as string),
      (m[2] as string).replace(/&quot;/g, '"'),
    );
  }
  return out;
}

const KATHERINE = [
  'BEGIN:VCARD',
  'VERSION:3.0',
  'UID:phone-katherine',
  'FN:Katherine Johnson',
  'N:Johnson;Katherine;;;',
  'ORG:NASA',
  'EMAIL;TYPE=work:kj@nasa.example',
  'TEL;TYPE=cell:+1 757 555 0100',
  'X-PHONE-ONLY:kept as it was',
  'END:VCARD',
  '',
].join('\r\n');

describe.each(ENGINES)('CardDAV address book [%s]', (engine) => {
  const server = serveForTests(engine);

  async function owner() {
    const user = await server.user('Dorothy Vaughan');
    const token = (await user.post('/api/v1/tokens', { name: 'phone' })).body.token as string;
    const ada = await user.post('/api/v1/contacts', {
      displayName: 'Ada Lovelace',
      organisation: 'Analytical Engines',
      emails: [{ value: 'ada@example.org' }],
      tags: ['math'],
      connectedOn: '2025-03-01',
    });
    const book = `/dav/addressbooks/${user.accountId}/contacts/`;
    return { user, auth: [user.email, token] as [string, string], ada: ada.body.id as string, book };
  }

  it('is discovered from /.well-known/carddav and asks for a login everywhere else', async () => {
    const base = server.base();
    const wellKnown = await dav(base, 'PROPFIND', '/.well-known/carddav', {
      body: propfind('<x0:current-user-principal/>'),
    });
    expect(wellKnown.status).toBe(301);
    expect(wellKnown.headers.get('location')).toBe('/dav/');
    // The server's address as typed in a phone's account settings, before any well-known lookup.
    const root = await dav(base, 'PROPFIND', '/', { body: propfind('<x0:current-user-principal/>') });
    expect(root.status).toBe(301);
    expect(root.headers.get('location')).toBe('/dav/');
    const { user, auth, book } = await owner();
    for (const [method, path] of [
      ['PROPFIND', '/dav/'],
      ['PROPFIND', book],
      ['GET', `${book}x.vcf`],
      ['PUT', `${book}x.vcf`],
      ['DELETE', `${book}x.vcf`],
      ['REPORT', book],
      ['OPTIONS', book],
    ] as const) {
      const anonymous = await dav(base, method, path);
      expect(anonymous.status, `${method} ${path}`).toBe(401);
      expect(anonymous.headers.get('www-authenticate')).toMatch(/^Basic realm="Rapport"/);
    }
    // The account's own password is not an app password, and a token only goes with its own account's e-mail.
    expect((await dav(base, 'PROPFIND', '/dav/', { auth: [user.email, user.password] })).status).toBe(401);
    expect((await dav(base, 'PROPFIND', '/dav/', { auth: ['someone@example.test', auth[1]] })).status).toBe(
      401,
    );
    expect((await dav(base, 'PROPFIND', '/dav/', { auth: [user.email.toUpperCase(), auth[1]] })).status).toBe(
      207,
    );
    const options = await dav(base, 'OPTIONS', book, { auth });
    expect(options.status).toBe(200);
    expect(options.headers.get('dav')).toBe('1, 3, addressbook');
    expect(options.headers.get('allow')).toContain('REPORT');
  });

  it('leads a client from the root to the address book, answering unknown properties with 404', async () => {
    const base = server.base();
    const { user, auth, book } = await owner();
    const root = await dav(base, 'PROPFIND', '/dav/', {
      auth,
      headers: { depth: '0' },
      body: propfind('<x0:current-user-principal/>', '<x0:no-such-thing/>'),
    });
    expect(root.status).toBe(207);
    expect(root.text).toContain(
      `<d:current-user-principal><d:href>/dav/principals/${user.accountId}/</d:href>`,
    );
    expect(root.text).toMatch(
      /<d:propstat><d:prop><d:no-such-thing\/><\/d:prop><d:status>HTTP\/1.1 404 Not Found/,
    );

    const principal = await dav(base, 'PROPFIND', `/dav/principals/${user.accountId}/`, {
      auth,
      headers: { depth: '0' },
      body: propfind('<x1:addressbook-home-set/>', '<x0:displayname/>', '<x0:resourcetype/>'),
    });
    expect(principal.text).toContain(
      `<card:addressbook-home-set><d:href>/dav/addressbooks/${user.accountId}/</d:href>`,
    );
    expect(principal.text).toContain('<d:displayname>Dorothy Vaughan</d:displayname>');
    expect(principal.text).toContain('<d:principal/>');

    const home = await dav(base, 'PROPFIND', `/dav/addressbooks/${user.accountId}/`, {
      auth,
      headers: { depth: '1' },
      body: propfind(
        '<x0:resourcetype/>',
        '<x2:getctag/>',
        '<x0:current-user-privilege-set/>',
        '<x1:supported-address-data/>',
      ),
    });
    expect(home.text).toContain(`<d:href>${book}</d:href>`);
    expect(home.text).toContain('<d:resourcetype><d:collection/><card:addressbook/></d:resourcetype>');
    expect(home.text).toMatch(/<cs:getctag>[^<]+<\/cs:getctag>/);
    expect(home.text).toContain('<d:privilege><d:write-content/></d:privilege>');
    expect(home.text).toContain('<card:address-data-type content-type="text/vcard" version="3.0"/>');

    // An empty body asks for every property.
    const all = await dav(base, 'PROPFIND', book, { auth, headers: { depth: '0' } });
    expect(all.status).toBe(207);
    expect(all.text).toContain('<card:addressbook-multiget/>');
  });

  it('lists the contacts as cards and serves them one by one and in batches', async () => {
    const base = server.base();
    const { auth, ada, book } = await owner();
    const listing = await dav(base, 'PROPFIND', book, {
      auth,
      headers: { depth: '1' },
      body: propfind('<x0:getetag/>', '<x0:getcontenttype/>', '<x0:resourcetype/>'),
    });
    const cards = cardsIn(listing.text);
    expect([...cards.keys()]).toEqual([`${ada}.vcf`]);
    const etag = cards.get(`${ada}.vcf`) as string;
    expect(etag).toMatch(/^"[\w-]+"$/);

    const get = await dav(base, 'GET', `${book}${ada}.vcf`, { auth });
    expect(get.status).toBe(200);
    expect(get.headers.get('content-type')).toBe('text/vcard; charset=utf-8');
    expect(get.headers.get('etag')).toBe(etag);
    expect(get.text).toContain('FN:Ada Lovelace');
    expect(get.text).toContain(`UID:${ada}`);
    expect(get.text).toContain('CATEGORIES:math');
    expect(
      (await dav(base, 'GET', `${book}${ada}.vcf`, { auth, headers: { 'if-none-match': etag } })).status,
    ).toBe(304);

    // Hrefs as paths or absolute URLs, encoded or not; an unknown one is a 404 inside the 207.
    const batch = await dav(base, 'REPORT', book, {
      auth,
      headers: { depth: '1' },
      body: multiget(`${book}${ada}.vcf`, `${base}${book}gone.vcf`),
    });
    expect(batch.status).toBe(207);
    expect(batch.text).toContain(`<d:href>${book}${ada}.vcf</d:href>`);
    expect(batch.text).toContain(`<d:getetag>${etag}</d:getetag>`);
    expect(batch.text).toContain('FN:Ada Lovelace');
    expect(batch.text).toContain(
      `<d:href>${base}${book}gone.vcf</d:href><d:status>HTTP/1.1 404 Not Found</d:status>`,
    );
    // addressbook-query: the cards whose e-mail contains the text (case ignored), with what was asked.
    const query = await dav(base, 'REPORT', book, {
      auth,
      headers: { depth: '1' },
      body: `<C:addressbook-query xmlns:D="DAV:" xmlns:C="${CARD_NS}"><D:prop><D:getetag/><C:address-data/></D:prop><C:filter test="anyof"><C:prop-filter name="EMAIL"><C:text-match collation="i;unicode-casemap" match-type="contains">ADA@</C:text-match></C:prop-filter><C:prop-filter name="FN"><C:text-match match-type="equals">Nobody</C:text-match></C:prop-filter></C:filter></C:addressbook-query>`,
    });
    expect(query.status).toBe(207);
    expect(query.text).toContain(`<d:href>${book}${ada}.vcf</d:href>`);
    expect(query.text).toContain('FN:Ada Lovelace');
    const none = await dav(base, 'REPORT', book, {
      auth,
      body: `<C:addressbook-query xmlns:D="DAV:" xmlns:C="${CARD_NS}"><D:prop><D:getetag/></D:prop><C:filter><C:prop-filter name="TEL"/></C:filter></C:addressbook-query>`,
    });
    expect(none.text).not.toContain('<d:response>');
    // A report we do not make is refused the way RFC 3253 says.
    const other = await dav(base, 'REPORT', book, {
      auth,
      body: '<D:expand-property xmlns:D="DAV:"><D:property name="owner"/></D:expand-property>',
    });
    expect(other.status).toBe(403);
    expect(other.text).toContain('<d:supported-report/>');
  });

  it('adds, changes and removes contacts from a client, with preconditions, keeping its name, UID and unknown lines', async () => {
    const base = server.base();
    const { user, auth, ada, book } = await owner();
    const ctagOf = async () =>
      /<cs:getctag>([^<]+)</.exec(
        (
          await dav(base, 'PROPFIND', book, {
            auth,
            headers: { depth: '0' },
            body: propfind('<x2:getctag/>'),
          })
        ).text,
      )?.[1];
    const ctag = await ctagOf();

    const created = await dav(base, 'PUT', `${book}phone-katherine.vcf`, {
      auth,
      body: KATHERINE,
      headers: { 'content-type': 'text/vcard; charset=utf-8', 'if-none-match': '*' },
    });
    expect(created.status).toBe(201);
    expect(created.headers.get('etag')).toBeNull(); // what comes back is generated, not the bytes sent
    const found = (await user.get('/api/v1/contacts?q=katherine')).body.items;
    expect(found.map((c: { displayName: string }) => c.displayName)).toEqual(['Katherine Johnson']);
    const katherine = (await user.get(`/api/v1/contacts/${found[0].id}`)).body;
    expect(katherine).toMatchObject({
      givenName: 'Katherine',
      familyName: 'Johnson',
      organisation: { name: 'NASA' },
      emails: [{ value: 'kj@nasa.example', label: 'work' }],
      source: 'carddav',
    });
    expect(await ctagOf()).not.toBe(ctag);
    const served = await dav(base, 'GET', `${book}phone-katherine.vcf`, { auth });
    expect(served.text).toContain('UID:phone-katherine');
    expect(served.text).toContain('X-PHONE-ONLY:kept as it was');
    const etag = served.headers.get('etag') as string;

    // Create-only and update-only preconditions.
    const again = await dav(base, 'PUT', `${book}phone-katherine.vcf`, {
      auth,
      body: KATHERINE,
      headers: { 'content-type': 'text/vcard', 'if-none-match': '*' },
    });
    expect(again.status).toBe(412);
    const sameVersion = await dav(base, 'PUT', `${book}phone-katherine.vcf`, {
      auth,
      body: KATHERINE,
      headers: { 'content-type': 'text/vcard', 'if-none-match': etag },
    });
    expect(sameVersion.status).toBe(412);
    const stale = await dav(base, 'PUT', `${book}phone-katherine.vcf`, {
      auth,
      body: KATHERINE.replace('ORG:NASA', 'ORG:Langley'),
      headers: { 'content-type': 'text/vcard', 'if-match': '"not-the-etag"' },
    });
    expect(stale.status).toBe(412);
    expect(
      (await dav(base, 'PUT', `${book}nobody.vcf`, { auth, body: KATHERINE, headers: { 'if-match': etag } }))
        .status,
    ).toBe(412);

    // An edit of a card the server made: the fields change, the date connected (no vCard field) stays.
    const adaCard = await dav(base, 'GET', `${book}${ada}.vcf`, { auth });
    const edited = await dav(base, 'PUT', `${book}${ada}.vcf`, {
      auth,
      body: adaCard.text.replace('ORG:Analytical Engines', 'ORG:Analytical Engines\r\nTITLE:Countess'),
      headers: { 'content-type': 'text/vcard', 'if-match': adaCard.headers.get('etag') as string },
    });
    expect(edited.status).toBe(204);
    expect((await user.get(`/api/v1/contacts/${ada}`)).body).toMatchObject({
      title: 'Countess',
      connectedOn: '2025-03-01',
      tags: ['math'],
      emails: [{ value: 'ada@example.org' }],
    });

    // A body that is not a vCard is refused and stores nothing.
    const bad = await dav(base, 'PUT', `${book}bad.vcf`, {
      auth,
      body: 'hello',
      headers: { 'content-type': 'text/vcard' },
    });
    expect(bad.status).toBe(403);
    expect(bad.text).toMatch(/<d:error[^>]*><card:valid-address-data[ /]/);
    const tooBig = await dav(base, 'PUT', `${book}big.vcf`, {
      auth,
      body: KATHERINE.replace('END:VCARD', `NOTE:${'x'.repeat(1_100_000)}\r\nEND:VCARD`),
      headers: { 'content-type': 'text/vcard' },
    });
    expect(tooBig.status).toBe(413);
    expect(tooBig.text).toMatch(/<d:error[^>]*><card:max-resource-size[ /]/);
    const tooBigQuery = await dav(base, 'REPORT', book, { auth, body: `<x/>${' '.repeat(1_100_000)}` });
    expect(tooBigQuery.status).toBe(413);
    expect(tooBigQuery.text).toMatch(/^The request is over 1048576 bytes/);
    expect((await user.get('/api/v1/contacts')).body.items).toHaveLength(2);

    // Removal: a stale ETag is refused; then the contact goes to the trash and the card is gone.
    expect(
      (await dav(base, 'DELETE', `${book}phone-katherine.vcf`, { auth, headers: { 'if-match': '"old"' } }))
        .status,
    ).toBe(412);
    expect((await dav(base, 'DELETE', `${book}phone-katherine.vcf`, { auth })).status).toBe(204);
    expect((await dav(base, 'DELETE', `${book}phone-katherine.vcf`, { auth })).status).toBe(404);
    expect((await dav(base, 'GET', `${book}phone-katherine.vcf`, { auth })).status).toBe(404);
    const trash = (await user.get('/api/v1/trash')).body.contacts.map(
      (c: { displayName: string }) => c.displayName,
    );
    expect(trash).toEqual(['Katherine Johnson']);

    // Nothing is writable by PROPPATCH.
    const patch = await dav(base, 'PROPPATCH', book, {
      auth,
      body: '<d:propertyupdate xmlns:d="DAV:"><d:set><d:prop><d:displayname>Mine</d:displayname></d:prop></d:set></d:propertyupdate>',
    });
    expect(patch.status).toBe(207);
    expect(patch.text).toContain('HTTP/1.1 403 Forbidden');
  });

  it('answers 404 to a PROPPATCH of a card that is not there, trashed, or not the actor’s', async () => {
    const base = server.base();
    const mine = await owner();
    const intruder = await owner();
    const body =
      '<d:propertyupdate xmlns:d="DAV:"><d:set><d:prop><d:displayname>Mine</d:displayname></d:prop></d:set></d:propertyupdate>';
    // A card that is there: every property is protected (207 of 403s).
    const there = await dav(base, 'PROPPATCH', `${mine.book}${mine.ada}.vcf`, { auth: mine.auth, body });
    expect(there.status).toBe(207);
    expect(there.text).toContain('HTTP/1.1 403 Forbidden');
    // Not there: as GET and DELETE answer.
    const missing = await dav(base, 'PROPPATCH', `${mine.book}nobody.vcf`, { auth: mine.auth, body });
    expect(missing.status).toBe(404);
    expect(missing.text).not.toContain('multistatus');
    // Another account's card, under its book or named under the intruder's own: the same 404, nothing shown.
    for (const path of [`${mine.book}${mine.ada}.vcf`, `${intruder.book}${mine.ada}.vcf`]) {
      const theirs = await dav(base, 'PROPPATCH', path, { auth: intruder.auth, body });
      expect([theirs.status, theirs.text], path).toEqual([missing.status, missing.text]);
    }
    // A trashed contact's card is gone too.
    await mine.user.delete(`/api/v1/contacts/${mine.ada}`);
    expect(
      (await dav(base, 'PROPPATCH', `${mine.book}${mine.ada}.vcf`, { auth: mine.auth, body })).status,
    ).toBe(404);
  });

  it('keeps an imported photo a phone leaves out of the card it writes back, and drops one the phone wrote and removed', async () => {
    const base = server.base();
    const { user, auth, book } = await owner();
    const photo = Buffer.from(Array.from({ length: 4000 }, (_, i) => (i * 7) % 256)).toString('base64');
    const card = (name: string, extra = '') =>
      [
        'BEGIN:VCARD',
        'VERSION:3.0',
        `FN:${name}`,
        `EMAIL:${name.split(' ')[0]}@example.org`,
        extra,
        'END:VCARD',
      ]
        .filter(Boolean)
        .join('\r\n');
    const imported = await user.upload(
      '/api/v1/imports?kind=vcard',
      'google.vcf',
      `${card('Mary Jackson', `PHOTO;ENCODING=b;TYPE=JPEG:${photo}`)}\r\n`,
    );
    expect(imported.status).toBe(201);
    const mary = (await user.get('/api/v1/contacts?q=Mary')).body.items[0].id as string;
    const href = `${book}${mary}.vcf`;
    const served = await dav(base, 'GET', href, { auth });
    expect(served.text).toContain('PHOTO;ENCODING=b;TYPE=JPEG:');
    // The phone cannot keep the photo: its edit comes back without it, against the ETag it was served.
    const withoutPhoto = served.text
      .split('\r\n')
      .filter((l) => !l.startsWith('PHOTO') && !l.startsWith(' '))
      .join('\r\n')
      .replace('FN:Mary Jackson', 'FN:Mary Winston Jackson');
    const put = await dav(base, 'PUT', href, {
      auth,
      headers: { 'content-type': 'text/vcard', 'if-match': served.headers.get('etag') as string },
      body: withoutPhoto,
    });
    expect(put.status).toBe(204);
    expect((await user.get(`/api/v1/contacts/${mary}`)).body).toMatchObject({
      displayName: 'Mary Winston Jackson',
      photo: { url: `/api/v1/contacts/${mary}/photo` },
    });
    expect((await dav(base, 'GET', href, { auth })).text).toContain('PHOTO;ENCODING=b;TYPE=JPEG:');

    // A photo the phone itself wrote, then a card without it: the owner removed it there.
    const dorothy = `${book}dorothy.vcf`;
    const created = await dav(base, 'PUT', dorothy, {
      auth,
      headers: { 'content-type': 'text/vcard', 'if-none-match': '*' },
      body: card('Dorothy Vaughan', `PHOTO;ENCODING=b;TYPE=JPEG:${photo}`),
    });
    expect(created.status).toBe(201);
    const etag = (await dav(base, 'GET', dorothy, { auth })).headers.get('etag') as string;
    const removed = await dav(base, 'PUT', dorothy, {
      auth,
      headers: { 'content-type': 'text/vcard', 'if-match': etag },
      body: card('Dorothy Vaughan'),
    });
    expect(removed.status).toBe(204);
    expect((await dav(base, 'GET', dorothy, { auth })).text).not.toContain('PHOTO');
  });

  it('keeps how we met, the location and custom fields when a phone writes back a card without any of its X- lines', async () => {
    const base = server.base();
    const { user, auth, book } = await owner();
    const id = (
      await user.post('/api/v1/contacts', {
        displayName: 'Christine Darden',
        emails: [{ value: 'cd@example.org' }],
        howWeMet: 'Sonic boom talk',
        location: 'Hampton',
        customFields: { Team: 'Supersonics' },
      })
    ).body.id as string;
    const href = `${book}${id}.vcf`;
    const served = await dav(base, 'GET', href, { auth });
    expect(served.text).toContain('X-RAPPORT-EXTRA;X-KEY=How we met:Sonic boom talk');
    const put = await dav(base, 'PUT', href, {
      auth,
      headers: { 'content-type': 'text/vcard', 'if-match': served.headers.get('etag') as string },
      body: served.text
        .split('\r\n')
        .filter((l) => !l.startsWith('X-'))
        .join('\r\n')
        .replace('END:VCARD', 'TITLE:Engineer\r\nEND:VCARD'),
    });
    expect(put.status).toBe(204);
    const after = (await user.get(`/api/v1/contacts/${id}`)).body;
    expect(after).toMatchObject({
      title: 'Engineer',
      howWeMet: 'Sonic boom talk',
      location: 'Hampton',
      customFields: { Team: 'Supersonics' },
      history: [],
    });
  });

  it('refuses a PUT that is not exactly one whole vCard with 403 valid-address-data, changing nothing', async () => {
    const base = server.base();
    const { user, auth, ada, book } = await owner();
    const adaCard = `${book}${ada}.vcf`;
    const before = await dav(base, 'GET', adaCard, { auth });
    const contactBefore = (await user.get(`/api/v1/contacts/${ada}`)).body;
    const bodies: [string, string][] = [
      ['cut before END:VCARD', 'BEGIN:VCARD\r\nVERSION:3.0\r\nFN:A\r\n'],
      ['cut mid-line', 'BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Ada Lovelace\r\nEMAIL:ada@exa'],
      ['cut, then a whole card', `BEGIN:VCARD\r\nVERSION:3.0\r\nFN:A\r\n${KATHERINE}`],
      ['two cards (RFC 6352 §5.1)', `${KATHERINE}${KATHERINE.replace('Katherine Johnson', 'Other')}`],
      ['not a vCard', 'FN:Ada Lovelace\r\nEMAIL:ada@example.org\r\n'],
      ['an iCalendar', 'BEGIN:VCALENDAR\r\nVERSION:2.0\r\nEND:VCALENDAR\r\n'],
      ['text before the card', `NOTE:not in the card\r\n${KATHERINE}`],
      ['text after the card', `${KATHERINE}EMAIL:stray@example.org\r\n`],
      // More than a contact keeps: stored shortened, the phone's next sync would shorten its own copy too.
      ['a note too long to keep', KATHERINE.replace('END:VCARD', `NOTE:${'n'.repeat(20_001)}\r\nEND:VCARD`)],
      [
        'more e-mail addresses than a contact keeps',
        KATHERINE.replace(
          'END:VCARD',
          `${Array.from({ length: 101 }, (_, i) => `EMAIL:k${i}@nasa.example\r\n`).join('')}END:VCARD`,
        ),
      ],
    ];
    for (const [label, body] of bodies) {
      // To a new name and over an existing card (unconditionally and with its right ETag): refused alike.
      for (const [path, headers] of [
        [`${book}new.vcf`, {}],
        [adaCard, {}],
        [adaCard, { 'if-match': before.headers.get('etag') as string }],
      ] as const) {
        const r = await dav(base, 'PUT', path, {
          auth,
          body,
          headers: { 'content-type': 'text/vcard; charset=utf-8', ...headers },
        });
        expect(r.status, `${label} → ${path}`).toBe(403);
        expect(r.headers.get('content-type')).toMatch(/^application\/xml/);
        expect(r.text).toMatch(/<d:error[^>]*><card:valid-address-data[ /]/);
        // With a one-line reason beside the precondition.
        const reason = /<r:reason[^>]*>([^<]+)<\/r:reason>/.exec(r.text)?.[1] ?? '';
        expect(reason, label).toMatch(/^Not a card this address book can keep: \S/);
        expect(reason).not.toMatch(/[\r\n]/);
      }
    }
    expect(
      /<r:reason[^>]*>([^<]+)</.exec(
        (await dav(base, 'PUT', `${book}cut.vcf`, { auth, body: (bodies[0] as [string, string])[1] })).text,
      )?.[1],
    ).toContain('END:VCARD');
    // The reason names the value that would not fit.
    expect(
      /<r:reason[^>]*>([^<]+)</.exec(
        (await dav(base, 'PUT', `${book}long.vcf`, { auth, body: (bodies[8] as [string, string])[1] })).text,
      )?.[1],
    ).toMatch(/notes is 20,001 characters long; at most 20,000 fit: nothing was stored/);
    // A Content-Type that is no media type: 400 in DAV's plain text, naming it, not the API's advice to send JSON.
    const badType = await dav(base, 'PUT', `${book}typo.vcf`, {
      auth,
      body: KATHERINE,
      headers: { 'content-type': 'vcard' },
    });
    expect([badType.status, badType.text]).toEqual([
      400,
      'The Content-Type "vcard" is not a media type: send cards as text/vcard\n',
    ]);
    // Nothing stored, nothing changed: the existing card serves the same bytes under the same ETag.
    const after = await dav(base, 'GET', adaCard, { auth });
    expect([after.text, after.headers.get('etag')]).toEqual([before.text, before.headers.get('etag')]);
    expect((await user.get(`/api/v1/contacts/${ada}`)).body).toEqual(contactBefore);
    expect((await user.get('/api/v1/contacts')).body.items).toHaveLength(1);
    for (const name of ['new.vcf', 'cut.vcf', 'long.vcf', 'typo.vcf'])
      expect((await dav(base, 'GET', `${book}${name}`, { auth })).status).toBe(404);
  });

  it('keeps a card with more phone numbers, e-mails, links and dates than a person form shows, every value of it', async () => {
    const base = server.base();
    const { user, auth, book } = await owner();
    const lines = (n: number, line: (i: number) => string) =>
      Array.from({ length: n }, (_, i) => `${line(i)}\r\n`).join('');
    const many = KATHERINE.replace(
      'END:VCARD',
      `${lines(29, (i) => `TEL;TYPE=WORK:+1 757 555 ${String(1000 + i)}`)}${lines(25, (i) => `EMAIL:k${i}@nasa.example`)}` +
        `${lines(22, (i) => `URL:https://nasa.example/${i}`)}${lines(21, (i) => `item${i + 1}.X-ABDATE:20${String(i).padStart(2, '0')}-01-02\r\nitem${i + 1}.X-ABLabel:Launch`)}END:VCARD`,
    );
    const put = await dav(base, 'PUT', `${book}switchboard.vcf`, {
      auth,
      body: many,
      headers: { 'content-type': 'text/vcard; charset=utf-8', 'if-none-match': '*' },
    });
    expect(put.status, put.text).toBe(201);
    const id = (await user.get('/api/v1/contacts?q=katherine')).body.items[0].id as string;
    const contact = (await user.get(`/api/v1/contacts/${id}`)).body;
    expect([contact.phones.length, contact.emails.length, contact.urls.length, contact.dates.length]).toEqual(
      [30, 26, 22, 21],
    );
    const served = (await dav(base, 'GET', `${book}switchboard.vcf`, { auth })).text;
    expect(served.match(/^TEL/gm)).toHaveLength(30);
    expect(served).toContain('+1 757 555 1028');
    // The web app saves such a contact back whole.
    const saved = await user.patch(`/api/v1/contacts/${id}`, { ...contact, title: 'Switchboard' });
    expect(saved.status).toBe(200);
    expect(saved.body.phones).toHaveLength(30);
  });

  it('answers a card with the UID of another card with 409 no-uid-conflict naming that card, and a card of a contact in the trash by bringing it back', async () => {
    const base = server.base();
    const { user, auth, ada, book } = await owner();
    const adaCard = await dav(base, 'GET', `${book}${ada}.vcf`, { auth });
    const copy = await dav(base, 'PUT', `${book}ada-copy.vcf`, {
      auth,
      body: adaCard.text,
      headers: { 'content-type': 'text/vcard; charset=utf-8', 'if-none-match': '*' },
    });
    expect(copy.status).toBe(409);
    expect(copy.text).toContain(`<d:href>${book}${ada}.vcf</d:href></card:no-uid-conflict>`);
    expect(copy.text).toMatch(/<d:error[^>]*><card:no-uid-conflict[ >]/);
    expect((await user.get('/api/v1/contacts')).body.items).toHaveLength(1);
    // Deleted here, written back by a phone that kept an edited copy: the same contact, and one card.
    expect((await user.delete(`/api/v1/contacts/${ada}`)).status).toBe(200);
    const back = await dav(base, 'PUT', `${book}${ada}.vcf`, {
      auth,
      body: adaCard.text.replace('FN:Ada Lovelace', 'FN:Ada King'),
      headers: { 'content-type': 'text/vcard; charset=utf-8', 'if-none-match': '*' },
    });
    expect(back.status).toBe(201);
    expect((await user.get('/api/v1/contacts')).body.items.map((c: { id: string }) => c.id)).toEqual([ada]);
    const listing = await dav(base, 'PROPFIND', book, { auth, headers: { depth: '1' } });
    expect(listing.status).toBe(207);
    expect(listing.text.split(`${ada}.vcf`)).toHaveLength(2);
  });

  it('answers an addressbook-query naming a collation or match-type it does not offer with 403; i;octet keeps case', async () => {
    const base = server.base();
    const { auth, ada, book } = await owner();
    const query = (matches: string) =>
      `<C:addressbook-query xmlns:D="DAV:" xmlns:C="${CARD_NS}"><D:prop><D:getetag/></D:prop><C:filter test="anyof">${matches}</C:filter></C:addressbook-query>`;
    const found = async (collation: string | null, text: string, matchType = 'contains', name = 'EMAIL') => {
      const attr = collation === null ? '' : ` collation="${collation}"`;
      const r = await dav(base, 'REPORT', book, {
        auth,
        body: query(
          `<C:prop-filter name="${name}"><C:text-match${attr} match-type="${matchType}">${text}</C:text-match></C:prop-filter>`,
        ),
      });
      expect(r.status).toBe(207);
      return r.text.includes(`<d:href>${book}${ada}.vcf</d:href>`);
    };
    // Case ignored by default and by both casemaps; i;octet compares the exact characters.
    expect(await found(null, 'ADA@')).toBe(true);
    expect(await found('i;ascii-casemap', 'ADA@')).toBe(true);
    expect(await found('i;unicode-casemap', 'ADA@')).toBe(true);
    expect(await found('i;octet', 'ada@')).toBe(true);
    expect(await found('i;octet', 'ADA@')).toBe(false);
    expect(await found('i;octet', 'Ada Lovelace', 'equals', 'FN')).toBe(true);
    expect(await found('i;octet', 'ada lovelace', 'equals', 'FN')).toBe(false);
    expect(await found('i;unicode-casemap', 'ada lovelace', 'equals', 'FN')).toBe(true);

    for (const [label, matches] of [
      [
        'an unknown collation',
        '<C:prop-filter name="FN"><C:text-match collation="i;basic">Ada</C:text-match></C:prop-filter>',
      ],
      [
        'one unknown collation among known ones',
        '<C:prop-filter name="FN"><C:text-match collation="i;octet">Ada</C:text-match></C:prop-filter><C:prop-filter name="EMAIL"><C:text-match collation="en-US">ada</C:text-match></C:prop-filter>',
      ],
      [
        'an unknown collation in a param-filter',
        '<C:prop-filter name="EMAIL"><C:param-filter name="TYPE"><C:text-match collation="i;klingon">work</C:text-match></C:param-filter></C:prop-filter>',
      ],
    ] as const) {
      const r = await dav(base, 'REPORT', book, { auth, body: query(matches) });
      expect(r.status, label).toBe(403);
      expect(r.headers.get('content-type')).toMatch(/^application\/xml/);
      expect(r.text).toMatch(/<d:error[^>]*><card:supported-collation[ /]/);
      expect(r.text).toMatch(/<r:reason[^>]*>collation "[^"]+" is not supported; use i;ascii-casemap/);
      expect(r.text).not.toContain('Ada Lovelace');
    }
    // A match-type RFC 6352 does not define is refused the same way, not read as "contains".
    const odd = await dav(base, 'REPORT', book, {
      auth,
      body: query(
        '<C:prop-filter name="FN"><C:text-match match-type="regex">^Ada</C:text-match></C:prop-filter>',
      ),
    });
    expect(odd.status).toBe(403);
    expect(odd.text).toMatch(/<d:error[^>]*><card:supported-filter[ /]/);
    expect(odd.text).toMatch(/<r:reason[^>]*>match-type "regex" is not supported; use equals, contains/);
    expect(await found(null, 'Ada Lovelace', 'starts-with', 'FN')).toBe(true);
  });

  it('tells a syncing client what changed and what went since its token (RFC 6578)', async () => {
    const base = server.base();
    const { user, auth, ada, book } = await owner();
    const syncBody = (token: string, data = false) =>
      `<d:sync-collection xmlns:d="DAV:" xmlns:c="${CARD_NS}"><d:sync-token>${token}</d:sync-token><d:prop><d:getetag/>${data ? '<c:address-data/>' : ''}</d:prop></d:sync-collection>`;
    const tokenIn = (xml: string) =>
      /<d:sync-token>([^<]+)<\/d:sync-token><\/d:multistatus>/.exec(xml)?.[1] as string;
    const advertised = await dav(base, 'PROPFIND', book, {
      auth,
      headers: { depth: '0' },
      body: propfind('<x0:sync-token/>', '<x0:supported-report-set/>'),
    });
    expect(advertised.text).toContain('<d:sync-collection/>');
    const first = await dav(base, 'REPORT', book, { auth, body: syncBody('', true) });
    expect(first.status).toBe(207);
    expect(first.text).toContain(`<d:href>${book}${ada}.vcf</d:href>`);
    expect(first.text).toContain('FN:Ada Lovelace');
    const token = tokenIn(first.text);
    expect(advertised.text).toContain(`<d:sync-token>${token}</d:sync-token>`);

    const bob = (await user.post('/api/v1/contacts', { displayName: 'Bob Noyce' })).body.id;
    await user.patch(`/api/v1/contacts/${ada}`, { title: 'Countess' });
    const carl = (await user.post('/api/v1/contacts', { displayName: 'Carl Sagan' })).body.id;
    await user.delete(`/api/v1/contacts/${carl}`);
    const next = await dav(base, 'REPORT', book, { auth, body: syncBody(token) });
    expect(next.status).toBe(207);
    const hrefs = [...next.text.matchAll(/<d:href>([^<]+)<\/d:href>/g)].map((m) => m[1]);
    expect(hrefs.sort()).toEqual([`${book}${ada}.vcf`, `${book}${bob}.vcf`].sort());
    const later = tokenIn(next.text);
    expect(later).not.toBe(token);

    // A contact deleted after the client saw it comes back as removed.
    await user.delete(`/api/v1/contacts/${bob}`);
    const gone = await dav(base, 'REPORT', book, { auth, body: syncBody(later) });
    expect(gone.text).toContain(
      `<d:response><d:href>${book}${bob}.vcf</d:href><d:status>HTTP/1.1 404 Not Found</d:status>`,
    );
    const quiet = await dav(base, 'REPORT', book, { auth, body: syncBody(tokenIn(gone.text)) });
    expect(quiet.text).not.toContain('<d:response>');
    for (const bad of ['urn:rapport:carddav:sync:999', 'https://elsewhere.example/sync/1', 'nonsense']) {
      const refused = await dav(base, 'REPORT', book, { auth, body: syncBody(bad) });
      expect(refused.status).toBe(403);
      expect(refused.text).toContain('<d:valid-sync-token/>');
    }
  });

  it('answers a sync with a limit a page at a time, a 507 for the collection and a token for the rest (RFC 6578 §3.7)', async () => {
    const base = server.base();
    const { user, auth, ada, book } = await owner();
    const ids = [ada];
    for (const name of ['Bob Noyce', 'Carl Sagan', 'Dian Fossey', 'Emmy Noether'])
      ids.push((await user.post('/api/v1/contacts', { displayName: name })).body.id);
    const syncBody = (token: string, limit: number) =>
      `<d:sync-collection xmlns:d="DAV:"><d:sync-token>${token}</d:sync-token><d:sync-level>1</d:sync-level><d:limit><d:nresults>${limit}</d:nresults></d:limit><d:prop><d:getetag/></d:prop></d:sync-collection>`;
    const page = async (token: string, limit: number) => {
      const r = await dav(base, 'REPORT', book, { auth, body: syncBody(token, limit) });
      expect(r.status).toBe(207);
      const cards = [...r.text.matchAll(/<d:href>[^<]*\/([^/<]+\.vcf)<\/d:href><d:(propstat|status)>/g)].map(
        (m) => `${m[2] === 'status' ? '-' : ''}${m[1]}`,
      );
      const cut = r.text.includes(
        `<d:response><d:href>${book}</d:href><d:status>HTTP/1.1 507 Insufficient Storage</d:status><d:error><d:number-of-matches-within-limits/></d:error></d:response>`,
      );
      const next = /<d:sync-token>([^<]+)<\/d:sync-token><\/d:multistatus>/.exec(r.text)?.[1] as string;
      return { cards, cut, next };
    };
    // A first sync, two at a time: every card exactly once, then a token as complete as one without a limit.
    const seen: string[] = [];
    let token = '';
    for (let i = 0; ; i++) {
      const p = await page(token, 2);
      expect(p.cards.length).toBeLessThanOrEqual(2);
      seen.push(...p.cards);
      token = p.next;
      if (!p.cut) break;
      expect(i).toBeLessThan(5);
    }
    expect(seen.sort()).toEqual(ids.map((id) => `${id}.vcf`).sort());
    expect((await page(token, 2)).cards).toEqual([]);
    // Changes since, cut the same way: a removal comes as one of them.
    await user.patch(`/api/v1/contacts/${ids[1]}`, { title: 'Engineer' });
    await user.delete(`/api/v1/contacts/${ids[2]}`);
    await user.patch(`/api/v1/contacts/${ids[3]}`, { title: 'Primatologist' });
    const first = await page(token, 2);
    expect(first.cut).toBe(true);
    const second = await page(first.next, 2);
    expect(second.cut).toBe(false);
    expect([...first.cards, ...second.cards].sort()).toEqual(
      [`${ids[1]}.vcf`, `-${ids[2]}.vcf`, `${ids[3]}.vcf`].sort(),
    );
    // A cut token written otherwise than given out is refused.
    for (const forged of [
      `${first.next}=`,
      `${first.next.split('.')[0]}.`,
      `${first.next.split('.')[0]}.5`,
    ]) {
      const r = await dav(base, 'REPORT', book, { auth, body: syncBody(forged, 2) });
      expect(r.status, forged).toBe(403);
      expect(r.text).toContain('<d:valid-sync-token/>');
    }
  });

  it('tells a read-only token the address book is read-only, so a phone does not offer edits it cannot upload', async () => {
    const base = server.base();
    const { user, auth, book } = await owner();
    const reader = (await user.post('/api/v1/tokens', { name: 'reader', scope: 'read' })).body
      .token as string;
    const privileges = async (login: [string, string]) => {
      const r = await dav(base, 'PROPFIND', book, {
        auth: login,
        headers: { depth: '0' },
        body: propfind('<x0:current-user-privilege-set/>'),
      });
      expect(r.status).toBe(207);
      return [...r.text.matchAll(/<d:privilege><d:([a-z-]+)\/><\/d:privilege>/g)].map((m) => m[1]);
    };
    expect(await privileges(auth)).toEqual(['read', 'write', 'write-content', 'bind', 'unbind']);
    expect(await privileges([user.email, reader])).toEqual(['read']);
    const put = await dav(base, 'PUT', `${book}k.vcf`, {
      auth: [user.email, reader],
      body: KATHERINE,
      headers: { 'content-type': 'text/vcard' },
    });
    expect(put.status).toBe(403);
  });

  it("shows a changed contact as a new ETag, whatever changed it (here: its organisation's name)", async () => {
    const base = server.base();
    const { user, auth, ada, book } = await owner();
    const before = (await dav(base, 'GET', `${book}${ada}.vcf`, { auth })).headers.get('etag');
    const org = (await user.get(`/api/v1/contacts/${ada}`)).body.organisation.id;
    await user.patch(`/api/v1/organisations/${org}`, { name: 'Analytical Engine Society' });
    const after = await dav(base, 'GET', `${book}${ada}.vcf`, { auth });
    expect(after.headers.get('etag')).not.toBe(before);
    expect(after.text).toContain('ORG:Analytical Engine Society');
  });

  it("never shows or changes another account's address book", async () => {
    const base = server.base();
    const mine = await owner();
    const intruder = await owner();
    for (const [method, path, body] of [
      ['PROPFIND', mine.book, undefined],
      ['PROPFIND', `/dav/principals/${mine.user.accountId}/`, undefined],
      ['PROPFIND', `/dav/addressbooks/${mine.user.accountId}/`, undefined],
      ['GET', `${mine.book}${mine.ada}.vcf`, undefined],
      ['PUT', `${mine.book}${mine.ada}.vcf`, KATHERINE],
      ['PUT', `${mine.book}new.vcf`, KATHERINE],
      ['DELETE', `${mine.book}${mine.ada}.vcf`, undefined],
      ['REPORT', mine.book, multiget(`${mine.book}${mine.ada}.vcf`)],
    ] as const) {
      const r = await dav(base, method, path, { auth: intruder.auth, body, headers: { depth: '1' } });
      expect(r.status, `${method} ${path}`).toBe(404);
      expect(r.text).not.toContain('Ada Lovelace');
    }
    // My card named under the intruder's own address book is not there either.
    expect((await dav(base, 'GET', `${intruder.book}${mine.ada}.vcf`, { auth: intruder.auth })).status).toBe(
      404,
    );
    expect(
      (await dav(base, 'DELETE', `${intruder.book}${mine.ada}.vcf`, { auth: intruder.auth })).status,
    ).toBe(404);
    const still = (await mine.user.get(`/api/v1/contacts/${mine.ada}`)).body;
    expect(still).toMatchObject({ displayName: 'Ada Lovelace', title: null, deletedAt: null });
    expect((await mine.user.get('/api/v1/contacts')).body.items).toHaveLength(1);
    // The intruder's token with my e-mail address is no login at all.
    expect(
      (await dav(base, 'PROPFIND', mine.book, { auth: [mine.user.email, intruder.auth[1]] })).status,
    ).toBe(401);
  });
});
