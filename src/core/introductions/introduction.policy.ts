import type { IntroRole } from '../../contracts/introductions';
import type { IntroductionTable } from '../db/schema';

type Parties = Pick<
  IntroductionTable,
  'requester_id' | 'broker_id' | 'target_account_id' | 'broker_decided_at' | 'state'
>;

/**
 * Which party `accountId` is in an introduction, or null for anyone else. The person asked about only becomes a
 * party once the broker has accepted: a request the broker declined, or never answered, never reaches them.
 */
export function roleOf(row: Parties, accountId: string): IntroRole | null {
  if (row.requester_id === accountId) return 'requester';
  if (row.broker_id === accountId) return 'broker';
  if (
    row.target_account_id === accountId &&
    row.broker_decided_at !== null &&
    row.state !== 'broker-declined'
  ) {
    return 'target';
  }
  return null;
}
