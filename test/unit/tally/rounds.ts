import type { BallotGroup, RoundInput } from '../../../shared/tally';

/** Ballots for candidates by their for-votes: `votes` copies of a ballot marking just that one. */
export function singleVotes(votes: readonly number[], abstaining = 0): BallotGroup[] {
  const groups: BallotGroup[] = votes.map((n, i) => ({
    n,
    marks: votes.map((_, j) => (i === j ? 'O' : '-')).join(''),
  }));
  return abstaining > 0 ? [...groups, { n: abstaining, marks: '-'.repeat(votes.length) }] : groups;
}

/**
 * A well-formed round: everyone present (unless said otherwise), ballots issued and returned as
 * many as the groups hold.
 */
export function makeRound(
  round: Partial<RoundInput> & Pick<RoundInput, 'candidates' | 'seats'>,
): RoundInput {
  const ballots = round.ballots ?? [];
  const returned = round.returned ?? ballots.reduce((sum, group) => sum + group.n, 0);
  const profile = round.profile ?? 'party-grassroots';
  const party = profile === 'party-grassroots' || profile === 'party-local';
  return {
    profile,
    round: 'formal',
    office: 'committee',
    issued: returned,
    returned,
    electorate: party ? { entitled: returned, present: returned } : { entitled: returned },
    ...round,
    ballots,
  };
}

const SURNAMES = [...'王石朱李吴周马赵丁于白刘方陈张林'];
const GIVEN = [...'芳磊红华斌涛力敏一洋雪强明静伟木'];

/** Distinct names: 王芳 石磊 朱红 … then three-character ones. */
export function namesOf(count: number): string[] {
  return Array.from({ length: count }, (_, i) => {
    const surname = SURNAMES[i % 16] ?? '';
    const given = GIVEN[i % 16] ?? '';
    return i < 16 ? surname + given : surname + (GIVEN[Math.floor(i / 16) - 1] ?? '') + given;
  });
}
