import { isEmailAddress, withoutMailto } from '../../contracts/channel-values';

/**
 * Whether a cell holds an e-mail address by the contact contract's rule (a `mailto:` before it is allowed; the
 * import takes it off): keeps a name or a note typed into an e-mail column out of `emails`.
 */
export function isPlausibleEmail(value: string): boolean {
  return isEmailAddress(withoutMailto(value));
}
