import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEngines } from '../../test/engines';
import { introWorld } from '../core/introductions/intro.test-support';
import { INTRO_WAIT_DAYS } from '../core/introductions/introduction';
import { requestIntroduction } from '../core/introductions/request-introduction';
import type { Mailer } from '../core/mail/mailer';
import { type SmtpSink, smtpTestMailer, startSmtpSink } from '../core/mail/smtp-sink.test-support';
import { INTRO_LAPSES_EVERY_MS, runIntroductionLapses } from './run-housekeeping';

const DAY = 86_400_000;

// A database of this file's own: a lapse run mails every account's lapses (see withdrawn-and-lapsed-mail.test.ts).
describeEngines(
  'a lapsed introduction is told within minutes',
  (h) => {
    let sink: SmtpSink;
    let mailer: Mailer;
    beforeAll(async () => {
      sink = await startSmtpSink();
      mailer = smtpTestMailer(sink.port);
    });
    afterAll(async () => {
      await sink.close();
    });

    it('runs often enough that the mail comes minutes after the lapse, once, not at the next housekeeping', async () => {
      // Housekeeping runs every six hours; the lapse look runs at most every ten minutes.
      expect(INTRO_LAPSES_EVERY_MS).toBeLessThanOrEqual(10 * 60_000);
      const w = await introWorld(h, mailer);
      await requestIntroduction(w.requester.ctx, {
        brokerId: w.broker.id,
        contactId: w.target.id,
        why: 'A guest speaker on supply chain for March',
      });
      const start = sink.received.length;
      const logs: string[] = [];
      const line = (_o: object, msg?: string) => void logs.push(msg ?? '');
      const server = {
        ...h.ctx(),
        clock: w.clock,
        mailer,
        log: { debug: line, info: line, warn: line, error: line },
      };
      // Nobody answered: one look after the wait ended tells the requester.
      w.clock.advance(INTRO_WAIT_DAYS * DAY + INTRO_LAPSES_EVERY_MS);
      await runIntroductionLapses(server);
      const told = sink.to(w.requester.email, start);
      expect(told.map((m) => m.parsed.subject)).toEqual(['Your introduction to Tara Target has lapsed']);
      expect(logs).toEqual(['introductions lapsed']);
      // The next look sends nothing again.
      w.clock.advance(INTRO_LAPSES_EVERY_MS);
      await runIntroductionLapses(server);
      expect(sink.received.length - start).toBe(1);
    });
  },
  { ownDatabase: 'lapsesoon' },
);
