import type { Ballot, Box, EntryPass, Reconciliation } from '../../db/ballots';
import type { Store } from '../../db/store';
import type { Difference } from '../../shared/api/entry';
import { sameBallot, type StoredBallot } from '../../shared/domain/paper-ballot';

/** A ballot's content, the part two entries of the same paper are compared on. */
export function contentOf(ballot: Ballot): StoredBallot {
  return {
    marks: ballot.marks,
    invalidReason: ballot.invalidReason,
    writeIns: ballot.writeIns.map(({ name, mark }) => ({ name, mark })),
  };
}

interface PassPair {
  first: EntryPass;
  second: EntryPass;
}

function passPair(store: Store, box: Box): PassPair | undefined {
  const first = store.ballots.passOf(box.id, 1);
  const second = store.ballots.passOf(box.id, 2);
  return first && second ? { first, second } : undefined;
}

/**
 * Every place where the two passes differ, in seq order. A settled place stays listed with its
 * decision: pass 1 then holds the decided ballot, and its original entry is the one the
 * reconciliation voided (or the standing one, when the first entry was chosen).
 */
export function differencesOf(store: Store, box: Box): Difference[] {
  const pair = passPair(store, box);
  if (!pair) return [];
  const firstAll = store.ballots.ofPass(pair.first.id);
  const second = new Map(store.ballots.live(pair.second.id).map((b) => [b.seq, b]));
  const settled = new Map(store.ballots.reconciliationsOf(box.id).map((r) => [r.seq, r]));
  const differences: Difference[] = [];
  for (const [seq, entries] of groupBySeq(firstAll)) {
    const standing = entries.find((b) => b.voidedReason === null);
    const other = second.get(seq);
    if (!standing || !other) continue;
    const resolution = settled.get(seq);
    if (resolution) {
      const original = resolution.choice === 'first' ? standing : entries.at(-2);
      if (!original) throw new Error(`box ${box.id} seq ${seq}: the reconciled entry is missing`);
      differences.push(settledDifference(store, seq, original, other, standing, resolution));
    } else if (!sameBallot(contentOf(standing), contentOf(other))) {
      differences.push({
        seq,
        first: contentOf(standing),
        second: contentOf(other),
        scanned: scannedOf(store, standing, other),
        resolution: null,
      });
    }
  }
  return differences;
}

function settledDifference(
  store: Store,
  seq: number,
  original: Ballot,
  second: Ballot,
  decided: Ballot,
  r: Reconciliation,
): Difference {
  return {
    seq,
    first: contentOf(original),
    second: contentOf(second),
    scanned: scannedOf(store, original, second),
    resolution: {
      choice: r.choice,
      note: r.note,
      resolvedBy: store.people.byId(r.resolvedBy)?.name ?? `人员 ${r.resolvedBy}`,
      at: r.at,
      decided: contentOf(decided),
    },
  };
}

/** Which of the two entries came from a scanned sheet, for its image beside the difference. */
function scannedOf(store: Store, first: Ballot, second: Ballot): Difference['scanned'] {
  return (
    [
      [1, first],
      [2, second],
    ] as const
  ).flatMap(([pass, ballot]) =>
    store.scan.sheetOfBallot(ballot.id) ? [{ pass, ballotId: ballot.id }] : [],
  );
}

/** Ballots of one pass grouped by seq, each group in the order entered. */
function groupBySeq(ballots: readonly Ballot[]): Map<number, Ballot[]> {
  const groups = new Map<number, Ballot[]>();
  for (const ballot of ballots) {
    const group = groups.get(ballot.seq);
    if (group) group.push(ballot);
    else groups.set(ballot.seq, [ballot]);
  }
  return groups;
}

export function unresolvedCount(store: Store, box: Box): number {
  return differencesOf(store, box).filter((d) => d.resolution === null).length;
}
