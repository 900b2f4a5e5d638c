import { describe, expect, it } from 'vitest';
import { emptyPurposesText } from './purpose-words';

describe('emptyPurposesText', () => {
  it('invites a first purpose when there is none at all', () => {
    expect(emptyPurposesText(false, 0)).toMatch(/^No purposes yet\. Start with one goal/);
  });

  it('says archived purposes exist and how to show them, instead of "none yet"', () => {
    expect(emptyPurposesText(false, 1)).toBe(
      'No active purposes. One purpose is archived: tick “Show archived purposes” to see it, or start a new one.',
    );
    expect(emptyPurposesText(false, 3)).toBe(
      'No active purposes. 3 purposes are archived: tick “Show archived purposes” to see them, or start a new one.',
    );
  });

  it('says so when the archived list itself is empty', () => {
    expect(emptyPurposesText(true, 0)).toBe('No archived purposes.');
  });
});
