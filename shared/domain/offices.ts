import { PROFILE_RULES } from '../tally/profiles';
import type { Office, ProfileId } from '../tally/types';

export { OFFICES, type Office } from '../tally/types';

/**
 * 双人录入 is on by default for the committees a congress elects (委员, 候补委员, 常委, 纪委委员):
 * the elections with the most candidates, where a slip of one teller matters most. 书记 and 副书记
 * (一两名, 等额) and long delegate lists default to one entry; every election can change it.
 */
const doubleEntryOffices: ReadonlySet<Office> = new Set([
  'committee',
  'alternate',
  'standing',
  'discipline',
]);

export function doubleEntryByDefault(office: Office): boolean {
  return doubleEntryOffices.has(office);
}

/** 书记 and 副书记 are printed in the order the higher committee approved, not by strokes. */
export function keepsGivenOrder(office: Office): boolean {
  return office === 'secretary' || office === 'deputy-secretary';
}

/**
 * The offices a congress of this profile elects. The engine also accepts `committee` for village
 * and people's-congress scenarios as a stand-in; on screen those profiles have their one office.
 */
export function officesOf(profile: ProfileId): readonly Office[] {
  const offices = PROFILE_RULES[profile].offices;
  return profile === 'village' || profile === 'peoples-congress'
    ? offices.filter((o) => o !== 'committee')
    : offices;
}

/** As many write-in blanks as seats, up to one row of the ballot. */
export function defaultWriteInBlanks(seats: number): number {
  return Math.max(0, Math.min(seats, 10));
}
