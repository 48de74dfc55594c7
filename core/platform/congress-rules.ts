import type { Congress } from '../../db/congresses';
import type { Store } from '../../db/store';
import { ruleOptionsSchema, type CongressRecord } from '../../shared/api/congress';
import { structureTargetSchema, type StructureTarget } from '../../shared/api/structure';
import { latestExport } from '../export/package/seal';
import { PROFILE_RULES, resolveOptions } from '../../shared/tally/profiles';
import type { OptionKey, ProfileId, RuleOptions } from '../../shared/tally/types';

/** The setting that names the congress this installation works on. */
const currentKey = 'currentCongressId';

/**
 * The congress chosen as current (an archived one opens read-only); until one is chosen, the most
 * recently held of those in use.
 */
export function currentCongress(store: Store): Congress | undefined {
  const id = store.settings.get(currentKey);
  const chosen = typeof id === 'number' ? store.congresses.byId(id) : undefined;
  return chosen ?? store.congresses.list().find((c) => c.archivedAt === null);
}

export function setCurrentCongress(store: Store, congressId: number): void {
  store.settings.set(currentKey, congressId);
}

/** No congress chosen: the most recent in use is current again. */
export function clearCurrentCongress(store: Store): void {
  store.settings.remove(currentKey);
}

/** The options a profile lets a congress set, as stored: anything else is left out. */
export function settableOptions(
  profile: ProfileId,
  options: Record<string, unknown>,
): Partial<RuleOptions> {
  const allowed = PROFILE_RULES[profile].options;
  const picked = Object.fromEntries(
    Object.entries(options).filter(([key]) => allowed.includes(key as OptionKey)),
  );
  // Written only through the congress service, which validated them: a bad value is a damaged file.
  return ruleOptionsSchema.parse(picked);
}

/** Every rule option of the congress: its own settings over its profile's defaults. */
export function congressRules(congress: Congress): RuleOptions {
  return resolveOptions(
    PROFILE_RULES[congress.profile],
    settableOptions(congress.profile, congress.options),
  );
}

export function congressTargets(congress: Congress): StructureTarget[] {
  return structureTargetSchema.array().parse(congress.structureTargets);
}

export function congressRecord(store: Store, congress: Congress): CongressRecord {
  return {
    id: congress.id,
    name: congress.name,
    term: congress.term,
    organiser: congress.organiser,
    venue: congress.venue,
    heldOn: congress.heldOn,
    profile: congress.profile,
    options: congressRules(congress),
    settableOptions: [...PROFILE_RULES[congress.profile].options],
    ballotInstructions: congress.ballotInstructions,
    machineReadable: congress.machineReadable,
    structureTargets: congressTargets(congress),
    createdAt: congress.createdAt,
    current: currentCongress(store)?.id === congress.id,
    archivedAt: congress.archivedAt,
    exported: latestExport(store, congress.id) !== null,
  };
}
