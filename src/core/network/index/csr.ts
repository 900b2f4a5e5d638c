/**
 * Compressed sparse rows in typed arrays: row `r`'s entries are `targets[offsets[r] .. offsets[r + 1])`, with one
 * byte of payload each in `weights`. About 5 bytes an entry, no objects, and a row is one contiguous slice.
 */
export interface Csr {
  offsets: Int32Array;
  targets: Int32Array;
  weights: Uint8Array;
}

/** The number of rows. */
export function rowCount(csr: Csr): number {
  return csr.offsets.length - 1;
}

/** Bytes held by the arrays. */
export function csrBytes(csr: Csr): number {
  return csr.offsets.byteLength + csr.targets.byteLength + csr.weights.byteLength;
}

/**
 * Builds rows from `n` directed entries `from[i] → to[i]` (payload `weight[i]`), each row sorted by target: two
 * counting-sort passes (by target, then stably by source), O(rows + entries), no comparison sort.
 */
export function buildCsr(
  rows: number,
  columns: number,
  from: Int32Array,
  to: Int32Array,
  weight: Uint8Array,
  n = from.length,
): Csr {
  // Pass 1: order the entries by target.
  const byTarget = new Int32Array(columns + 1);
  for (let i = 0; i < n; i++) {
    const t = (to[i] as number) + 1;
    byTarget[t] = (byTarget[t] as number) + 1;
  }
  for (let c = 0; c < columns; c++) byTarget[c + 1] = (byTarget[c + 1] as number) + (byTarget[c] as number);
  const order = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const t = to[i] as number;
    const at = byTarget[t] as number;
    byTarget[t] = at + 1;
    order[at] = i;
  }
  // Pass 2: place them into their source rows in that order, so each row comes out sorted.
  const offsets = new Int32Array(rows + 1);
  for (let i = 0; i < n; i++) {
    const r = (from[i] as number) + 1;
    offsets[r] = (offsets[r] as number) + 1;
  }
  for (let r = 0; r < rows; r++) offsets[r + 1] = (offsets[r + 1] as number) + (offsets[r] as number);
  const cursor = offsets.slice(0, rows);
  const targets = new Int32Array(n);
  const weights = new Uint8Array(n);
  for (let k = 0; k < n; k++) {
    const i = order[k] as number;
    const r = from[i] as number;
    const at = cursor[r] as number;
    cursor[r] = at + 1;
    targets[at] = to[i] as number;
    weights[at] = weight[i] as number;
  }
  return { offsets, targets, weights };
}

/**
 * Builds an undirected graph's rows from `n` edges `a[i] — b[i]`: each edge is stored in both rows, with the
 * payload seen from each side (`aWeight` on a's row, `bWeight` on b's).
 */
export function buildUndirected(
  nodes: number,
  a: Int32Array,
  b: Int32Array,
  aWeight: Uint8Array,
  bWeight: Uint8Array,
  n = a.length,
): Csr {
  const from = new Int32Array(2 * n);
  const to = new Int32Array(2 * n);
  const w = new Uint8Array(2 * n);
  from.set(a.subarray(0, n), 0);
  from.set(b.subarray(0, n), n);
  to.set(b.subarray(0, n), 0);
  to.set(a.subarray(0, n), n);
  w.set(aWeight.subarray(0, n), 0);
  w.set(bWeight.subarray(0, n), n);
  return buildCsr(nodes, nodes, from, to, w);
}

/** The position of `target` in row `row` (rows are sorted), or -1. */
export function findEntry(csr: Csr, row: number, target: number): number {
  let lo = csr.offsets[row] as number;
  let hi = (csr.offsets[row + 1] as number) - 1;
  const t = csr.targets;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const v = t[mid] as number;
    if (v === target) return mid;
    if (v < target) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}
