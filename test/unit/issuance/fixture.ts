import type { DayHarness } from '../checkin/fixture';

/** An election with a slate inside its bounds, its ballot printed (draft → printed) through the real print. */
export async function printedElection(
  h: DayHarness,
  congressId: number,
  title = '选举中国共产党东湖镇第十六届委员会委员',
): Promise<{ electionId: number; roundId: number }> {
  const election = await h.must('elections.create', {
    congressId,
    title,
    office: 'committee',
    seats: 2,
  });
  const roundId = election.rounds[0]?.id ?? 0;
  await h.must('elections.setCandidates', {
    roundId,
    candidates: [{ name: '丁建国' }, { name: '王芳' }, { name: '李华' }],
  });
  await h.must('printouts.pdf', { kind: 'ballot', roundId });
  return { electionId: election.id, roundId };
}
