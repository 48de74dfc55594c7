import type { CollationWarning, NameOrder } from '../names/collate';

export const PROFILES = ['party-grassroots', 'party-local', 'village', 'peoples-congress'] as const;
export type ProfileId = (typeof PROFILES)[number];

export const ROUNDS = ['formal', 'preliminary', 'runoff', 'supplementary'] as const;
export type RoundKind = (typeof ROUNDS)[number];

export const OFFICES = [
  'committee',
  'alternate',
  'standing',
  'secretary',
  'deputy-secretary',
  'discipline',
  'delegate',
  'village-committee',
  'deputy',
] as const;
export type Office = (typeof OFFICES)[number];

export interface RuleOptions {
  quorum: 'at-least-4/5' | 'more-than-4/5';
  thresholdBase: 'entitled' | 'present';
  meeting: 'congress' | 'plenary';
  nameOrder: NameOrder;
  writeInWithoutMark: 'ignore' | 'for';
}
export type OptionKey = keyof RuleOptions;

/** A name written in a blank of the ballot, with ○ above it (`O`) or without (`-`). */
export interface WriteIn {
  readonly name: string;
  readonly mark: 'O' | '-';
}

/**
 * One paper ballot. `marks` holds one character per candidate in ballot order: `O` for, `X`
 * against, `-` no mark, `?` an unclear mark. `invalid: true` is a ballot the scrutineers declared
 * invalid; nothing on it is read.
 */
export type Ballot =
  | { readonly marks: string; readonly writeIns?: readonly WriteIn[]; readonly invalid?: false }
  | { readonly invalid: true; readonly marks?: string; readonly writeIns?: readonly WriteIn[] };

/** `n` identical ballots. */
export type BallotGroup = Ballot & { readonly n: number };

export interface Electorate {
  /** 应到会有选举权人数 (party profiles) or registered voters (village, peoples-congress). */
  readonly entitled: number;
  /** 实到会有选举权人数: party profiles only. */
  readonly present?: number;
}

export interface RoundInput {
  readonly profile: ProfileId;
  readonly options?: Partial<RuleOptions>;
  readonly round: RoundKind;
  readonly office: Office;
  readonly seats: number;
  /** Preliminary rounds: how many 正式候选人 to produce, and the most "for" marks per ballot. */
  readonly formalCandidates?: number;
  readonly candidates: readonly string[];
  readonly electorate: Electorate;
  readonly issued: number;
  readonly returned: number;
  readonly ballots: readonly BallotGroup[];
  /**
   * Written-in names the scrutineers found ineligible (not a full member of this organisation,
   * not a registered voter, ...): never elected, and a seat one of them would have taken is
   * left vacant, to be filled by the shortfall path (另行选举) or given up by the chair.
   */
  readonly ineligible?: readonly string[];
}

export type Outcome = 'elected' | 'not-elected' | 'runoff' | 'qualified';

export type NameResult =
  | {
      name: string;
      for: number;
      against: number;
      abstain: number;
      writeIn: false;
      outcome: Outcome;
    }
  | { name: string; for: number; writeIn: true; outcome: Outcome };

export interface SeatsAndNames {
  seats: number;
  candidates: string[];
}

export interface SlateCheck {
  minCandidates: number;
  maxCandidates: number | null;
  ok: boolean;
}

export type DeterminationKind =
  | 'quorum'
  | 'accounting'
  | 'ballots'
  | 'threshold'
  | 'outcome'
  | 'runoff'
  | 'shortfall'
  | 'slate'
  | 'order';

/** One determination, in the words the 总监票人 reads out, with the rule it applied. */
export interface Determination {
  kind: DeterminationKind;
  /** The name an outcome is about. */
  name?: string;
  text: string;
  rule: string;
}

export type TallyWarning =
  | CollationWarning
  | { code: 'write-in-is-candidate'; names: string[]; message: string }
  | { code: 'eligibility'; names: string[]; message: string };

export interface RoundResult {
  status: 'valid' | 'invalid';
  invalidReason: 'quorum' | 'returned-exceeds-issued' | null;
  quorum: { required: number; present: number; met: boolean };
  /** valid and invalid are null when the round was void before counting. */
  ballots: { issued: number; returned: number; valid: number | null; invalid: number | null };
  /** null where no threshold applies (runoff rounds, 人大 preliminary rounds, void rounds). */
  threshold: { minVotes: number } | null;
  results: NameResult[];
  /** Elected (qualified, in a preliminary round) names in announcement order. */
  elected: string[];
  vacancies: number;
  runoff: SeatsAndNames | null;
  supplementary: SeatsAndNames | null;
  /** Formal rounds only. */
  slate: SlateCheck | null;
  determinations: Determination[];
  warnings: TallyWarning[];
}
