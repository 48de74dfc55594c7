import { z } from 'zod';

/*
 * ballots.json of the results package: the cast-vote records of every exported round. A record
 * is what is on one paper ballot and nothing else (no number, box, teller or time), and each
 * round's records are in a random order, so that nothing in the file follows the order in which
 * ballots were cast, boxed or entered.
 */

export const ballotsFormat = 'congress-tally-results/ballots';
export const ballotsVersion = 1;

const castVoteSchema = z.strictObject({
  marks: z
    .string()
    .regex(/^[OX?-]*$/)
    .describe('每名候选人一个符号，按选票顺序：O 赞成，X 不赞成，- 未划（弃权），? 符号不清'),
  writeIns: z
    .array(z.strictObject({ name: z.string().min(1), mark: z.enum(['O', '-']) }))
    .describe('另选他人：所写姓名，其上是否画 ○'),
  invalid: z.boolean().describe('监票人认定的废票（其上内容不计）'),
});

export const ballotsSchema = z.strictObject({
  format: z.literal(ballotsFormat),
  version: z.literal(ballotsVersion),
  rounds: z.array(
    z.strictObject({ roundId: z.int().positive(), ballots: z.array(castVoteSchema) }),
  ),
});

export type CastVote = z.infer<typeof castVoteSchema>;
export type BallotsDocument = z.infer<typeof ballotsSchema>;
