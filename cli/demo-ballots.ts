import { shuffle, type Random } from './demo-roster';

/** What a round's paper ballots should add up to: the demo's result is planned, then marked. */
export interface BallotPlan {
  /** In ballot order. */
  candidates: readonly string[];
  seats: number;
  /** "For" votes per name: candidates, and written-in names (○ above the name). */
  votes: ReadonlyMap<string, number>;
  /** Valid ballots; the votes are spread over these. */
  valid: number;
  /** Ballots the scrutineers reject, and ballots marked for more names than seats. */
  rejected: number;
  overVoted: number;
  /** Of the boxes not marked ○, the share marked × (the rest left blank: 弃权). */
  against: number;
}

export interface PaperBallot {
  marks: string;
  writeIns: { name: string; mark: 'O' | '-' }[];
  declaredInvalid: string | null;
}

interface Sheet {
  chosen: Set<string>;
}

/**
 * Marks `valid` papers so that every name gets exactly its planned votes and no paper carries more
 * than `seats` ○: each name, most votes first, goes onto the papers with the most room left
 * (ties in a seeded random order), which always fits when the plan does. Then the invalid ones,
 * and the whole stack shuffled as it comes out of the box.
 */
export function markBallots(random: Random, plan: BallotPlan): PaperBallot[] {
  const sheets: Sheet[] = Array.from({ length: plan.valid }, () => ({ chosen: new Set<string>() }));
  const byVotes = [...plan.votes].sort(([, a], [, b]) => b - a);
  for (const [name, votes] of byVotes) {
    const roomiest = shuffle(random, sheets)
      .filter((s) => s.chosen.size < plan.seats)
      .sort((a, b) => a.chosen.size - b.chosen.size)
      .slice(0, votes);
    if (roomiest.length < votes)
      throw new Error(`the demo's plan gives ${name} more votes than fit`);
    for (const sheet of roomiest) sheet.chosen.add(name);
  }
  const listed = new Set(plan.candidates);
  const papers = sheets.map((sheet) => ({
    marks: plan.candidates
      .map((name) => (sheet.chosen.has(name) ? 'O' : random() < plan.against ? 'X' : '-'))
      .join(''),
    writeIns: [...sheet.chosen]
      .filter((name) => !listed.has(name))
      .map((name) => ({ name, mark: 'O' as const })),
    declaredInvalid: null,
  }));
  const blank = '-'.repeat(plan.candidates.length);
  const rejected = Array.from({ length: plan.rejected }, () => ({
    marks: blank,
    writeIns: [],
    declaredInvalid: '有其他标记',
  }));
  const overVoted = Array.from({ length: plan.overVoted }, () => ({
    marks: plan.candidates.map((_, i) => (i <= plan.seats ? 'O' : '-')).join(''),
    writeIns: [],
    declaredInvalid: null,
  }));
  return shuffle(random, [...papers, ...rejected, ...overVoted]);
}
