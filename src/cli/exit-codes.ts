import type { ErrorCode } from '../core/errors';

/** Exit status of a successful run. */
export const EXIT_OK = 0;
/** Exit status for a command-line usage error (unknown option, missing argument): the same as `validation`. */
export const EXIT_USAGE = 2;

/** The process exit status for each domain error code. Exhaustive: a new ErrorCode will not compile until mapped. */
export function exitCodeFor(code: ErrorCode): number {
  switch (code) {
    case 'internal':
      return 1;
    case 'validation':
      return 2;
    case 'unauthenticated':
      return 3;
    case 'forbidden':
      return 4;
    case 'not_found':
      return 5;
    case 'conflict':
    case 'precondition_failed':
      return 6;
    case 'too_large':
      return 7;
    case 'rate_limited':
      return 8;
    // EX_TEMPFAIL of sysexits.h: scripts and schedulers that know it retry later on their own.
    case 'unavailable':
      return 75;
  }
}

/** The table the README documents: status, error code(s), meaning. */
export const EXIT_CODE_TABLE: readonly { status: number; codes: string; meaning: string }[] = [
  { status: EXIT_OK, codes: '—', meaning: 'success' },
  {
    status: exitCodeFor('internal'),
    codes: 'internal',
    meaning: 'unexpected failure (database unreachable, bug)',
  },
  {
    status: exitCodeFor('validation'),
    codes: 'validation, usage',
    meaning:
      'bad flags or input (e.g. a date in the future); ambiguous name; several accounts and no --account',
  },
  { status: exitCodeFor('unauthenticated'), codes: 'unauthenticated', meaning: 'no account to act as yet' },
  { status: exitCodeFor('forbidden'), codes: 'forbidden', meaning: 'the acting account may not do this' },
  {
    status: exitCodeFor('not_found'),
    codes: 'not_found',
    meaning:
      'no such contact, tag, token, account, import, merge, interaction, favour, promise, Today item or file',
  },
  {
    status: exitCodeFor('conflict'),
    codes: 'conflict, precondition_failed',
    meaning:
      'already exists or already done (email taken, import undone twice, restore into a non-empty account); ' +
      'changed by someone else meanwhile',
  },
  { status: exitCodeFor('too_large'), codes: 'too_large', meaning: 'input over a size limit' },
  {
    status: exitCodeFor('rate_limited'),
    codes: 'rate_limited',
    meaning: 'too many requests; try again later',
  },
  {
    status: exitCodeFor('unavailable'),
    codes: 'unavailable',
    meaning: 'the database is busy (another process is writing); try again in a moment',
  },
];
