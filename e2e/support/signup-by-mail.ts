import type { APIRequestContext, APIResponse } from 'playwright-core';
import { expect, vi } from 'vitest';
import type { SmtpSink } from '../../src/core/mail/smtp-sink.test-support';

const SUBJECT = 'Confirm your new Rapport account';

/** The link of the last sign-up confirmation the sink received for `email` (mailed after the 202, so polled). */
export async function signupLinkFor(sink: SmtpSink, email: string): Promise<string> {
  const links = () =>
    sink
      .to(email)
      .filter((m) => m.parsed.subject === SUBJECT)
      .map((m) => /https?:\/\/\S+\/sign-up\/confirm\/[\w-]+/.exec(m.parsed.text ?? '')?.[0])
      .filter((l): l is string => !!l);
  // vi.waitFor, not expect.poll: sign-ups also happen in beforeAll hooks.
  await vi.waitFor(() => expect(links().length).toBeGreaterThan(0), { timeout: 10_000, interval: 50 });
  return links().at(-1) as string;
}

/**
 * Signs up through the API on a server that mails (ADR 4): the first account signs in at once (201); any other
 * answers 202 and is made, and signed in, by following its e-mailed link like the confirm page does.
 */
export async function signUpThroughMail(
  request: APIRequestContext,
  sink: SmtpSink,
  account: { email: string; password: string; name: string },
): Promise<APIResponse> {
  const res = await request.post('/api/v1/auth/signup', { data: account });
  if (res.status() !== 202) return res;
  const token = (await signupLinkFor(sink, account.email)).split('/').pop();
  return request.post('/api/v1/auth/signup/confirm', { data: { token } });
}
