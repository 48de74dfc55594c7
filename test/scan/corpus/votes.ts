import type { CellMark, OddMark } from './marks';
import type { Rng } from './rng';

export const ODD_MARKS: readonly OddMark[] = [
  'tick',
  'filled',
  'scribble',
  'crossed-circle',
  'double',
  'border',
];

/** What one voter put on one page: per candidate cell and per write-in slot (null: left blank). */
export interface Votes {
  candidates: (CellMark | null)[];
  writeIns: { name: boolean; mark: CellMark | null }[];
}

export interface VoteShares {
  /** Share of ballots with at least one mark that needs review. */
  odd: number;
  /** Share of ballots with a write-in name. */
  writeIn: number;
}

export const DEFAULT_SHARES: VoteShares = { odd: 0.015, writeIn: 0.05 };

/**
 * Chooses a plausible voter: most mark about `seats` candidates with ○, some strike the rest
 * with ×, a few vote short or over, leave the page blank, write a name in; and a small share make
 * a mark that has to go to review. Popularity differs by candidate so tallies are not uniform.
 */
export function chooseVotes(
  rng: Rng,
  candidates: number,
  slots: number,
  seats: number,
  shares: VoteShares,
): Votes {
  const votes: Votes = {
    candidates: new Array<CellMark | null>(candidates).fill(null),
    writeIns: Array.from({ length: slots }, () => ({ name: false, mark: null })),
  };
  if (rng.chance(0.006)) return odd(rng, votes, shares);
  const full = Math.min(seats, candidates);
  const r = rng.next();
  let circles =
    r < 0.74
      ? full
      : r < 0.9
        ? full - 1 - rng.int(Math.min(3, full))
        : r < 0.93
          ? full + 1
          : rng.int(full + 1);
  circles = Math.max(0, Math.min(candidates, circles));

  if (slots > 0 && rng.chance(shares.writeIn)) {
    const names = slots > 1 && rng.chance(0.2) ? 2 : 1;
    for (let s = 0; s < names; s++) {
      const slot = votes.writeIns[s];
      if (slot === undefined) continue;
      const kind = rng.next();
      slot.name = kind >= 0.05;
      slot.mark = kind < 0.9 ? 'O' : null;
    }
    circles = Math.max(0, circles - names);
  }

  const chosen = pickByPopularity(rng, candidates, circles);
  for (const i of chosen) votes.candidates[i] = 'O';
  const rest = votes.candidates.flatMap((m, i) => (m === null ? [i] : []));
  const cross = rng.weighted({ none: 0.55, all: 0.3, some: 0.15 });
  if (cross === 'all') for (const i of rest) votes.candidates[i] = 'X';
  if (cross === 'some') {
    for (let n = 1 + rng.int(2); n > 0 && rest.length > 0; n--) {
      const [i] = rest.splice(rng.int(rest.length), 1);
      if (i !== undefined) votes.candidates[i] = 'X';
    }
  }
  return odd(rng, votes, shares);
}

function odd(rng: Rng, votes: Votes, shares: VoteShares): Votes {
  if (!rng.chance(shares.odd)) return votes;
  const cells = votes.candidates.length + votes.writeIns.length;
  const count = rng.chance(0.2) ? 2 : 1;
  for (let n = 0; n < count; n++) {
    const i = rng.int(cells);
    const mark = rng.pick(ODD_MARKS);
    if (i < votes.candidates.length) votes.candidates[i] = mark;
    else {
      const slot = votes.writeIns[i - votes.candidates.length];
      if (slot !== undefined) slot.mark = mark;
    }
  }
  return votes;
}

function pickByPopularity(rng: Rng, candidates: number, count: number): number[] {
  const weights = Array.from({ length: candidates }, (_, i) => 1 + ((i * 37) % 11) / 4);
  const chosen: number[] = [];
  for (let n = 0; n < count; n++) {
    const total = weights.reduce((s, w) => s + w, 0);
    let r = rng.next() * total;
    let pick = weights.findIndex((w) => (r -= w) < 0);
    if (pick < 0) pick = weights.findIndex((w) => w > 0);
    chosen.push(pick);
    weights[pick] = 0;
  }
  return chosen;
}
