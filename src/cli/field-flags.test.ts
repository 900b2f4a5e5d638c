import { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import { fieldFlags, fieldLabel, fieldWords } from './field-flags';

/** A small command tree like the real ones: a parent with a subcommand, flags, arguments and declared fields. */
function program() {
  const root = new Command('rapport').option('--data <dir>');
  const log = root
    .command('log')
    .argument('<person>')
    .argument('<kind>')
    .option('--date <when>')
    .option('--note <text>')
    .option('--with <person>');
  fieldFlags(log, { occurredAt: '--date', summary: '--note', contactIds: '<person>/--with' });
  const purpose = root.command('purpose');
  fieldFlags(purpose, { cadenceDays: '--every', nextStepOn: '--on' });
  const create = purpose
    .command('create')
    .argument('<name>')
    .option('--every <days>')
    .option('--stages <list>')
    .option('--purpose <id>')
    .option('--offer <skill>');
  fieldFlags(create, { 'emails.*.value': '--email', emails: '--email' });
  const next = purpose.command('next-step').argument('<text>').option('--on <day>');
  fieldFlags(next, { nextStep: '<text>' });
  const group = root.command('import');
  fieldFlags(group, { file: 'file' });
  const csv = group.command('csv').argument('<file>').option('--map <mapping>');
  return { log, create, next, csv };
}

describe('fieldLabel: the words a CLI error uses for a use-case field', () => {
  const { log, create, next, csv } = program();

  it('names the flag a command declares for the field', () => {
    expect(fieldLabel('occurredAt', log)).toBe('--date');
    expect(fieldLabel('summary', log)).toBe('--note');
    expect(fieldLabel('contactIds', log)).toBe('<person>/--with');
  });

  it("falls back to a parent's declarations, the nearest command first, before any namesake", () => {
    expect(fieldLabel('cadenceDays', create)).toBe('--every');
    expect(fieldLabel('nextStepOn', next)).toBe('--on');
    expect(fieldLabel('nextStep', next)).toBe('<text>');
    // `import csv <file>`: the group says once that its errors' `file` stays a word (they name the file).
    expect(fieldLabel('file', csv)).toBe('file');
    expect(fieldLabel('map', csv)).toBe('--map');
  });

  it('names the option or argument called like the field without a declaration', () => {
    expect(fieldLabel('kind', log)).toBe('<kind>');
    expect(fieldLabel('name', create)).toBe('<name>');
    expect(fieldLabel('stages', create)).toBe('--stages');
    // An id named after its flag, and a list filled by a repeatable flag.
    expect(fieldLabel('purposeId', create)).toBe('--purpose');
    expect(fieldLabel('offers', create)).toBe('--offer');
  });

  it('matches `*` to any one segment, the longest declaration winning, and keeps what is under it in words', () => {
    expect(fieldLabel('emails.0.value', create)).toBe('--email');
    expect(fieldLabel('emails.2.label', create)).toBe('--email #3 label');
    expect(fieldLabel('stages.1.role', create)).toBe('--stages #2 role');
  });

  it('puts a field no flag gives in words, and keeps what is not a field path', () => {
    expect(fieldLabel('occurredAt')).toBe('occurred at');
    expect(fieldLabel('dueOn', log)).toBe('due on');
    expect(fieldLabel('--remove-email', log)).toBe('--remove-email');
    expect(fieldLabel('(root)', log)).toBe('(root)');
    expect(fieldWords('stages.0.followUpDays')).toBe('stages #1 follow up days');
  });
});
