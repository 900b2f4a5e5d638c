import type { z } from 'zod';

const count = (v: unknown) => Number(v).toLocaleString('en');

const TYPE_WORDS: Record<string, string> = {
  string: 'text',
  number: 'a number',
  int: 'a whole number',
  boolean: 'true or false',
  object: 'an object',
  array: 'a list',
  date: 'a date',
};

/**
 * Plain words for zod's issues, in the API's "field: message" style: `must be at most 3,650` rather than
 * `Too big: expected number to be <=3650`, `is not a date (YYYY-MM-DD) that exists` rather than `Invalid ISO date`.
 * A schema's own message wins over these; an issue not named here keeps zod's words.
 */
export function errorWords(iss: z.core.$ZodRawIssue): string | undefined {
  switch (iss.code) {
    case 'too_small': {
      const min = count(iss.minimum);
      if (iss.origin === 'string')
        return Number(iss.minimum) === 1 ? 'cannot be empty' : `must be at least ${min} characters long`;
      if (iss.origin === 'array' || iss.origin === 'set') return `needs at least ${min}`;
      if (iss.origin === 'number' || iss.origin === 'int' || iss.origin === 'bigint')
        return iss.inclusive === false ? `must be more than ${min}` : `must be at least ${min}`;
      return undefined;
    }
    case 'too_big': {
      const max = count(iss.maximum);
      if (iss.origin === 'string') return `must be at most ${max} characters long`;
      if (iss.origin === 'array' || iss.origin === 'set') return `can hold at most ${max}`;
      if (iss.origin === 'number' || iss.origin === 'int' || iss.origin === 'bigint')
        return iss.inclusive === false ? `must be less than ${max}` : `must be at most ${max}`;
      return undefined;
    }
    case 'invalid_format':
      switch (iss.format) {
        case 'date':
          return 'is not a date (YYYY-MM-DD) that exists';
        case 'datetime':
          return 'is not a date and time (ISO 8601, e.g. 2026-11-27T09:30:00Z)';
        case 'email':
          return 'is not an e-mail address';
        case 'url':
          return 'is not a web address';
        case 'uuid':
        case 'guid':
          return 'is not an id';
        default:
          return undefined;
      }
    case 'invalid_type':
      if (iss.input === undefined) return 'is required';
      return TYPE_WORDS[iss.expected] ? `must be ${TYPE_WORDS[iss.expected]}` : undefined;
    case 'invalid_value':
      return iss.values.length === 1
        ? `must be ${JSON.stringify(iss.values[0])}`
        : `must be one of ${iss.values.map((v) => JSON.stringify(v)).join(', ')}`;
    default:
      return undefined;
  }
}
