import { describe, expect, it } from 'vitest';
import { logDefaultsOf, networkTargetOf, promiseIdOf } from './use-today';

describe('promiseIdOf', () => {
  it('finds the promise behind my promises and theirs', () => {
    expect(promiseIdOf('promise:01a2-77')).toBe('01a2-77');
    expect(promiseIdOf('their-promise:01a2-78')).toBe('01a2-78');
  });

  it('is null for other items', () => {
    expect(promiseIdOf('keep-in-touch:abc:2026-03-01')).toBeNull();
    expect(promiseIdOf('waiting:abc')).toBeNull();
  });
});

describe('networkTargetOf', () => {
  it('opens the introduction to decide or to report on, and the ask to answer', () => {
    expect(networkTargetOf('intro:0193-aa:broker')).toBe('/introductions/0193-aa');
    expect(networkTargetOf('intro:0193-ab:target')).toBe('/introductions/0193-ab');
    expect(networkTargetOf('intro-outcome:0193-ac')).toBe('/introductions/0193-ac');
    expect(networkTargetOf('ask:0193-ad')).toBe('/asks/0193-ad');
  });

  it('opens the Connections page to answer a connection request', () => {
    expect(networkTargetOf('connection-request:0193-b0')).toBe('/network/connections');
  });

  it('is null for other items', () => {
    expect(networkTargetOf('thank-broker:0193-ae')).toBeNull();
    expect(networkTargetOf('promise:0193-af')).toBeNull();
  });
});

describe('logDefaultsOf', () => {
  const item = (
    kind: 'waiting' | 'birthday' | 'keep-in-touch',
    logAs?: 'email' | 'call' | 'message' | 'meeting',
  ) =>
    logDefaultsOf({ kind, action: { kind: 'log-interaction', label: 'Log', ...(logAs ? { logAs } : {}) } });

  it('answers a reply the way the server says their last word came, from me', () => {
    expect(item('waiting', 'email')).toEqual({ kind: 'email', direction: 'outbound' });
    expect(item('waiting', 'call')).toEqual({ kind: 'call', direction: 'outbound' });
  });

  it('falls back to a message for a reply or wishes, and for a check-in (sent by me), never a meeting', () => {
    expect(item('waiting')).toEqual({ kind: 'message', direction: 'outbound' });
    expect(item('birthday')).toEqual({ kind: 'message', direction: 'outbound' });
    expect(item('keep-in-touch')).toEqual({ kind: 'message', direction: 'outbound' });
    expect(item('keep-in-touch', 'email')).toEqual({ kind: 'email', direction: 'outbound' });
    expect(item('keep-in-touch', 'call')).toEqual({ kind: 'call', direction: 'mutual' });
    expect(item('keep-in-touch', 'meeting')).toEqual({ kind: 'meeting', direction: 'mutual' });
  });
});
