import type { FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../core/errors';

/** The message of the `unavailable` error a second restore gets (the server's log tells it from a busy database). */
export const RESTORE_BUSY = 'the server is restoring another backup right now; send yours again in a minute';

/**
 * A preParsing hook that lets one request of a route through at a time, server-wide, and refuses the others at once
 * with 503 `unavailable` (and Retry-After) before their bodies are read. For the backup restore: its body may be
 * 512 MB, held whole and parsed into objects several times that size (100 MB of JSON took 1.5 GB), so a few sent
 * at once by any account would exhaust the server's memory. A restore happens once in an account's life, so waiting
 * for another to finish costs nobody anything. The turn ends when the answer has gone or the client went away.
 */
export function oneAtATime(message: string) {
  let busy = false;
  return async (_req: FastifyRequest, reply: FastifyReply) => {
    if (busy) throw new AppError('unavailable', message);
    busy = true;
    // 'close' comes once the answer is sent, or when the connection is lost mid-upload: the turn is never kept.
    reply.raw.once('close', () => {
      busy = false;
    });
  };
}

/**
 * Runs the work it is given one at a time, server-wide, in arrival order: a queue where nobody is refused. For imports
 * (ADR 26): each is parsed whole and planned against the rolodex, the costly part, after its upload has been read; on
 * SQLite its store holds the one connection, so two at once only doubled the memory held. A failed turn passes the
 * turn on like a finished one.
 */
export function takingTurns() {
  let last: Promise<unknown> = Promise.resolve();
  return <T>(work: () => Promise<T>): Promise<T> => {
    const turn = last.then(work, work);
    last = turn.catch(() => undefined);
    return turn;
  };
}
