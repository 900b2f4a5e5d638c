import { randomBytes } from 'node:crypto';
import { v7 as uuidv7 } from 'uuid';

/** Id source passed in through Ctx: UUIDv7 (time-ordered, so B-tree inserts stay local) made in the app on both engines. */
export interface Ids {
  next(): string;
}

export const uuidIds: Ids = { next: () => uuidv7() };

/** A URL-safe random secret (sessions, API tokens): 32 bytes = 256 bits of entropy. */
export function randomSecret(bytes = 32): string {
  return randomBytes(bytes).toString('base64url');
}
