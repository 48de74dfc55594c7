import { z } from 'zod';
import { PROFILES, type OptionKey, type ProfileId, type RuleOptions } from '../tally/types';
import { idSchema, noInput } from './fields';
import { method, returns } from './method';
import { roleGroups, roles } from '../domain/roles';
import { structureTargetSchema, type StructureTarget } from './structure';

/** YYYY-MM-DD, a real calendar day. */
export const isoDateSchema = z
  .string({ error: '应为日期（年-月-日）' })
  .regex(/^\d{4}-\d{2}-\d{2}$/, '应为日期，格式如 2025-06-18')
  .refine((text) => {
    const date = new Date(`${text}T00:00:00Z`);
    return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === text;
  }, '不是有效的日期');

const text = (label: string, max: number) =>
  z
    .string({ error: `应为${label}` })
    .trim()
    .max(max, `${label}不能超过 ${max} 个字`);

export const ruleOptionsSchema = z
  .strictObject({
    quorum: z.enum(['at-least-4/5', 'more-than-4/5'], { error: '应为 不少于或超过五分之四' }),
    thresholdBase: z.enum(['entitled', 'present'], { error: '应为 应到会或实到会人数' }),
    meeting: z.enum(['congress', 'plenary'], { error: '应为 代表大会或全体会议' }),
    nameOrder: z.enum(['party', 'npc'], { error: '应为 党内惯例或逐字比较' }),
    writeInWithoutMark: z.enum(['ignore', 'for'], { error: '应为 不计票或计为赞成' }),
  })
  .partial();

const congressFields = {
  name: text('大会名称', 200).min(1, '大会名称不能为空'),
  term: text('届次', 40),
  organiser: text('主办单位', 100),
  venue: text('会议地点', 100),
  heldOn: isoDateSchema,
  profile: z.enum(PROFILES, { error: '应为 党的基层组织、党的地方组织、村民委员会或人大代表选举' }),
  /** Only the options the profile lets a congress set; the rest take the profile's defaults. */
  options: ruleOptionsSchema,
  /** Empty: the ballot prints the default instructions. */
  ballotInstructions: z.string({ error: '应为文字' }).max(2000, '选票说明不能超过 2000 个字'),
  /** 机读选票: registration marks and a round code on the ballots, for scanned entry. */
  machineReadable: z.boolean({ error: '应为 是或否' }),
  structureTargets: z
    .array(structureTargetSchema, { error: '应为指标列表' })
    .max(20, '代表结构指标最多 20 项'),
};

export interface CongressRecord {
  id: number;
  name: string;
  /** 届次, e.g. 第十六次 */
  term: string;
  organiser: string;
  venue: string;
  heldOn: string;
  profile: ProfileId;
  /** Every option, the profile's defaults filled in. */
  options: RuleOptions;
  /** The options this congress's profile lets it set. */
  settableOptions: OptionKey[];
  ballotInstructions: string;
  /** 机读选票: the ballots are printed for machine reading (registration marks, round code). */
  machineReadable: boolean;
  structureTargets: StructureTarget[];
  createdAt: string;
  /** The congress this installation is working on (shown in the header). */
  current: boolean;
  /** When it was archived (read-only, out of the list); null while in use. */
  archivedAt: string | null;
  /** Whether a results package of it was ever exported. */
  exported: boolean;
}

const { admin } = roleGroups;

export const congressMethods = {
  /** The congresses in use (archived ones: congress.archived). */
  'congress.list': method({ input: noInput, access: roles, output: returns<CongressRecord[]>() }),
  /** null until a congress is created. */
  'congress.current': method({
    input: noInput,
    access: roles,
    output: returns<CongressRecord | null>(),
  }),
  'congress.get': method({
    input: z.strictObject({ congressId: idSchema }),
    access: roles,
    output: returns<CongressRecord>(),
  }),
  /** Creates the congress and makes it the current one. */
  'congress.create': method({
    input: z.strictObject({
      name: congressFields.name,
      heldOn: congressFields.heldOn,
      profile: congressFields.profile,
      term: congressFields.term.optional(),
      organiser: congressFields.organiser.optional(),
      venue: congressFields.venue.optional(),
      options: congressFields.options.optional(),
      ballotInstructions: congressFields.ballotInstructions.optional(),
      /** On unless given. */
      machineReadable: congressFields.machineReadable.optional(),
      structureTargets: congressFields.structureTargets.optional(),
    }),
    access: admin,
    output: returns<CongressRecord>(),
  }),
  /**
   * Changes the fields given. What is printed on the ballots (name, rule profile and options,
   * instructions) is refused once voting has started; while ballots are printed it needs
   * `confirmReprint` (the error names field `confirmReprint` until then).
   */
  'congress.update': method({
    input: z.strictObject({
      congressId: idSchema,
      confirmReprint: z.boolean().optional(),
      name: congressFields.name.optional(),
      heldOn: congressFields.heldOn.optional(),
      profile: congressFields.profile.optional(),
      term: congressFields.term.optional(),
      organiser: congressFields.organiser.optional(),
      venue: congressFields.venue.optional(),
      options: congressFields.options.optional(),
      ballotInstructions: congressFields.ballotInstructions.optional(),
      machineReadable: congressFields.machineReadable.optional(),
      structureTargets: congressFields.structureTargets.optional(),
    }),
    access: admin,
    output: returns<CongressRecord>(),
  }),
  'congress.setCurrent': method({
    input: z.strictObject({ congressId: idSchema }),
    access: admin,
    output: returns<CongressRecord>(),
  }),
};
