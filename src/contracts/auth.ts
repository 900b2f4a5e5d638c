import { z } from 'zod';
import { text, timestamp } from './common';

export const emailAddress = text()
  .trim()
  .max(320)
  .pipe(z.email({ message: 'must be an email address' }));
export const newPassword = text()
  .min(8, 'must be at least 8 characters')
  .max(256, 'must be at most 256 characters');

export const signupInput = z.strictObject({
  email: emailAddress,
  password: newPassword,
  name: text().trim().min(1, 'is required').max(200),
  inviteCode: text().max(200).optional(),
});
export type SignupInput = z.infer<typeof signupInput>;

/**
 * A sign-up on a server with mail (open sign-up, not the first account): 202 and the same body whether or not the
 * address already has an account; a new address is mailed a one-time link (ADR 4).
 */
export const signupPending = z.object({ checkInbox: z.literal(true), linkValidHours: z.number().int() });
export type SignupPending = z.infer<typeof signupPending>;
/** Following the link of a pending sign-up: the secret, or the whole link pasted. */
export const confirmSignupInput = z.strictObject({ token: text().trim().min(16).max(2048) });

/** The sign-up page asking whether an invite code is usable, and for which address. */
export const inviteInspectInput = z.strictObject({ code: text().min(1, 'is required').max(200) });

export const loginInput = z.strictObject({
  email: text().trim().max(320),
  password: text().max(256),
});
export type LoginInput = z.infer<typeof loginInput>;

export const changePasswordInput = z.strictObject({
  currentPassword: text().max(256),
  newPassword,
});

/** Deleting one's own account: the current password, checked as at sign-in. */
export const deleteAccountInput = z.strictObject({
  password: text().max(256),
});

export const account = z.object({
  id: z.string(),
  email: z.string(),
  name: z.string(),
  createdAt: timestamp,
});
export type Account = z.infer<typeof account>;

export const sessionInfo = z.object({
  account,
  csrfToken: z.string().nullable(),
  via: z.enum(['session', 'token']),
});
export type SessionInfo = z.infer<typeof sessionInfo>;

/**
 * Why a browser was signed out by something other than itself: its next API call answers 401 with this as
 * `details.reason`, so the sign-in page can say so.
 */
export const sessionEndReason = z.enum(['password_changed', 'signed_out_elsewhere']);
export type SessionEndReason = z.infer<typeof sessionEndReason>;

/** One of my signed-in browsers (never its token). `lastSeenAt` is updated at most every few minutes. */
export const browserSession = z.object({
  id: z.string(),
  createdAt: timestamp,
  lastSeenAt: timestamp,
  expiresAt: timestamp,
  /** "Firefox on Linux", from the user agent it signed in with; null when it sent none. */
  device: z.string().nullable(),
  /** The session of the browser asking. */
  current: z.boolean(),
});
export type BrowserSession = z.infer<typeof browserSession>;

export const setupState = z.object({
  needsFirstAccount: z.boolean(),
  signup: z.enum(['open', 'invite', 'closed']),
});

/** What a token may do: 'full' (all but managing credentials) or 'read' (GET and HEAD only; ADR 4). */
export const apiTokenScope = z.enum(['full', 'read']);
export type ApiTokenScope = z.infer<typeof apiTokenScope>;

export const apiTokenInput = z.strictObject({
  name: text().trim().min(1, 'is required').max(100),
  expiresInDays: z.number().int().min(1).max(3650).optional(),
  scope: apiTokenScope.default('full'),
});

export const apiToken = z.object({
  id: z.string(),
  name: z.string(),
  prefix: z.string(),
  scope: apiTokenScope,
  createdAt: timestamp,
  lastUsedAt: timestamp.nullable(),
  expiresAt: timestamp.nullable(),
});
export type ApiToken = z.infer<typeof apiToken>;

/** Returned once, at creation: the only time the secret is ever shown. */
export const createdApiToken = apiToken.extend({ token: z.string() });

export const signupInviteInput = z.strictObject({
  email: emailAddress.optional(),
  expiresInDays: z.number().int().min(1).max(90).default(14),
});
export const signupInvite = z.object({ id: z.string(), code: z.string(), expiresAt: timestamp });
/** An outstanding sign-up invite of mine (never its code, which is shown once at creation). */
export const signupInviteSummary = z.object({
  id: z.string(),
  /** The address it is bound to, or null for anyone holding the code. */
  email: z.string().nullable(),
  createdAt: timestamp,
  expiresAt: timestamp,
});
export type SignupInviteSummary = z.infer<typeof signupInviteSummary>;
