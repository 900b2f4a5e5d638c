import { randomBytes, scrypt, timingSafeEqual } from 'node:crypto';
import { AppError } from '../errors';

// OWASP-recommended scrypt cost (N=2^17, r=8, p=1) needs 128 MiB; maxmem is raised to allow it.
const N = 2 ** 17;
const R = 8;
const P = 1;
const KEY_LEN = 32;
const MAXMEM = 256 * 1024 * 1024;

// Hashes running at once (each takes 128 MiB and one of libuv's four threads) and hashes allowed to wait. A flood
// of sign-ins must not queue for minutes in front of a real one, nor starve the file and DNS work of the same
// threads: past the short queue the caller is told to retry (503) at once.
const RUNNING_MAX = 2;
const WAITING_MAX = 8;
let running = 0;
/** The message of the `unavailable` error past the queue (the server's log tells it from a busy database). */
export const HASHING_BUSY = 'the server is busy checking passwords; try again in a moment';
const waiting: (() => void)[] = [];

async function inTurn<T>(work: () => Promise<T>): Promise<T> {
  if (running < RUNNING_MAX) running++;
  else if (waiting.length < WAITING_MAX) await new Promise<void>((go) => waiting.push(go));
  else throw new AppError('unavailable', HASHING_BUSY);
  try {
    return await work();
  } finally {
    // Hand the slot straight to the next in line, so `running` stays counted.
    const next = waiting.shift();
    if (next) next();
    else running--;
  }
}

function derive(password: string, salt: Buffer, n: number, r: number, p: number): Promise<Buffer> {
  return inTurn(() => deriveNow(password, salt, n, r, p));
}

function deriveNow(password: string, salt: Buffer, n: number, r: number, p: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    scrypt(password.normalize('NFKC'), salt, KEY_LEN, { N: n, r, p, maxmem: MAXMEM }, (err, key) =>
      err ? reject(err) : resolve(key),
    );
  });
}

/** `scrypt$N$r$p$salt$hash` with a fresh 16-byte salt per account; parameters travel with the hash. */
export async function hashPassword(password: string, cost: { N?: number } = {}): Promise<string> {
  const salt = randomBytes(16);
  const n = cost.N ?? N;
  const key = await derive(password, salt, n, R, P);
  return `scrypt$${n}$${R}$${P}$${salt.toString('base64url')}$${key.toString('base64url')}`;
}

/** Constant-time comparison; false for any malformed stored hash. */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, n, r, p, salt, hash] = stored.split('$');
  if (scheme !== 'scrypt' || !n || !r || !p || !salt || !hash) return false;
  const expected = Buffer.from(hash, 'base64url');
  const key = await derive(password, Buffer.from(salt, 'base64url'), Number(n), Number(r), Number(p));
  return key.length === expected.length && timingSafeEqual(key, expected);
}
