import { once } from 'node:events';
import { createWriteStream, readFileSync } from 'node:fs';
import { readFile, rename, rm, stat } from 'node:fs/promises';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { AppError } from '../core/errors';

/**
 * The size of the file at `path`; a missing path is `not_found` and a folder (unless `folder` allows it, then its
 * size is 0) is `validation`, both naming the path, before any work starts.
 */
export async function inputSize(path: string, opts: { folder?: boolean } = {}): Promise<number> {
  let info: Awaited<ReturnType<typeof stat>>;
  try {
    info = await stat(path);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') throw new AppError('not_found', `no such file: ${path}`);
    throw new AppError('validation', `${path}: cannot be read (${(e as Error).message})`, {
      issues: [{ path: 'file', message: `${path}: cannot be read` }],
    });
  }
  if (info.isDirectory()) {
    if (opts.folder) return 0;
    throw new AppError('validation', `${path} is a folder: give a file`, {
      issues: [{ path: 'file', message: `${path} is a folder` }],
    });
  }
  return info.size;
}

/** Whether `path` names an existing regular file. */
export async function isFile(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isFile();
  } catch {
    return false;
  }
}

/**
 * Writes text chunks as they come, to stdout (respecting back-pressure) or to `path`. A file is written beside
 * its final name and renamed at the end, so a failed export never leaves half a file where a good one was. The
 * file is readable by its owner only (0600), also when it replaces one. Returns the number of bytes written.
 */
export async function writeChunks(path: string | undefined, chunks: AsyncIterable<string>): Promise<number> {
  let bytes = 0;
  const counted = async function* () {
    for await (const chunk of chunks) {
      bytes += Buffer.byteLength(chunk);
      yield chunk;
    }
  };
  if (path === undefined) {
    // A reader that stops early (`| head`) closes the pipe: that ends the export quietly, as for any Unix tool.
    let closed = false;
    let failure: Error | undefined;
    const onError = (e: NodeJS.ErrnoException) => {
      if (e.code === 'EPIPE') closed = true;
      else failure = e;
    };
    process.stdout.on('error', onError);
    try {
      for await (const chunk of counted()) {
        if (failure) throw failure;
        if (closed) break;
        if (!process.stdout.write(chunk)) {
          // `once` rejects on 'error', which onError has already recorded.
          await Promise.race([once(process.stdout, 'drain'), once(process.stdout, 'close')]).catch(() => {});
        }
      }
      if (failure) throw failure;
    } finally {
      process.stdout.off('error', onError);
    }
    return bytes;
  }
  const partial = `${path}.partial-${process.pid}`;
  try {
    // Exports and backups hold an account's private data: with the umask's mode (usually 0644) any user on the
    // host could read them. 'wx' never follows a link someone left at the partial name.
    await pipeline(Readable.from(counted()), createWriteStream(partial, { flags: 'wx', mode: 0o600 }));
    await rename(partial, path);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EEXIST') await rm(partial, { force: true });
    const code = (e as NodeJS.ErrnoException).code;
    // A path the user gave that cannot be written is their input to fix, not a crash.
    if (code && ['ENOENT', 'ENOTDIR', 'EISDIR', 'EACCES', 'EPERM', 'EROFS', 'EEXIST'].includes(code)) {
      throw new AppError('validation', `cannot write ${path} (${code})`, {
        issues: [{ path: 'out', message: `cannot write ${path} (${code})` }],
      });
    }
    throw e;
  }
  return bytes;
}

/** `12.3 KB` style sizes for messages. */
export function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KB`;
  return `${(n / 1024 / 1024).toFixed(1)} MB`;
}

/** A file's text, or standard input's for `-`. */
export async function readText(path: string): Promise<string> {
  return path === '-' ? readFileSync(0, 'utf8') : readFile(path, 'utf8');
}
