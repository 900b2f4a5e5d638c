import { describe, expect, it } from 'vitest';
import { apiTokenRequest, scopeLabel } from './api-token-form';

describe('apiTokenRequest', () => {
  it('asks for a read-only token when the box is ticked, a full one otherwise', () => {
    expect(apiTokenRequest('dashboard', '', true)).toEqual({ name: 'dashboard', scope: 'read' });
    expect(apiTokenRequest('phone', '90', false)).toEqual({
      name: 'phone',
      expiresInDays: 90,
      scope: 'full',
    });
  });
});

describe('scopeLabel', () => {
  it('names both scopes in words', () => {
    expect(scopeLabel('read')).toBe('Read-only');
    expect(scopeLabel('full')).toBe('Full access');
  });
});
