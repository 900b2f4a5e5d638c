import { randomBytes } from 'node:crypto';

/** Id source passed in through Ctx: UUIDv7 (time-ordered, so B-tree inserts stay local) made in the app on both engines. */
export interface Ids {
  next(): string;
}

// One getrandom call per 4096 ids instead of one per id: an import makes ~100k ids at once.
const POOL = 16 * 4096;
let pool: Buffer = Buffer.alloc(0);
let offset = POOL;

/** Where the next 16 random bytes start in `pool`. */
function random16(): number {
  if (offset >= pool.length) {
    pool = randomBytes(POOL);
    offset = 0;
  }
  offset += 16;
  return offset - 16;
}

let lastMs = 0;
let counter = 0;

/**
 * RFC 9562 UUIDv7 with a 12-bit counter in rand_a (method 1), so ids made in one millisecond still sort in the
 * order they were made: backups and restores rely on ids sorting like creation. (The `uuid` package is only
 * monotonic when it draws its own randomness, one system call per id.)
 */
export function uuidv7(now = Date.now()): string {
  // Written over the pool's own bytes (each 16 are used once): no copy per id.
  const at = random16();
  const bytes = pool;
  if (now > lastMs) {
    lastMs = now;
    counter = (bytes[at + 6] as number) & 0x07; // small random start leaves room to count up
  } else if (++counter > 0xfff) {
    lastMs++;
    counter = 0;
  }
  const ms = lastMs;
  bytes[at] = Math.floor(ms / 2 ** 40) & 0xff;
  bytes[at + 1] = Math.floor(ms / 2 ** 32) & 0xff;
  bytes[at + 2] = (ms >>> 24) & 0xff;
  bytes[at + 3] = (ms >>> 16) & 0xff;
  bytes[at + 4] = (ms >>> 8) & 0xff;
  bytes[at + 5] = ms & 0xff;
  bytes[at + 6] = 0x70 | (counter >>> 8);
  bytes[at + 7] = counter & 0xff;
  bytes[at + 8] = 0x80 | ((bytes[at + 8] as number) & 0x3f);
  const hex = bytes.toString('hex', at, at + 16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

export const uuidIds: Ids = { next: () => uuidv7() };

/** A URL-safe random secret (sessions, API tokens): 32 bytes = 256 bits of entropy. */
export function randomSecret(bytes = 32): string {
  return randomBytes(bytes).toString('base64url');
}
