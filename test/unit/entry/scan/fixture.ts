import { entryHarness, seedCountingRound, type RoundSeed, type Seeded } from '../fixture';
import {
  blankSheet,
  encode,
  markedBallot,
  printBallot,
  type FileKind,
  type Paper,
  type Vote,
} from './paper';

export { ballot, enterAll, openBox } from '../fixture';
export type { Paper, Vote };

/** A file as `scan.submitFiles` takes it. */
export interface ScanFile {
  name: string;
  content: string;
}

export type ScanSeeded = Seeded & { paper: Paper };

/**
 * The entry harness (a 9-of-11 round being counted, two tellers, two scrutineers) with the round's
 * machine ballot printed by the program before voting, as scanning needs.
 */
export async function scanHarness(seed: RoundSeed = {}): Promise<ScanSeeded> {
  const h = await entryHarness(seed);
  return { ...h, paper: await printedBeforeCount(h, h.round.id) };
}

/**
 * Prints a seeded round as set-up prints it before voting (draft to printed, its layout recorded)
 * and gives it back to the count.
 */
export async function printedBeforeCount(h: Seeded, roundId: number): Promise<Paper> {
  h.store.transaction(() => h.store.elections.setRoundState(roundId, 'draft'));
  const paper = await printBallot(h.store, roundId);
  h.store.transaction(() => h.store.elections.setRoundState(roundId, 'counting'));
  return paper;
}

/**
 * The round printed again after a change of its paper (set-up sends it back to draft and the
 * print records a new layout); returns the new paper, the old one is the print before.
 */
export async function reprinted(h: ScanSeeded, change: { writeInBlanks: number }): Promise<Paper> {
  const admin = await h.person('admin', '王管理');
  h.store.transaction(() => h.store.elections.setRoundState(h.round.id, 'printed'));
  await h.must(
    'elections.update',
    { electionId: h.election.id, confirmReprint: true, ...change },
    admin.token,
  );
  return printedBeforeCount(h, h.round.id);
}

/** The discipline commission's election of the same congress, printed and being counted. */
export async function otherElection(h: ScanSeeded): Promise<Paper> {
  const other = seedCountingRound(h.store, {
    congressId: h.congress.id,
    title: '选举中国共产党东湖镇纪律检查委员会委员',
    office: 'discipline',
    candidates: ['丁一', '王二', '李三', '张四', '赵五'],
    seats: 3,
  });
  return printedBeforeCount(h, other.round.id);
}

export function file(name: string, bytes: Uint8Array): ScanFile {
  return { name, content: Buffer.from(bytes).toString('base64') };
}

/** The ballots as voters marked them, in one scanned file: JPEG and PNG take one ballot. */
export async function scan(paper: Paper, kind: FileKind, votes: readonly Vote[], name?: string) {
  const pages = (await Promise.all(votes.map((v) => markedBallot(paper, v)))).flat();
  return file(name ?? `scan.${kind}`, await encode(kind, pages));
}

/** An empty sheet, as the back of a duplex scan comes out. */
export async function blank(paper: Paper, name = 'back.png') {
  const [sheet] = paper.sheets;
  if (!sheet) throw new Error('the paper has no sheet');
  return file(name, await encode('png', [blankSheet(sheet)]));
}

/** Scanned files into teller's pass of the box; the call's result. */
export function submit(h: Seeded, boxId: number, token: string, files: ScanFile[]) {
  return h.call('scan.submitFiles', { boxId, files }, token);
}

/** The pass's sheets as the teller sees them. */
export async function sheets(h: Seeded, boxId: number, token: string) {
  return (await h.must('scan.sheets', { boxId }, token)).sheets;
}

/** Votes of the township's committee ballot (11 candidates, 9 seats, 3 write-in slots). */
export const votes = {
  allNine: { marks: 'OOOOOOOOO--' },
  mixed: { marks: 'OOOOXXXOO-O' },
  againstSome: { marks: 'OXOOOOOXO-X' },
  abstainAll: { marks: '-----------' },
  fiveFor: { marks: 'OOOOO------' },
  /** A tick in 于洋's cell: no teller reads it as ○ or ×. */
  tick: { marks: 'OOOvOOOOO--' },
  /** 8 candidates and a name written into the first 另选人 slot with a ○. */
  writeIn: { marks: 'OOOOOOOO--X', writeIns: { 0: 'O' } },
} satisfies Record<string, Vote>;
