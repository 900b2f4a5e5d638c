// local@domain.tld: no spaces, controls, separators or second @; the domain has dot-separated, non-empty labels.
// (`[^\x00-\x20…]` rather than `\s`: the Unicode whitespace class is several times slower on two-byte text.)
// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what the classes exclude
const EMAIL = /^[^\x00-\x20@,;<>()[\]\\"]+@[^\x00-\x20@,;<>()[\]\\".]+(?:\.[^\x00-\x20@,;<>()[\]\\".]+)+$/;

/** Cheap shape check (`x@y.z`): keeps a name or a note typed into an e-mail column out of `emails`. */
export function isPlausibleEmail(value: string): boolean {
  return EMAIL.test(value);
}
