import { z } from 'zod';
import type { RoundState } from '../domain/rounds';
import { OFFICES, type Office, type RoundKind } from '../tally/types';
import { idSchema } from './fields';
import { method, returns } from './method';
import { roleGroups, roles } from '../domain/roles';

const seatsSchema = z
  .number({ error: '应为应选人数' })
  .int('应选人数应为整数')
  .min(1, '应选人数至少为 1')
  .max(200, '应选人数不能超过 200');

const electionFields = {
  /** As printed on the ballot, e.g. 选举中国共产党东湖镇第十六届委员会委员. */
  title: z
    .string({ error: '应为选举事项名称' })
    .trim()
    .min(1, '选举事项名称不能为空')
    .max(100, '选举事项名称不能超过 100 个字'),
  office: z.enum(OFFICES, { error: '应为选举的职务（委员、纪委委员、代表……）' }),
  seats: seatsSchema,
  /** The colour of the paper, printed as a label at the top right; empty for none. */
  ballotColour: z.string({ error: '应为选票颜色' }).trim().max(10, '选票颜色不能超过 10 个字'),
  doubleEntry: z.boolean({ error: '应为 是 或 否' }),
  writeInBlanks: z
    .number({ error: '应为另选人空格数' })
    .int('另选人空格数应为整数')
    .min(0, '另选人空格数不能小于 0')
    .max(60, '另选人空格数不能超过 60'),
};

export const candidateInputSchema = z.strictObject({
  name: z
    .string({ error: '应为候选人姓名' })
    .trim()
    .min(1, '候选人姓名不能为空')
    .max(40, '候选人姓名不能超过 40 个字')
    .transform((name) => name.replace(/\s+/g, '')),
  /** Shown beside the name in lists (e.g. the unit); not printed on the ballot. */
  note: z.string({ error: '应为备注' }).trim().max(60, '备注不能超过 60 个字').optional(),
});

export type CandidateInput = z.input<typeof candidateInputSchema>;

export interface CandidateRecord {
  name: string;
  note: string;
  /** Place on the ballot, from 0. */
  position: number;
}

/** The 差额 check of a formal round (the engine's), in the words the operator needs. */
export interface SlateStatus {
  ok: boolean;
  minCandidates: number;
  maxCandidates: number | null;
  /** Names the bound: 差额不足：应选 9 名至少需要 11 名候选人（差额不少于 20%），现有 10 名 */
  message: string;
  /** The engine's determination with the rule it applied. */
  detail: string;
}

export interface RoundRecord {
  id: number;
  kind: RoundKind;
  seats: number;
  /** A 预选's: how many formal candidates it produces; null for other rounds. */
  formalCandidates: number | null;
  state: RoundState;
  candidates: CandidateRecord[];
  /** Formal rounds only. */
  slate: SlateStatus | null;
  /** Characters without stroke data, names of identical strokes: check the order by hand. */
  collationWarnings: string[];
  /** Why the ballot of this round cannot be printed now; null when it can. */
  printBlocked: string | null;
}

export interface ElectionRecord {
  id: number;
  congressId: number;
  title: string;
  office: Office;
  seats: number;
  ballotColour: string;
  doubleEntry: boolean;
  writeInBlanks: number;
  position: number;
  /** strokes: 姓氏笔画, sorted automatically; given: 书记/副书记 in the approved order. */
  candidateOrder: 'strokes' | 'given';
  /** In the order they were held; the first is the formal round. */
  rounds: RoundRecord[];
}

const { admin } = roleGroups;

/** A 预选's: how many formal candidates it produces. */
const formalCandidatesSchema = z
  .number({ error: '应为预选产生的正式候选人数' })
  .int('正式候选人数应为整数')
  .min(1, '正式候选人数至少为 1')
  .max(150, '正式候选人数不能超过 150');

/** Set on changes to what a printed ballot shows; without it the error names this field. */
const confirmReprint = z.boolean({ error: '应为 是 或 否' }).optional();

export const electionsMethods = {
  'elections.list': method({
    input: z.strictObject({ congressId: idSchema }),
    access: roles,
    output: returns<ElectionRecord[]>(),
  }),
  'elections.get': method({
    input: z.strictObject({ electionId: idSchema }),
    access: roles,
    output: returns<ElectionRecord>(),
  }),
  /**
   * Creates the election with its formal round; doubleEntry and writeInBlanks default by office.
   * With `formalCandidates` it starts with a 预选 producing that many formal candidates instead.
   */
  'elections.create': method({
    input: z.strictObject({
      congressId: idSchema,
      formalCandidates: formalCandidatesSchema.optional(),
      title: electionFields.title,
      office: electionFields.office,
      seats: electionFields.seats,
      ballotColour: electionFields.ballotColour.optional(),
      doubleEntry: electionFields.doubleEntry.optional(),
      writeInBlanks: electionFields.writeInBlanks.optional(),
    }),
    access: admin,
    output: returns<ElectionRecord>(),
  }),
  'elections.update': method({
    input: z.strictObject({
      electionId: idSchema,
      confirmReprint,
      /** Only for an election that starts with a 预选, before its voting. */
      formalCandidates: formalCandidatesSchema.optional(),
      title: electionFields.title.optional(),
      office: electionFields.office.optional(),
      seats: electionFields.seats.optional(),
      ballotColour: electionFields.ballotColour.optional(),
      doubleEntry: electionFields.doubleEntry.optional(),
      writeInBlanks: electionFields.writeInBlanks.optional(),
    }),
    access: admin,
    output: returns<ElectionRecord>(),
  }),
  /** Only before voting: an election whose ballots have been issued is part of the record. */
  'elections.remove': method({
    input: z.strictObject({ electionId: idSchema }),
    access: admin,
    output: returns<null>(),
  }),
  /**
   * Sets a round's whole candidate list. Stroke-ordered offices are sorted here; 书记/副书记 keep
   * the order given. Refused once voting has started; after printing it needs `confirmReprint`.
   */
  'elections.setCandidates': method({
    input: z.strictObject({
      roundId: idSchema,
      candidates: z.array(candidateInputSchema).max(150, '候选人不能超过 150 名'),
      confirmReprint,
    }),
    access: admin,
    output: returns<ElectionRecord>(),
  }),
};
