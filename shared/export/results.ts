import { z } from 'zod';
import { ROUND_STATES } from '../domain/rounds';
import { OFFICES, PROFILES, ROUNDS } from '../tally/types';

/*
 * results.json of the results package: every certified round with the engine's input (so that
 * anyone can count ballots.json again under the same rules) and its result. This schema is the
 * contract: shared/export/results.schema.json is generated from it (a test keeps them equal) and
 * docs/results-package.md describes it. A change that a reader of version 1 would misread needs
 * version 2.
 */

export const resultsFormat = 'congress-tally-results/results';
export const resultsVersion = 1;

const count = z.int().nonnegative();
const name = z.string().min(1);

const outcome = z
  .enum(['elected', 'not-elected', 'runoff', 'qualified'])
  .describe(
    'elected 当选，not-elected 未当选，runoff 须再次投票，qualified 预选中确定为正式候选人',
  );

const nameResult = z.union([
  z.strictObject({
    name,
    for: count,
    against: count,
    abstain: count,
    writeIn: z.literal(false),
    outcome,
  }),
  z.strictObject({ name, for: count, writeIn: z.literal(true), outcome }),
]);

const seatsAndNames = z.strictObject({ seats: count, candidates: z.array(name) });

const warning = z
  .looseObject({ code: z.string(), message: z.string(), names: z.array(z.string()) })
  .describe(
    '计票时提示操作员核对的事项（笔画数据缺失、另选他人与候选人同名、另选他人当选待资格审查等）',
  );

/** The engine's RoundResult, field for field (shared/tally/types.ts). */
const roundResultSchema = z.strictObject({
  status: z.enum(['valid', 'invalid']),
  invalidReason: z.enum(['quorum', 'returned-exceeds-issued']).nullable(),
  quorum: z.strictObject({ required: count, present: count, met: z.boolean() }),
  ballots: z.strictObject({
    issued: count,
    returned: count,
    valid: count.nullable(),
    invalid: count.nullable(),
  }),
  threshold: z.strictObject({ minVotes: count }).nullable(),
  results: z.array(nameResult).describe('候选人按选票顺序，另选他人按得票多少'),
  elected: z.array(name).describe('当选（预选中为确定的正式候选人）名单，按宣布顺序'),
  vacancies: count,
  runoff: seatsAndNames.nullable(),
  supplementary: seatsAndNames.nullable(),
  slate: z
    .strictObject({ minCandidates: count, maxCandidates: count.nullable(), ok: z.boolean() })
    .nullable(),
  determinations: z
    .array(
      z.strictObject({
        kind: z.enum([
          'quorum',
          'accounting',
          'ballots',
          'threshold',
          'outcome',
          'runoff',
          'shortfall',
          'slate',
          'order',
        ]),
        name: z.string().optional(),
        text: z.string(),
        rule: z.string(),
      }),
    )
    .describe('每项判定的中文说明及所依据的条款'),
  warnings: z.array(warning),
});

const ruleOptions = z
  .strictObject({
    quorum: z.enum(['at-least-4/5', 'more-than-4/5']).optional(),
    thresholdBase: z.enum(['entitled', 'present']).optional(),
    meeting: z.enum(['congress', 'plenary']).optional(),
    nameOrder: z.enum(['party', 'npc']).optional(),
    writeInWithoutMark: z.enum(['ignore', 'for']).optional(),
  })
  .describe('本次大会选举办法中可设置的计票规则；未列出的取规则类型的默认值');

/** Everything the engine needs besides the ballots, which are in ballots.json. */
const tallyParametersSchema = z.strictObject({
  profile: z.enum(PROFILES).describe('规则类型'),
  options: ruleOptions,
  round: z
    .enum(ROUNDS)
    .describe('formal 正式选举，preliminary 预选，runoff 再次投票，supplementary 另行选举'),
  office: z.enum(OFFICES),
  seats: z.int().min(1).describe('应选名额'),
  formalCandidates: z.int().min(1).nullable().describe('预选应产生的正式候选人数；其他轮次为 null'),
  candidates: z.array(name).min(1).describe('候选人，按选票上的顺序'),
  electorate: z.strictObject({
    entitled: z.int().min(1).describe('应到会有选举权人数（村委会、人大选举为登记选民数）'),
    present: count.nullable().describe('实到会有选举权人数；按收回选票计算到会的规则为 null'),
  }),
  issued: count.describe('发出选票数'),
  returned: count.describe('收回选票数'),
  ineligible: z
    .array(name)
    .optional()
    .describe('经监票人核实不具备被选举资格的另选他人：不当选，其名额空缺；没有时省略'),
});

const person = z.string();

const resultsRoundSchema = z.strictObject({
  id: z.int().positive().describe('轮次编号（与 ballots.json、manifest.json 中的 roundId 相同）'),
  number: z.int().positive().describe('本选举事项中的第几轮'),
  label: z.string().describe('如：第 1 轮（正式选举）'),
  parentRoundId: z
    .int()
    .positive()
    .nullable()
    .describe('本轮接续（再次投票、另行选举）或重新举行的轮次'),
  certifiedAt: z.iso.datetime(),
  certifiedBy: person.describe('签核的总监票人'),
  parameters: tallyParametersSchema,
  result: roundResultSchema,
  seatReduction: z
    .strictObject({
      seatsBefore: count,
      seatsAfter: count,
      decidedBy: z.string(),
      reason: z.string(),
      recordedBy: person,
      at: z.iso.datetime(),
    })
    .nullable()
    .describe('选举结果差额不足时，经决定减少名额的记录'),
  eligibility: z
    .array(
      z.strictObject({
        name,
        note: z.string(),
        confirmedBy: person,
        at: z.iso.datetime(),
        eligible: z
          .boolean()
          .optional()
          .describe(
            'false：经核实不具备被选举资格，不当选，其名额空缺（见 parameters.ineligible）',
          ),
      }),
    )
    .describe('另选他人当选后的资格核实记录'),
});

const resultsElectionSchema = z.strictObject({
  id: z.int().positive(),
  title: z.string(),
  office: z.enum(OFFICES),
  seats: z.int().min(1),
  rounds: z.array(resultsRoundSchema).describe('本选举事项已签核的轮次，按举行顺序'),
});

export const congressSchema = z.strictObject({
  id: z.int().positive(),
  name: z.string(),
  term: z.string(),
  organiser: z.string(),
  venue: z.string(),
  heldOn: z.iso.date(),
  profile: z.enum(PROFILES),
});

export const notExportedSchema = z.strictObject({
  roundId: z.int().positive(),
  electionId: z.int().positive(),
  election: z.string(),
  label: z.string(),
  state: z.enum(ROUND_STATES),
  reason: z.string().describe('未导出的原因，如：已计票，尚未签核'),
});

export const resultsSchema = z
  .strictObject({
    format: z.literal(resultsFormat),
    version: z.literal(resultsVersion),
    congress: congressSchema,
    elections: z.array(resultsElectionSchema).describe('有已签核轮次的选举事项，按议程顺序'),
    notExported: z.array(notExportedSchema).describe('未导出的轮次（未签核或已作废）及原因'),
  })
  .meta({
    title: '大会选举计票结果（results.json）',
    description:
      '结果包中的计票结果：每个已签核轮次的计票参数与结果。用 ballots.json 中的选票按 parameters 重新计票，应得到 result。',
  });

export type ResultsDocument = z.infer<typeof resultsSchema>;
export type ResultsElection = z.infer<typeof resultsElectionSchema>;
export type ResultsRound = z.infer<typeof resultsRoundSchema>;
export type TallyParameters = z.infer<typeof tallyParametersSchema>;
export type NotExported = z.infer<typeof notExportedSchema>;
