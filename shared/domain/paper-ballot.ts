import { ballotRules, countBallots, type Ballot, type BallotRules } from '../tally';

/**
 * One paper ballot as the tellers enter it, and how the engine reads it. The rules themselves
 * (what is an over-vote, which written names count) are the engine's: this module only asks it.
 */

/** One character per candidate in ballot order. */
export const MARK = { for: 'O', against: 'X', none: '-', unclear: '?' } as const;

export type Mark = (typeof MARK)[keyof typeof MARK];

export interface EnteredWriteIn {
  name: string;
  /** O: ○ above the written name; -: no mark. */
  mark: 'O' | '-';
}

/** What a teller enters for one ballot; `declaredInvalid` is the scrutineers' reason, if any. */
export interface BallotEntry {
  marks: string;
  writeIns: EnteredWriteIn[];
  declaredInvalid: string | null;
}

/** A ballot as stored: an over-vote and a declared-invalid ballot both carry their reason. */
export interface StoredBallot {
  marks: string;
  invalidReason: string | null;
  writeIns: readonly EnteredWriteIn[];
}

/** The reasons the scrutineers give for rejecting a ballot (1990 暂行条例 Art. 20). */
export const DECLARED_INVALID_REASONS = ['无法辨认', '有其他标记'] as const;

/** “其他” with the scrutineers' own words. */
export function otherReason(text: string): string {
  return `其他：${text.trim()}`;
}

/** How one round's ballots are read: its candidates, the most "for" marks, the write-in rule. */
export interface BallotReader {
  rules: BallotRules;
  /** The same with no limit, to count the "for" marks of an over-voted ballot too. */
  unlimited: BallotRules;
  preliminary: boolean;
}

export function ballotReader(
  candidates: readonly string[],
  limit: number,
  options: { writeInWithoutMark: 'ignore' | 'for'; preliminary: boolean },
): BallotReader {
  return {
    rules: ballotRules(candidates, limit, options.writeInWithoutMark),
    unlimited: ballotRules(candidates, Number.MAX_SAFE_INTEGER, options.writeInWithoutMark),
    preliminary: options.preliminary,
  };
}

export interface Reading {
  /** "For" marks as the engine counts them: ○ candidates plus written names that count. */
  forCount: number;
  limit: number;
  overVote: boolean;
  /** 超选：赞成 10 人，应选 9 人 — null unless over-voted. */
  overVoteReason: string | null;
}

/** What the engine makes of the marks and written names (a declared-invalid ballot aside). */
export function readBallot(
  reader: BallotReader,
  ballot: { marks: string; writeIns: readonly EnteredWriteIn[] },
): Reading {
  const tally = countBallots(reader.unlimited, [
    { marks: ballot.marks, writeIns: ballot.writeIns },
  ]);
  let forCount = tally.writeIns.size;
  for (const votes of tally.for) forCount += votes;
  const limit = reader.rules.limit;
  const overVote = forCount > limit;
  const bound = reader.preliminary ? `正式候选人 ${limit} 名` : `应选 ${limit} 人`;
  return {
    forCount,
    limit,
    overVote,
    overVoteReason: overVote ? `超选：赞成 ${forCount} 人，${bound}` : null,
  };
}

/**
 * What is stored for an entry: a declared-invalid ballot keeps only its reason (nothing on it is
 * read), an over-voted one keeps its marks with the over-vote as its reason.
 */
export function storedBallot(reader: BallotReader, entry: BallotEntry): StoredBallot {
  if (entry.declaredInvalid !== null) {
    const blank = MARK.none.repeat(reader.rules.candidates.length);
    return { marks: blank, invalidReason: entry.declaredInvalid, writeIns: [] };
  }
  const reading = readBallot(reader, entry);
  return { marks: entry.marks, invalidReason: reading.overVoteReason, writeIns: entry.writeIns };
}

/**
 * The engine's ballot for a stored one. An over-voted ballot goes in with its marks, so that the
 * engine finds the over-vote itself (and says so in its determinations); a ballot the scrutineers
 * rejected goes in as invalid.
 */
export function engineBallot(reader: BallotReader, stored: StoredBallot): Ballot {
  const read = { marks: stored.marks, writeIns: stored.writeIns };
  if (stored.invalidReason === null || readBallot(reader, read).overVote) return read;
  return { invalid: true };
}

/** Two entries of the same paper agree: same marks, same verdict, same written names in order. */
export function sameBallot(a: StoredBallot, b: StoredBallot): boolean {
  return (
    a.marks === b.marks &&
    a.invalidReason === b.invalidReason &&
    a.writeIns.length === b.writeIns.length &&
    a.writeIns.every((w, i) => w.name === b.writeIns[i]?.name && w.mark === b.writeIns[i]?.mark)
  );
}
