import type { WarmPath } from '../../../contracts/network-search';
import { tierLabel } from '../relationships/relationship-words';

const STEP_X = 170;
const PAD_X = 70;
const NODE_Y = 46;
const R = 14;

type LinkTier = WarmPath['steps'][number]['tier'];

/** "Close", "Inner circle", … or "Knows" when the owner does not share how well. */
export function linkTierLabel(tier: LinkTier): string {
  return tier === 'known' ? 'Knows' : tierLabel(tier);
}

function short(name: string, max = 20): string {
  return name.length > max ? `${name.slice(0, max - 1)}…` : name;
}

/**
 * A path drawn as a chain: me → connection → … → the person, each link labelled with its tier. The picture is for
 * the eye; its label (and the step list beside it) say the same in words.
 */
export function PathGraph({ path, label }: { path: WarmPath; label: string }) {
  const nodes = [path.steps[0]?.from, ...path.steps.map((s) => s.to)].filter(
    (n): n is NonNullable<typeof n> => n !== undefined,
  );
  const width = PAD_X * 2 + STEP_X * (nodes.length - 1);
  const last = nodes.length - 1;
  return (
    <svg
      className="path-graph"
      viewBox={`0 0 ${width} 96`}
      role="img"
      aria-label={label}
      preserveAspectRatio="xMidYMid meet"
    >
      {path.steps.map((s, i) => {
        const x1 = PAD_X + STEP_X * i + R;
        const x2 = PAD_X + STEP_X * (i + 1) - R;
        return (
          // biome-ignore lint/suspicious/noArrayIndexKey: a path's steps are fixed and ordered
          <g key={i} className={`path-graph__link path-graph__link--${s.tier}`}>
            <line x1={x1} y1={NODE_Y} x2={x2 - 6} y2={NODE_Y} />
            <polygon points={`${x2},${NODE_Y} ${x2 - 9},${NODE_Y - 5} ${x2 - 9},${NODE_Y + 5}`} />
            <text x={(x1 + x2) / 2} y={NODE_Y - 12} textAnchor="middle">
              {linkTierLabel(s.tier)}
            </text>
          </g>
        );
      })}
      {nodes.map((n, i) => {
        const kind = i === 0 ? 'me' : i === last ? 'target' : n.accountId ? 'connection' : 'stranger';
        return (
          // biome-ignore lint/suspicious/noArrayIndexKey: a path's nodes are fixed and ordered
          <g key={i} className={`path-graph__node path-graph__node--${kind}`}>
            <title>{n.name}</title>
            <circle cx={PAD_X + STEP_X * i} cy={NODE_Y} r={R} />
            <text x={PAD_X + STEP_X * i} y={NODE_Y + R + 18} textAnchor="middle">
              {i === 0 ? 'You' : short(n.name)}
            </text>
          </g>
        );
      })}
    </svg>
  );
}
