import { randomBytes } from 'node:crypto';
import { v7 as uuidv7 } from 'uuid';

/** Id source passed in through Ctx: UUIDv7 (time-ordered, so B-tree inserts stay local) made in the app on both engines. */
export interface Ids {
  next(): string;
}

// One getrandom call per 4096 ids instead of one per id: an import makes ~100k ids at once.
const POOL = 16 * 4096;
let pool = Buffer.alloc(0);
let offset = POOL;

function random16(): Uint8Array {
  if (offset >= pool.length) {
    pool = randomBytes(POOL);
    offset = 0;
  }
  offset += 16;
  return pool.subarray(offset - 16, offset);
}

export const uuidIds: Ids = { next: () => uuidv7({ random: random16() }) };

/** A URL-safe random secret (sessions, API tokens): 32 bytes = 256 bits of entropy. */
export function randomSecret(bytes = 32): string {
  return randomBytes(bytes).toString('base64url');
}
