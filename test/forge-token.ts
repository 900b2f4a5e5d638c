/**
 * A token that differs from `token` in its first character. The first character carries six full bits of the
 * secret, so the forgery can never equal the original or decode to the same bytes (a fixed suffix such as "AA"
 * equals the real one about once in a thousand runs, and the last character of base64url only carries some bits).
 */
export function forgeToken(token: string): string {
  return `${token.startsWith('A') ? 'B' : 'A'}${token.slice(1)}`;
}
