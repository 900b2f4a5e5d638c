import { readdir, readFile, stat } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { unzipSync } from 'fflate';

/** The LinkedIn export files Rapport reads. */
export type LinkedinEntryKind =
  | 'connections'
  | 'messages'
  | 'invitations'
  | 'profile'
  | 'positions'
  | 'emailAddresses'
  /** The address books the user uploaded to LinkedIn (2025 name); imported only when asked (FORMATS §1.7). */
  | 'importedContacts'
  /** The same, as older exports name it. */
  | 'contacts';

export interface LinkedinExportEntry {
  /** Path inside the zip or folder (or the file name), for issues. */
  name: string;
  bytes: Uint8Array;
}

export type LinkedinExportFiles = Partial<Record<LinkedinEntryKind, LinkedinExportEntry>>;

export type ReadLinkedinExportResult =
  | {
      ok: true;
      files: LinkedinExportFiles /** Files of a kind we read that lost to a shallower copy. */;
      duplicates: string[];
    }
  | { ok: false; error: { file: string; message: string } };

/** An upload (name + bytes: a zip or one CSV) or a path on disk (a zip, a CSV or an unzipped folder). */
export type LinkedinExportInput = { name: string; bytes: Uint8Array } | { path: string };

const KINDS: Record<string, LinkedinEntryKind> = {
  connections: 'connections',
  messages: 'messages',
  invitations: 'invitations',
  profile: 'profile',
  positions: 'positions',
  emailaddresses: 'emailAddresses',
  importedcontacts: 'importedContacts',
  contacts: 'contacts',
};

/** What a zip or folder without any file Rapport reads lacks; import-linkedin.ts says the same of a weaker one. */
export const NO_EXPORT_FILES =
  'holds no Connections.csv, messages.csv or Invitations.csv: it is not a LinkedIn data export, or not all of one';

/**
 * Guards against zip bombs (a few MB that inflate to many GB): the largest entry we inflate (messages.csv of a very
 * active account is tens of MB) and the most all the files we read may hold together. Both go by the sizes the zip
 * declares, which are also all fflate inflates into, so a lying size cannot get past them.
 */
export interface ZipLimits {
  maxEntryBytes: number;
  maxTotalBytes: number;
}

const ZIP_LIMITS: ZipLimits = { maxEntryBytes: 512 * 1024 * 1024, maxTotalBytes: 512 * 1024 * 1024 };

/**
 * Which file of an export this is, by its name only: case-insensitive, spaces, underscores and dashes ignored
 * (`Email_Addresses.csv` = `Email Addresses.csv`); undefined for the files Rapport does not read.
 */
export function classifyLinkedinFileName(path: string): LinkedinEntryKind | undefined {
  const name = basename(path.replaceAll('\\', '/'));
  if (!/\.csv$/i.test(name) || name.startsWith('._')) return undefined;
  return KINDS[
    name
      .slice(0, -4)
      .toLowerCase()
      .replace(/[\s_-]+/g, '')
  ];
}

/**
 * Finds the files Rapport reads in a LinkedIn export, whatever the zip is called: a zip (by content, not by
 * name), an unzipped folder, or a single CSV (by name, else by its header). Never throws: an unreadable input
 * is an error value naming the file.
 */
export async function readLinkedinExport(
  input: LinkedinExportInput,
  limits: ZipLimits = ZIP_LIMITS,
): Promise<ReadLinkedinExportResult> {
  if ('bytes' in input) return readBytes(input.name, input.bytes, limits);
  let isDirectory: boolean;
  try {
    isDirectory = (await stat(input.path)).isDirectory();
  } catch (error) {
    return fail(input.path, `cannot be read (${describe(error)})`);
  }
  if (isDirectory) return readFolder(input.path);
  try {
    // By its name alone: the import keeps it with each row's issues, and a path names the owner's folders.
    return readBytes(basename(input.path), new Uint8Array(await readFile(input.path)), limits);
  } catch (error) {
    return fail(input.path, `cannot be read (${describe(error)})`);
  }
}

function readBytes(name: string, bytes: Uint8Array, limits: ZipLimits): ReadLinkedinExportResult {
  if (isZip(bytes)) return readZip(name, bytes, limits);
  const kind = classifyLinkedinFileName(name) ?? classifyByHeader(bytes);
  // Named like the export but something else (renamed, an error page saved by the browser): say that plainly.
  if (!kind && /\.zip$/i.test(name)) return fail(name, 'is not a zip file (only named like one)');
  if (!kind) {
    return fail(
      name,
      'is neither a LinkedIn export zip nor one of its CSV files (Connections.csv, messages.csv, …)',
    );
  }
  return { ok: true, files: { [kind]: { name, bytes } }, duplicates: [] };
}

function readZip(name: string, bytes: Uint8Array, limits: ZipLimits): ReadLinkedinExportResult {
  // First only the directory: which entries we would read and their sizes, nothing inflated. Only the one copy of
  // each kind that wins is inflated: a zip of a hundred "Connections.csv" in as many folders is one file's work.
  const listed: [string, number][] = [];
  const mb = (n: number) => `${Math.floor(n / 1024 / 1024)} MB`;
  let unzipped: Record<string, Uint8Array>;
  try {
    unzipSync(bytes, {
      filter: (entry) => {
        if (entry.name.endsWith('/') || entry.name.startsWith('__MACOSX/')) return false;
        if (classifyLinkedinFileName(entry.name)) listed.push([entry.name, entry.originalSize]);
        return false;
      },
    });
    const { chosen, duplicates } = choose(listed);
    let total = 0;
    for (const [entryName, size] of chosen) {
      if (size > limits.maxEntryBytes) {
        return fail(name, `holds ${entryName}, larger than ${mb(limits.maxEntryBytes)} once unzipped`);
      }
      total += size;
    }
    if (total > limits.maxTotalBytes) {
      return fail(name, `holds more than ${mb(limits.maxTotalBytes)} of files to read once unzipped`);
    }
    const wanted = new Set(chosen.map(([entryName]) => entryName));
    unzipped = unzipSync(bytes, { filter: (entry) => wanted.delete(entry.name) });
    return collect(name, Object.entries(unzipped), duplicates);
  } catch (error) {
    return fail(name, `is not a zip file (it is damaged or incomplete: ${describe(error)})`);
  }
}

async function readFolder(path: string): Promise<ReadLinkedinExportResult> {
  const found: [string, Uint8Array][] = [];
  // The CSVs sit at the root of the export; allow one level of nesting (a folder named after the zip).
  const walk = async (dir: string, rel: string, depth: number): Promise<void> => {
    for (const entry of await readdir(dir, { withFileTypes: true })) {
      const relPath = rel ? `${rel}/${entry.name}` : entry.name;
      if (entry.isDirectory()) {
        if (depth < 1 && entry.name !== '__MACOSX') await walk(join(dir, entry.name), relPath, depth + 1);
      } else if (entry.isFile() && classifyLinkedinFileName(entry.name)) {
        found.push([relPath, new Uint8Array(await readFile(join(dir, entry.name)))]);
      }
    }
  };
  try {
    await walk(path, '', 0);
  } catch (error) {
    return fail(path, `cannot be read (${describe(error)})`);
  }
  return collect(path, found);
}

/** One entry per kind, the shallowest path winning (then the first in name order); the others are duplicates. */
function choose<T>(entries: [string, T][]): { chosen: [string, T][]; duplicates: string[] } {
  const kinds = new Set<LinkedinEntryKind>();
  const chosen: [string, T][] = [];
  const duplicates: string[] = [];
  const depth = (p: string) => p.split('/').length;
  const sorted = [...entries].sort(([a], [b]) => depth(a) - depth(b) || a.localeCompare(b));
  for (const entry of sorted) {
    const kind = classifyLinkedinFileName(entry[0]);
    if (!kind) continue;
    if (kinds.has(kind)) duplicates.push(entry[0]);
    else {
      kinds.add(kind);
      chosen.push(entry);
    }
  }
  return { chosen, duplicates };
}

/** The files of an export from its entries (path and bytes); `duplicates` already found when choosing them. */
function collect(
  container: string,
  entries: [string, Uint8Array][],
  knownDuplicates: string[] = [],
): ReadLinkedinExportResult {
  const { chosen, duplicates } = choose(entries);
  const files: LinkedinExportFiles = {};
  for (const [path, bytes] of chosen) {
    files[classifyLinkedinFileName(path) as LinkedinEntryKind] = { name: path, bytes };
  }
  if (Object.keys(files).length === 0) {
    return fail(container, NO_EXPORT_FILES);
  }
  return { ok: true, files, duplicates: [...knownDuplicates, ...duplicates] };
}

function isZip(bytes: Uint8Array): boolean {
  // Local file header, or the end-of-central-directory record of an empty archive.
  return (
    bytes[0] === 0x50 &&
    bytes[1] === 0x4b &&
    (bytes[2] === 3 || bytes[2] === 5) &&
    (bytes[3] === 4 || bytes[3] === 6)
  );
}

/** A CSV whose name says nothing (`export (3).csv`): recognise the big files by their header. */
function classifyByHeader(bytes: Uint8Array): LinkedinEntryKind | undefined {
  const head = new TextDecoder('utf-8').decode(bytes.subarray(0, 8192)).toLowerCase();
  if (head.includes('first name') && head.includes('connected on')) return 'connections';
  if (head.includes('conversation id') && head.includes('content')) return 'messages';
  if (head.includes('sent at') && head.includes('direction')) return 'invitations';
  if (head.includes('firstname') && head.includes('emails') && head.includes('phonenumbers'))
    return head.includes('companies') ? 'contacts' : 'importedContacts';
  return undefined;
}

function fail(file: string, message: string): ReadLinkedinExportResult {
  return { ok: false, error: { file, message: `${basename(file)} ${message}` } };
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
