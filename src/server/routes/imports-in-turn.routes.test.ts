import { describe, expect, it } from 'vitest';
import { syntheticConnectionsCsv } from '../../../bench/synthetic';
import { ENGINES } from '../../../test/engines';
import { serveForTests } from '../../../test/http';

describe.each(ENGINES)('imports sent at once take turns [%s]', (engine) => {
  const server = serveForTests(engine);

  it('a second import while a large one runs waits its turn: neither is refused, each is stored whole', async () => {
    const ada = await server.tokenUser();
    const bob = await server.tokenUser();
    const watcher = await server.tokenUser();
    const answered: string[] = [];
    const large = ada
      .upload('/api/v1/imports?kind=linkedin', 'Connections.csv', syntheticConnectionsCsv(6000))
      .then((r) => {
        answered.push('large');
        return r;
      });
    // Sent once the large upload has been read and its import is under way (it takes seconds).
    await new Promise((resolve) => setTimeout(resolve, 1000));
    const small = bob
      .upload('/api/v1/imports?kind=linkedin', 'Connections.csv', syntheticConnectionsCsv(3))
      .then((r) => {
        answered.push('small');
        return r;
      });
    // Other requests are not in the queue.
    expect((await watcher.get('/api/v1/contacts?limit=1')).status).toBe(200);
    const [l, s] = await Promise.all([large, small]);
    expect([l.status, s.status]).toEqual([201, 201]);
    expect([l.body.stats.created, s.body.stats.created]).toEqual([5988, 3]);
    // Before, both ran at once: the small one was answered first, while the large one still held the memory.
    expect(answered).toEqual(['large', 'small']);
  });

  it('passes the turn on after an import that fails', async () => {
    const ada = await server.tokenUser();
    const bad = await ada.upload('/api/v1/imports?kind=vcard', 'empty.vcf', 'not a card');
    expect(bad.status).toBe(400);
    const good = await ada.upload(
      '/api/v1/imports?kind=linkedin',
      'Connections.csv',
      syntheticConnectionsCsv(2),
    );
    expect(good.status).toBe(201);
  });
});
