import { type KeyboardEvent, type PointerEvent, useId, useMemo, useRef, useState } from 'react';
import { Link } from 'react-router';
import type { GraphLink, GraphNode, NetworkGraph } from '../../../contracts/network';
import type { Tier } from '../../api/types';
import { formatCount, plural } from '../../ui/format';
import { Loading } from '../../ui/loading';
import { PageHeader } from '../../ui/page-header';
import { QueryError } from '../../ui/query-error';
import { TextField } from '../../ui/text-field';
import { useDocumentTitle } from '../../ui/use-document-title';
import { tierLabel } from '../relationships/relationship-words';
import { boundsOf, layoutGraph, type PlacedNode } from './layout-graph';
import { NetworkSubnav } from './network-subnav';
import { useNetworkGraph } from './use-network';
import './network.css';

const TIERS: Tier[] = ['inner', 'close', 'active', 'dormant'];
const SIZES = [50, 100, 200, 300];

/**
 * My side of the network to explore: me in the middle, the people I know placed by how strong the relationship is,
 * colleagues pulled together around their organisation, my Rapport connections marked. Click (or Enter on) anyone
 * to see who they are and where to go next; the list below says the same in words.
 */
export function NetworkGraphPage() {
  useDocumentTitle('Network graph');
  const [limit, setLimit] = useState(100);
  const graph = useNetworkGraph(limit);
  const sizeId = useId();
  return (
    <>
      <PageHeader
        title="Network graph"
        subtitle="You in the middle; the stronger the relationship, the nearer. Colleagues gather around their organisation."
      />
      <NetworkSubnav />
      <div className="field field--inline graph-size">
        <label htmlFor={sizeId}>People shown</label>
        <select id={sizeId} value={limit} onChange={(e) => setLimit(Number(e.target.value))}>
          {SIZES.map((n) => (
            <option key={n} value={n}>
              {n} strongest
            </option>
          ))}
        </select>
      </div>
      {graph.isPending ? <Loading /> : null}
      {graph.isError ? <QueryError error={graph.error} onRetry={() => void graph.refetch()} /> : null}
      {graph.data ? <GraphExplorer key={limit} graph={graph.data} /> : null}
    </>
  );
}

function GraphExplorer({ graph }: { graph: NetworkGraph }) {
  const placed = useMemo(() => layoutGraph(graph.nodes, graph.links), [graph]);
  const [hidden, setHidden] = useState<Set<Tier>>(new Set());
  const [selected, setSelected] = useState<string | null>(null);
  const [find, setFind] = useState('');
  const byId = useMemo(() => new Map(placed.map((n) => [n.id, n])), [placed]);
  const neighbours = useMemo(() => {
    const m = new Map<string, Set<string>>();
    for (const l of graph.links) {
      if (!m.has(l.source)) m.set(l.source, new Set());
      if (!m.has(l.target)) m.set(l.target, new Set());
      m.get(l.source)?.add(l.target);
      m.get(l.target)?.add(l.source);
    }
    return m;
  }, [graph.links]);

  const visible = (n: PlacedNode): boolean => {
    if (n.kind === 'contact') return !hidden.has(n.tier ?? 'dormant');
    if (n.kind === 'organisation')
      return [...(neighbours.get(n.id) ?? [])].some((id) => {
        const m = byId.get(id);
        return m ? visible(m) : false;
      });
    return true;
  };
  const shownNodes = placed.filter(visible);
  const shownIds = new Set(shownNodes.map((n) => n.id));
  const shownLinks = graph.links.filter((l) => shownIds.has(l.source) && shownIds.has(l.target));
  const needle = find.trim().toLocaleLowerCase();
  const matches = new Set(
    needle ? shownNodes.filter((n) => n.label.toLocaleLowerCase().includes(needle)).map((n) => n.id) : [],
  );
  const focus = selected && shownIds.has(selected) ? selected : null;
  const near = focus ? (neighbours.get(focus) ?? new Set<string>()) : new Set<string>();
  const people = graph.nodes.filter((n) => n.kind === 'contact');
  const countOf = (t: Tier) => people.filter((n) => n.tier === t).length;

  if (people.length === 0 && graph.nodes.every((n) => n.kind !== 'account'))
    return (
      <p className="muted empty">
        Nobody to draw yet. <Link to="/contacts/new">Add a contact</Link> or <Link to="/import">import</Link>{' '}
        your LinkedIn connections, then log the times you meet.
      </p>
    );

  return (
    <>
      <p className="muted">
        {graph.shown < graph.totalContacts
          ? `The ${people.length} people you are closest to (or connected with most recently), of ${formatCount(graph.totalContacts)}.`
          : `Everyone in your rolodex: ${plural(people.length, 'person', 'people')}.`}
      </p>
      <div className="graph-controls">
        <fieldset className="graph-tiers">
          <legend>Show</legend>
          {TIERS.map((t) => (
            <label key={t} className="graph-tier">
              <input
                type="checkbox"
                checked={!hidden.has(t)}
                onChange={(e) => {
                  const next = new Set(hidden);
                  if (e.target.checked) next.delete(t);
                  else next.add(t);
                  setHidden(next);
                }}
              />
              <span className={`graph-swatch graph-swatch--${t}`} aria-hidden="true" />
              {tierLabel(t)} ({countOf(t)})
            </label>
          ))}
        </fieldset>
        <TextField
          label="Find someone in the picture"
          value={find}
          onChange={(e) => setFind(e.target.value)}
          placeholder="Name or organisation"
          className="graph-find"
        />
      </div>
      <div className="graph-layout">
        <GraphPicture
          nodes={shownNodes}
          links={shownLinks}
          byId={byId}
          focus={focus}
          near={near}
          matches={matches}
          onSelect={setSelected}
        />
        <aside className="card graph-panel" aria-live="polite" aria-label="Selected">
          {focus ? (
            <NodeDetails
              node={byId.get(focus) as PlacedNode}
              members={[...near]
                .map((id) => byId.get(id))
                .filter((n): n is PlacedNode => n?.kind === 'contact')}
              onSelect={setSelected}
            />
          ) : (
            <p className="muted">
              Choose someone in the picture (click, or Tab and Enter) to see who they are and what to do next.
              Drag to move around; the buttons zoom.
            </p>
          )}
        </aside>
      </div>
      <details className="graph-list">
        <summary>Show as a list</summary>
        <ul>
          {shownNodes
            .filter((n) => n.kind === 'contact' || n.kind === 'account')
            .map((n) => (
              <li key={n.id}>
                {n.kind === 'contact' ? <Link to={`/contacts/${n.id}`}>{n.label}</Link> : n.label}
                {n.kind === 'contact'
                  ? ` — ${tierLabel(n.tier ?? 'dormant')}, ${n.score ?? 0}`
                  : ' — on Rapport'}
                {n.organisation ? `, ${n.organisation}` : ''}
              </li>
            ))}
        </ul>
      </details>
    </>
  );
}

interface PictureProps {
  nodes: PlacedNode[];
  links: GraphLink[];
  byId: Map<string, PlacedNode>;
  focus: string | null;
  near: Set<string>;
  matches: Set<string>;
  onSelect: (id: string) => void;
}

/** Who gets a name on the picture: me, organisations, close people, my connections, and whatever is in focus. */
function labelled(n: GraphNode, focus: string | null, near: Set<string>, matches: Set<string>): boolean {
  return (
    n.kind !== 'contact' ||
    n.tier === 'inner' ||
    n.tier === 'close' ||
    n.accountId !== null ||
    n.id === focus ||
    near.has(n.id) ||
    matches.has(n.id)
  );
}

function describe(n: GraphNode): string {
  if (n.kind === 'me') return 'You';
  if (n.kind === 'organisation') return `${n.label}, organisation`;
  if (n.kind === 'account') return `${n.label}, connected on Rapport`;
  return `${n.label}, ${tierLabel(n.tier ?? 'dormant')} ${n.score ?? 0}${n.accountId ? ', on Rapport' : ''}`;
}

function GraphPicture({ nodes, links, byId, focus, near, matches, onSelect }: PictureProps) {
  const full = boundsOf(nodes);
  const [zoom, setZoom] = useState(1);
  const [pan, setPan] = useState({ x: 0, y: 0 });
  const drag = useRef<{ x: number; y: number; px: number; py: number; moved: boolean } | null>(null);
  const svg = useRef<SVGSVGElement>(null);
  const width = full.width / zoom;
  const height = full.height / zoom;
  const cx = full.x + full.width / 2 + pan.x;
  const cy = full.y + full.height / 2 + pan.y;
  const viewBox = `${cx - width / 2} ${cy - height / 2} ${width} ${height}`;

  function down(e: PointerEvent<SVGSVGElement>) {
    if ((e.target as Element).closest('.graph-node')) return;
    drag.current = { x: e.clientX, y: e.clientY, px: pan.x, py: pan.y, moved: false };
    e.currentTarget.setPointerCapture(e.pointerId);
  }
  function move(e: PointerEvent<SVGSVGElement>) {
    const d = drag.current;
    const box = svg.current?.getBoundingClientRect();
    if (!d || !box || box.width === 0) return;
    const scale = width / box.width; // picture units per screen pixel
    setPan({ x: d.px - (e.clientX - d.x) * scale, y: d.py - (e.clientY - d.y) * scale });
  }
  const up = () => {
    drag.current = null;
  };
  const key = (id: string) => (e: KeyboardEvent) => {
    if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      onSelect(id);
    }
  };
  const dim = (id: string) => focus !== null && id !== focus && !near.has(id);

  return (
    <figure className="card graph-figure">
      <div className="graph-zoom">
        <button type="button" className="button" onClick={() => setZoom((z) => Math.min(8, z * 1.5))}>
          Zoom in
        </button>
        <button type="button" className="button" onClick={() => setZoom((z) => Math.max(0.5, z / 1.5))}>
          Zoom out
        </button>
        <button
          type="button"
          className="button"
          onClick={() => {
            setZoom(1);
            setPan({ x: 0, y: 0 });
          }}
        >
          Fit
        </button>
      </div>
      <svg
        ref={svg}
        className="graph"
        viewBox={viewBox}
        aria-label={`Your network: ${nodes.filter((n) => n.kind === 'contact').length} people`}
        onPointerDown={down}
        onPointerMove={move}
        onPointerUp={up}
        onPointerCancel={up}
      >
        <g className="graph-links">
          {links.map((l) => {
            const a = byId.get(l.source);
            const b = byId.get(l.target);
            if (!a || !b) return null;
            const on = focus !== null && (l.source === focus || l.target === focus);
            return (
              <line
                key={`${l.source}-${l.target}`}
                x1={a.x}
                y1={a.y}
                x2={b.x}
                y2={b.y}
                className={`graph-link graph-link--${l.kind}${on ? ' graph-link--on' : ''}${focus && !on ? ' graph-link--dim' : ''}`}
              />
            );
          })}
        </g>
        <g>
          {nodes.map((n) => (
            // biome-ignore lint/a11y/useSemanticElements: SVG has no <button>; a focusable <g role="button"> is its equivalent
            <g
              key={n.id}
              className={[
                'graph-node',
                `graph-node--${n.kind}`,
                n.kind === 'contact' ? `graph-node--${n.tier}` : '',
                n.accountId && n.kind === 'contact' ? 'graph-node--rapport' : '',
                n.id === focus ? 'graph-node--focus' : '',
                matches.has(n.id) ? 'graph-node--match' : '',
                dim(n.id) ? 'graph-node--dim' : '',
              ]
                .filter(Boolean)
                .join(' ')}
              transform={`translate(${n.x} ${n.y})`}
              role="button"
              tabIndex={0}
              aria-label={describe(n)}
              aria-pressed={n.id === focus}
              onClick={() => onSelect(n.id)}
              onKeyDown={key(n.id)}
            >
              {/* A larger, invisible target: the smallest dots are a few pixels wide. */}
              <ellipse className="graph-hit" rx={Math.max(n.r, 10)} ry={Math.max(n.r, 10)} />
              {n.kind === 'organisation' ? (
                <rect x={-n.r} y={-n.r} width={n.r * 2} height={n.r * 2} rx={2} />
              ) : (
                <circle r={n.r} />
              )}
              {labelled(n, focus, near, matches) ? (
                <text y={n.r + 12} textAnchor="middle">
                  {n.label.length > 24 ? `${n.label.slice(0, 23)}…` : n.label}
                </text>
              ) : null}
            </g>
          ))}
        </g>
      </svg>
      <figcaption className="graph-legend">
        {TIERS.map((t) => (
          <span key={t}>
            <span className={`graph-swatch graph-swatch--${t}`} aria-hidden="true" /> {tierLabel(t)}
          </span>
        ))}
        <span>
          <span className="graph-swatch graph-swatch--org" aria-hidden="true" /> Organisation
        </span>
        <span>
          <span className="graph-swatch graph-swatch--rapport" aria-hidden="true" /> On Rapport
        </span>
      </figcaption>
    </figure>
  );
}

function NodeDetails({
  node,
  members,
  onSelect,
}: {
  node: PlacedNode;
  members: PlacedNode[];
  onSelect: (id: string) => void;
}) {
  if (node.kind === 'me')
    return (
      <>
        <h2>You</h2>
        <p>
          <Link to="/profile">Your profile</Link> · <Link to="/network/sharing">What you share</Link>
        </p>
      </>
    );
  if (node.kind === 'organisation')
    return (
      <>
        <h2>{node.label}</h2>
        <p className="muted">
          {members.length === 1 ? '1 person' : `${members.length} people`} you know here
        </p>
        <ul className="graph-members">
          {members.map((m) => (
            <li key={m.id}>
              <button type="button" className="link-button" onClick={() => onSelect(m.id)}>
                {m.label}
              </button>{' '}
              <span className="muted">{tierLabel(m.tier ?? 'dormant')}</span>
            </li>
          ))}
        </ul>
        <p>
          <Link to={`/organisations/${node.id.slice('org:'.length)}`}>Open the organisation</Link>
        </p>
      </>
    );
  if (node.kind === 'account')
    return (
      <>
        <h2>{node.label}</h2>
        <p>{[node.title, node.organisation].filter(Boolean).join(' · ') || 'Connected on Rapport'}</p>
        <p>
          <Link to={`/network/messages/${node.accountId}`}>Send a message</Link>
        </p>
      </>
    );
  return (
    <>
      <h2>{node.label}</h2>
      {node.title || node.organisation ? (
        <p>{[node.title, node.organisation].filter(Boolean).join(' · ')}</p>
      ) : null}
      <p>
        <span className={`tier tier--${node.tier}`}>{tierLabel(node.tier ?? 'dormant')}</span> strength{' '}
        {node.score ?? 0} / 100
      </p>
      {node.accountId ? <p>On Rapport, connected with you.</p> : null}
      <ul className="graph-actions">
        <li>
          <Link to={`/contacts/${node.id}`}>Open {node.label}</Link>
        </li>
        {node.accountId ? (
          <li>
            <Link to={`/network/messages/${node.accountId}`}>Send a message</Link>
          </li>
        ) : (
          <li>
            <Link to={`/network/paths?contactId=${node.id}`}>Warm paths through your connections</Link>
          </li>
        )}
      </ul>
    </>
  );
}
