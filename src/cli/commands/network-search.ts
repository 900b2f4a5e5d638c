import type { Command } from 'commander';
import { isUuid } from '../../contracts/common';
import type { NetworkSearchResult, PathResult } from '../../contracts/network-search';
import { NETWORK_SEARCH_CAP, PATH_CAP } from '../../contracts/network-search';
import { findWarmPaths } from '../../core/network/find-warm-paths';
import { searchNetwork } from '../../core/network/search-network';
import { fieldFlags } from '../field-flags';
import { examples } from '../help';
import { offeringView } from '../offering-view';
import { emit, type GlobalOptions, note, table } from '../output';
import { integer } from '../parse';
import { resolveContact } from '../resolve';
import { withAccount } from '../runtime';

interface LimitOptions extends GlobalOptions {
  limit?: number;
  person?: string;
}

/** `rapport network search …`: who my connections know. */
export function registerNetworkSearch(program: Command): void {
  const network =
    program.commands.find((c) => c.name() === 'network') ??
    program.command('network').description('your connections’ networks: search who they know');
  const search = network
    .command('search')
    .description(
      `who your connections know at an organisation, in a role or by name (every word a prefix); at most ${NETWORK_SEARCH_CAP} people, each with the connections who could introduce you; counts against your daily search limit`,
    )
    .argument('<text...>', 'words to look for (at least 2 letters)')
    .option(
      '--limit <n>',
      `how many people, 1–${NETWORK_SEARCH_CAP} (default: ${NETWORK_SEARCH_CAP})`,
      integer(1, NETWORK_SEARCH_CAP),
    )
    .action(async (words: string[], _opts: unknown, command: Command) => {
      const o = command.optsWithGlobals<LimitOptions>();
      const result = await withAccount(o, (ctx) =>
        searchNetwork(ctx, { q: words.join(' '), limit: o.limit }),
      );
      emit(o, result, () => searchView(result));
      if (result.more) note(o, `(more people match: refine the words; there are no further pages)`);
      note(o, `${result.searchesLeft} network searches left today`);
    });
  fieldFlags(search, { q: '<text...>' });
  examples(search, [
    'rapport network search acme',
    'rapport network search supply chain',
    'rapport network search chen --json',
  ]);
}

/** `rapport path …`: warm paths to someone at an organisation or to one person. */
export function registerPath(program: Command): void {
  const path = program
    .command('path')
    .description(
      'how to reach someone at an organisation (or with a title or name), or one person: paths of up to three hops through your connections, warmest first, each step explained; counts against your daily search limit',
    )
    .argument('[text...]', 'organisation, title or name words; or a contact id from `rapport network search`')
    .option('--person <contact>', 'one of your own contacts (id or text that finds exactly one)')
    .option('--limit <n>', `how many paths, 1–${PATH_CAP} (default: 5)`, integer(1, PATH_CAP))
    .action(async (words: string[], _opts: unknown, command: Command) => {
      const o = command.optsWithGlobals<LimitOptions>();
      const text = words.join(' ').trim();
      const result = await withAccount(o, async (ctx) => {
        if (o.person !== undefined) {
          const contactId = (await resolveContact(ctx, o.person)).id;
          return findWarmPaths(ctx, { contactId, limit: o.limit });
        }
        return isUuid(text)
          ? findWarmPaths(ctx, { contactId: text, limit: o.limit })
          : findWarmPaths(ctx, { q: text, limit: o.limit });
      });
      emit(o, result, () => pathView(result));
      note(o, `${result.searchesLeft} network searches left today`);
    });
  fieldFlags(path, { q: '[text...]', contactId: '--person' });
  examples(path, [
    'rapport path acme',
    'rapport path --person "Chen Wu"',
    'rapport path 0193b6c2-…   # a contact id from `rapport network search`',
  ]);
}

function searchView(r: NetworkSearchResult): string {
  const offering = r.offering.length
    ? `\n\nyour connections who offer it (ask them directly):\n${offeringView(r.offering)}`
    : '';
  if (r.people.length === 0) return `nobody in your connections’ shared contacts matches${offering}`;
  return `${table(
    ['person', 'organisation', 'title', 'known by (tier)', 'their contact id'],
    r.people.flatMap((p) =>
      p.brokers.map((b, i) => [
        // One of my own connections: a message away, nobody to ask for an introduction.
        i === 0 ? `${p.displayName}${p.connected ? ' (already connected: write to them directly)' : ''}` : '',
        i === 0 ? p.organisation : '',
        i === 0 ? p.title : '',
        `${b.name}${b.contact.tier ? ` (${b.contact.tier})` : ''}`,
        b.contactId,
      ]),
    ),
  )}${offering}`;
}

function pathView(r: PathResult): string {
  if (r.paths.length === 0) return 'no warm path within three hops';
  return r.paths
    .map((p, i) => {
      const head = p.connected
        ? `${i + 1}. ${p.connected.name}: already connected, write to them directly (known by ${p.ask.name})`
        : `${i + 1}. ask ${p.ask.name} (${p.hops} hops, warmth ${p.score})${p.contactId ? ` — contact id ${p.contactId}` : ''}`;
      const steps = p.steps.map((s) => `   ${s.from.name} → ${s.to.name} [${s.tier}]: ${s.why}`);
      return [head, ...steps].join('\n');
    })
    .join('\n');
}
