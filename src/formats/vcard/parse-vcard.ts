/**
 * vCard files (2.1, 3.0, 4.0; one card or thousands) → `ImportedPerson` records, through our pre-normaliser and
 * ical.js. Each card is read on its own: a bad card becomes one `error` issue (file, card number, line, reason)
 * and the others still import. Never throws on bad input.
 */
import {
  emptyPerson,
  type ImportedPerson,
  type ParseIssue,
  type ParseResult,
  type SourceRef,
} from '../model';
import { type RawVCard, splitVCardStream, splitVCards, type VCardSplitItem } from './normalise-vcard';
import { errorText, mapCard, readCard } from './read-vcard';

export interface VCardParseOptions {
  /** The file's name, for `SourceRef.file`. */
  file: string;
}

export type VCardParseEvent =
  | { kind: 'record'; record: ImportedPerson }
  | { kind: 'issue'; issue: ParseIssue };

/** One card → its person (unless it is skipped or unreadable) and its issues. Never throws. */
export function parseVCardCard(
  card: RawVCard,
  options: VCardParseOptions,
): { record?: ImportedPerson; issues: ParseIssue[] } {
  const cardRef: SourceRef = { file: options.file, card: card.index, line: card.line };
  const issues: ParseIssue[] = [];
  try {
    const read = readCard(card);
    if (!read.ok) {
      issues.push({ ref: { ...cardRef, line: read.line }, message: read.message, severity: 'error' });
      return { issues };
    }
    if (read.card.props.length === 0 && read.card.warnings.length > 0) {
      const first = read.card.warnings[0] as { line: number; message: string };
      issues.push({
        ref: { ...cardRef, line: first.line },
        message: `nothing readable in the card: ${first.message}`,
        severity: 'error',
      });
      return { issues };
    }
    const mapped = mapCard(read.card);
    for (const w of [...read.card.warnings, ...mapped.warnings]) {
      issues.push({ ref: { ...cardRef, line: w.line }, message: w.message, severity: 'warning' });
    }
    if (mapped.contactGroup) {
      const { name, members } = mapped.contactGroup;
      issues.push({
        ref: cardRef,
        message: `contact group${name ? ` "${name}"` : ''} with ${members} member${members === 1 ? '' : 's'}: groups are not imported as people`,
        severity: 'skipped',
      });
      return { issues };
    }
    const f = mapped.fields;
    const hasContent =
      f.displayName ??
      f.familyName ??
      f.givenName ??
      f.nickname ??
      f.organisation ??
      f.notes ??
      (f.emails.length || f.phones.length || f.urls.length || f.addresses.length ? 'yes' : undefined);
    if (hasContent === undefined) {
      issues.push({
        ref: cardRef,
        message: 'the card has no name, organisation, e-mail, phone, URL, address or note',
        severity: 'skipped',
      });
      return { issues };
    }
    const record: ImportedPerson = { ...emptyPerson(cardRef), ...f, ref: cardRef, raw: card.text };
    return { record, issues };
  } catch (e) {
    issues.push({ ref: cardRef, message: `cannot read the card: ${errorText(e)}`, severity: 'error' });
    return { issues };
  }
}

/** Folds the splitter's items into parse events; stray text is reported once, at the end. */
class EventBuilder {
  private cards = 0;
  private strays = 0;
  private firstStray = 0;

  constructor(private readonly options: VCardParseOptions) {}

  *item(item: VCardSplitItem): Generator<VCardParseEvent> {
    if (item.kind === 'stray') {
      if (this.strays++ === 0) this.firstStray = item.line;
      return;
    }
    this.cards++;
    const { record, issues } = parseVCardCard(item.card, this.options);
    for (const issue of issues) yield { kind: 'issue', issue };
    if (record) yield { kind: 'record', record };
  }

  *end(): Generator<VCardParseEvent> {
    const file = this.options.file;
    if (this.strays > 0) {
      yield {
        kind: 'issue',
        issue: {
          ref: { file, line: this.firstStray },
          message: `ignored ${this.strays} line${this.strays === 1 ? '' : 's'} outside any BEGIN:VCARD … END:VCARD`,
          severity: 'warning',
        },
      };
    }
    if (this.cards === 0) {
      yield {
        kind: 'issue',
        issue: {
          ref: { file },
          message: 'no vCard (BEGIN:VCARD … END:VCARD) in the file',
          severity: 'error',
        },
      };
    }
  }
}

/** Parses a whole vCard file (bytes in any encoding, or text). Never throws. */
export function parseVCards(
  input: Uint8Array | string,
  options: VCardParseOptions,
): ParseResult<ImportedPerson> {
  const result: ParseResult<ImportedPerson> = { records: [], issues: [] };
  for (const event of parseVCardEvents(input, options)) {
    if (event.kind === 'record') result.records.push(event.record);
    else result.issues.push(event.issue);
  }
  return result;
}

/** Like `parseVCards`, one event at a time. */
export function* parseVCardEvents(
  input: Uint8Array | string,
  options: VCardParseOptions,
): Generator<VCardParseEvent> {
  const builder = new EventBuilder(options);
  try {
    for (const item of splitVCards(input)) yield* builder.item(item);
  } catch (e) {
    yield {
      kind: 'issue',
      issue: {
        ref: { file: options.file },
        message: `cannot read the file: ${errorText(e)}`,
        severity: 'error',
      },
    };
  }
  yield* builder.end();
}

/**
 * Streams a vCard file (byte or text chunks: a read stream, an upload) and yields each card's person and issues
 * as soon as the card has been read; memory holds one card at a time. Errors of the source itself (an I/O
 * error) are thrown; bad content never is.
 */
export async function* parseVCardStream(
  source: AsyncIterable<Uint8Array | string> | Iterable<Uint8Array | string>,
  options: VCardParseOptions,
): AsyncGenerator<VCardParseEvent> {
  const builder = new EventBuilder(options);
  for await (const item of splitVCardStream(source)) yield* builder.item(item);
  yield* builder.end();
}
