import { createHmac } from 'node:crypto';

const LINKEDIN_PREFIX = 'https://www.linkedin.com/in/';

/**
 * The raw identity keys of a contact from its stored channels (value_norm): its LinkedIn slug and its emails,
 * strongest first. Raw keys never leave the server; only their keyed hashes are kept or compared.
 */
export function rawPersonKeys(channels: readonly { kind: string; value_norm: string | null }[]): string[] {
  const keys: string[] = [];
  for (const ch of channels) {
    if (!ch.value_norm) continue;
    if (ch.kind === 'url' && ch.value_norm.startsWith(LINKEDIN_PREFIX)) {
      keys.push(`li:${ch.value_norm.slice(LINKEDIN_PREFIX.length).replace(/\/+$/, '').toLowerCase()}`);
    }
  }
  for (const ch of channels) if (ch.kind === 'email' && ch.value_norm) keys.push(`email:${ch.value_norm}`);
  return [...new Set(keys)];
}

/** The keyed hash (HMAC-SHA-256 with the server's person-key secret) that stands for a raw identity key. */
export function hashPersonKey(secret: string, raw: string): string {
  return createHmac('sha256', secret).update(raw).digest('base64url').slice(0, 32);
}
