import type { ProfileId, RuleOptions } from '../../../shared/tally/types';
import { servicesHarness, type ServicesHarness } from '../services-harness';
import { rosterCsv, township, type RosterRow } from './roster';

export interface DayHarness extends Omit<ServicesHarness, 'auditRows'> {
  /** Moves the services' clock on. */
  advance(ms: number): void;
  audit(): { action: string; role: string; payload: Record<string, unknown> }[];
}

/** The real services on a fresh database file, the administrator signed in, a clock we move. */
export async function dayHarness(): Promise<DayHarness> {
  let time = Date.parse('2025-06-18T00:30:00Z');
  const h = await servicesHarness({
    folder: 'ct-checkin-',
    now: () => new Date(time),
    peopleNamed: '工作人员',
  });
  return {
    ...h,
    advance: (ms) => {
      time += ms;
    },
    audit: () =>
      h
        .auditRows()
        .map((row) => ({ ...row, payload: JSON.parse(row.payload) as Record<string, unknown> })),
  };
}

export interface Congress {
  congressId: number;
  /** Delegate ids in roster order. */
  ids: number[];
  rows: RosterRow[];
}

/** A congress of the profile with a roster of `size` imported the way the operator does it. */
export async function congressWith(
  h: DayHarness,
  size: number,
  profile: ProfileId = 'party-grassroots',
  options: Partial<RuleOptions> = {},
): Promise<Congress> {
  const { id: congressId } = await h.must('congress.create', {
    name: '中国共产党东湖镇第十六次代表大会',
    heldOn: '2025-06-18',
    profile,
    options,
  });
  const rows = township(size);
  await h.must('roster.import', {
    congressId,
    fileName: '代表名册.csv',
    content: Buffer.from(rosterCsv(rows)).toString('base64'),
    mode: 'all',
  });
  const { delegates } = await h.must('delegates.list', { congressId });
  return { congressId, ids: delegates.map((d) => d.id), rows };
}

/** Checks in the delegates with these ids (as a teller), one call each. */
export async function checkIn(h: DayHarness, token: string, ids: readonly number[]) {
  for (const delegateId of ids) {
    await h.must('checkin.checkIn', { delegateId, via: 'search' }, token);
  }
}
