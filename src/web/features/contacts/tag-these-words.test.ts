import { describe, expect, it } from 'vitest';
import { taggingBusyText } from './tag-these-words';

describe('taggingBusyText', () => {
  it('says what is under way, with the count written as the page writes it', () => {
    expect(taggingBusyText('add', 'conference', 29_940)).toBe('Adding “conference” to 29,940 contacts…');
    expect(taggingBusyText('remove', 'speakers', 1)).toBe('Removing “speakers” from 1 contact…');
  });
});
