// windows-1252 bytes 0x80–0x9F that are not the Latin-1 control characters; the five undefined ones
// (0x81, 0x8D, 0x8F, 0x90, 0x9D) pass through as the control characters of the same value.
const CP1252_HIGH: Record<number, number> = {
  8364: 0x80,
  8218: 0x82,
  402: 0x83,
  8222: 0x84,
  8230: 0x85,
  8224: 0x86,
  8225: 0x87,
  710: 0x88,
  8240: 0x89,
  352: 0x8a,
  8249: 0x8b,
  338: 0x8c,
  381: 0x8e,
  8216: 0x91,
  8217: 0x92,
  8220: 0x93,
  8221: 0x94,
  8226: 0x95,
  8211: 0x96,
  8212: 0x97,
  732: 0x98,
  8482: 0x99,
  353: 0x9a,
  8250: 0x9b,
  339: 0x9c,
  382: 0x9e,
  376: 0x9f,
};

// A UTF-8 lead byte (Â–ô) read as windows-1252, followed by a continuation byte read the same way.
const SUSPECT =
  /[\u00c2-\u00f4][\u0080-\u00bf\u20ac\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u017d\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u017e\u0178]/;

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * Repairs UTF-8 text that was decoded as windows-1252 / Latin-1 once too often (`Ã©` → `é`, `â€™` → `’`), as
 * some LinkedIn messages arrive. Only when the whole string round-trips: any character that cannot be a byte,
 * or bytes that are not valid UTF-8, leave the text exactly as it was.
 */
export function repairMojibake(text: string): string {
  if (!SUSPECT.test(text)) return text;
  const bytes = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x100) bytes[i] = c;
    else {
      const b = CP1252_HIGH[c];
      if (b === undefined) return text;
      bytes[i] = b;
    }
  }
  try {
    return strictUtf8.decode(bytes);
  } catch {
    return text;
  }
}
