import { createHash } from 'node:crypto';
import type { Account } from '../../contracts/auth';
import type { AccountTable } from '../db/schema';

/** Emails compare case-insensitively and without surrounding space. */
export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

/** Secrets (session and API tokens, invite codes) are stored only as their SHA-256: high entropy makes salt moot. */
export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}

export function toAccount(row: Pick<AccountTable, 'id' | 'email' | 'name' | 'created_at'>): Account {
  return { id: row.id, email: row.email, name: row.name, createdAt: row.created_at };
}

export const API_TOKEN_PREFIX = 'rpt_';
