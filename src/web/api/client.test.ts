import { describe, expect, it } from 'vitest';
import { errorFromResponse, onUnauthenticated, withQuery } from './client';

describe('withQuery', () => {
  it('drops empty values and encodes the rest', () => {
    expect(
      withQuery('/contacts', { q: 'Zoë & co', tag: '', cursor: undefined, limit: 50, organisation: null }),
    ).toBe('/contacts?q=Zo%C3%AB+%26+co&limit=50');
    expect(withQuery('/tags')).toBe('/tags');
  });
});

describe('errorFromResponse (fetch and upload share it)', () => {
  it('reads the API error body with its field issues and details', () => {
    const body = JSON.stringify({
      error: {
        code: 'validation',
        message: 'map.Name: Invalid input',
        details: { issues: [{ path: 'map.Name', message: 'Invalid input' }], csv: { needsMapping: true } },
      },
    });
    const e = errorFromResponse(400, 'Bad Request', body);
    expect(e).toMatchObject({ status: 400, code: 'validation', issues: [{ path: 'map.Name' }] });
    expect(e.details.csv).toEqual({ needsMapping: true });
  });

  it('turns a bare 413 (a proxy in front of the server) into a "too large" problem on the file', () => {
    expect(errorFromResponse(413, 'Payload Too Large', '<html>nginx</html>')).toMatchObject({
      code: 'too_large',
      issues: [{ path: 'file', message: 'too large' }],
    });
  });

  it('tells the listeners about a 401 unless asked to stay quiet', () => {
    let heard = 0;
    const stop = onUnauthenticated(() => {
      heard += 1;
    });
    errorFromResponse(401, 'Unauthorized', '');
    errorFromResponse(401, 'Unauthorized', '', true);
    stop();
    expect(heard).toBe(1);
  });
});
