import {
  type ContactCsvEvent,
  createContactCsvReader,
  type ParseContactCsvOptions,
} from './create-contact-csv-reader';
import { createTextStreamDecoder } from './create-text-stream-decoder';

/**
 * parseContactCsv for a stream (a read stream, an upload): yields `start`, then each person and issue as soon as
 * their row is complete; memory holds the unfinished row and the first 64 KB until the encoding is known.
 * Errors of the source itself (I/O) are thrown; bad content never is.
 */
export async function* parseContactCsvStream(
  source: AsyncIterable<Uint8Array | string> | Iterable<Uint8Array | string>,
  options: ParseContactCsvOptions = {},
): AsyncGenerator<ContactCsvEvent> {
  const events: ContactCsvEvent[] = [];
  const decoder = createTextStreamDecoder();
  let reader: ReturnType<typeof createContactCsvReader> | undefined;
  const feed = (text: string) => {
    if (!text) return;
    reader ??= createContactCsvReader({ ...options, encoding: decoder.encoding ?? 'utf-8' }, (e) =>
      events.push(e),
    );
    reader.push(text);
  };
  for await (const chunk of source) {
    feed(typeof chunk === 'string' ? chunk : decoder.push(chunk));
    yield* events.splice(0);
  }
  feed(decoder.end());
  reader ??= createContactCsvReader({ ...options, encoding: decoder.encoding ?? 'utf-8' }, (e) =>
    events.push(e),
  );
  reader.end();
  yield* events.splice(0);
}
