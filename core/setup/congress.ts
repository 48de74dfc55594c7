import type { Congress, CongressFields } from '../../db/congresses';
import type { Store } from '../../db/store';
import type { congressMethods } from '../../shared/api/congress';
import type { structureMethods } from '../../shared/api/structure';
import { fail, ok, type Result } from '../../shared/api/result';
import { officesOf } from '../../shared/domain/offices';
import { officeLabels, profileLabels } from '../../shared/strings/setup';
import { PROFILE_RULES } from '../../shared/tally/profiles';
import type { ProfileId, RuleOptions } from '../../shared/tally/types';
import {
  congressRecord,
  congressTargets,
  currentCongress,
  setCurrentCongress,
  settableOptions,
} from '../platform/congress-rules';
import { audit, type ServiceContext } from '../platform/context';
import type { Handlers } from '../platform/dispatch';
import { structureReport } from './structure/report';
import { resortCongress, titled } from './elections';
import { paperChange, reopenForReprint, type TitledRound } from './reprint';
import { notFound } from '../platform/lookup';

export function congressHandlers(
  ctx: ServiceContext,
): Handlers<typeof congressMethods & typeof structureMethods> {
  const { store } = ctx;
  const present = (congress: Congress) => congressRecord(store, congress);
  return {
    'congress.list': () =>
      ok(
        store.congresses
          .list()
          .filter((c) => c.archivedAt === null)
          .map(present),
      ),

    'congress.current': () => {
      const congress = currentCongress(store);
      return ok(congress ? present(congress) : null);
    },

    'congress.get': ({ congressId }) => {
      const congress = store.congresses.byId(congressId);
      return congress ? ok(present(congress)) : notFound('congressId');
    },

    'congress.create': (fields, session) => {
      const options = fields.options ?? {};
      const refused = optionsRefusal(fields.profile, options);
      if (refused) return refused;
      const created = store.transaction(() => {
        const congress = store.congresses.create({ ...fields, options });
        setCurrentCongress(store, congress.id);
        audit(ctx, session, 'congress.create', congress);
        return congress;
      });
      return ok(present(created));
    },

    'congress.update': ({ congressId, confirmReprint, ...patch }, session) => {
      const congress = store.congresses.byId(congressId);
      if (!congress) return notFound('congressId');
      const next = nextFields(congress, patch);
      if (!next.ok) return next;
      const changed = changedKeys(congress, next.value);
      if (changed.length === 0) return ok(present(congress));
      const gate = congressGate(store, congress, next.value, changed, confirmReprint);
      if (!gate.ok) return gate;
      const updated = store.transaction(() => {
        reopenForReprint(store, session, gate.value, '修改大会的选票内容或选举办法');
        const saved = store.congresses.update(congress.id, next.value) ?? congress;
        resortCongress(store, saved);
        audit(ctx, session, 'congress.update', {
          congressId: congress.id,
          before: Object.fromEntries(changed.map((key) => [key, congress[key]])),
          after: Object.fromEntries(changed.map((key) => [key, saved[key]])),
        });
        return saved;
      });
      return ok(present(updated));
    },

    /** Of the whole roster, with or without a vote, excused or not: who the congress is. */
    'structure.report': ({ congressId }) => {
      const congress = store.congresses.byId(congressId);
      if (!congress) return notFound('congressId');
      const delegates = store.delegates.listByCongress(congress.id);
      const report = structureReport(delegates, congress.heldOn, congressTargets(congress));
      return ok({ congressId: congress.id, ...report });
    },

    'congress.setCurrent': ({ congressId }, session) => {
      const congress = store.congresses.byId(congressId);
      if (!congress) return notFound('congressId');
      store.transaction(() => {
        setCurrentCongress(store, congress.id);
        audit(ctx, session, 'congress.setCurrent', { congressId, name: congress.name });
      });
      return ok(present(congress));
    },
  };
}

type Editable = Omit<CongressFields, 'options'> & { options: Partial<RuleOptions> };

/**
 * The congress as it will be: given fields over stored ones. A new profile keeps the options it
 * also has; the others fall back to its defaults.
 */
function nextFields(
  congress: Congress,
  patch: Partial<Omit<Editable, 'options'>> & { options?: Partial<RuleOptions> | undefined },
): Result<Editable> {
  const profile = patch.profile ?? congress.profile;
  const options = patch.options ?? settableOptions(profile, congress.options);
  const refused = optionsRefusal(profile, options);
  if (refused) return refused;
  const defined = Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined));
  return ok({ ...congress, ...defined, profile, options });
}

/** Options the profile does not have would be silently ignored by the count: refuse them. */
function optionsRefusal(profile: ProfileId, options: Partial<RuleOptions>) {
  const allowed = PROFILE_RULES[profile].options;
  const extra = Object.keys(options).find((key) => !allowed.includes(key as keyof RuleOptions));
  if (extra === undefined) return undefined;
  return fail(
    'invalid-argument',
    `参数 options.${extra} 无效：“${profileLabels[profile]}”的选举办法没有这一项`,
    { field: `options.${extra}` },
  );
}

const keys = [
  'name',
  'term',
  'organiser',
  'venue',
  'heldOn',
  'profile',
  'options',
  'ballotInstructions',
  'machineReadable',
  'structureTargets',
] as const;

type Key = (typeof keys)[number];

function changedKeys(congress: Congress, next: Editable): Key[] {
  const stored = { ...congress, options: settableOptions(congress.profile, congress.options) };
  return keys.filter((key) => JSON.stringify(stored[key]) !== JSON.stringify(next[key]));
}

/** What the ballots show or are counted by: fixed from voting on, a re-print while printed. */
const paperKeys: Partial<Record<Key, string>> = {
  name: '大会名称',
  profile: '选举规则类型',
  options: '选举办法设置',
  ballotInstructions: '选票说明',
  machineReadable: '机读选票',
};

function congressGate(
  store: Store,
  congress: Congress,
  next: Editable,
  changed: readonly Key[],
  confirmReprint: boolean | undefined,
): Result<TitledRound[]> {
  const elections = store.elections.listByCongress(congress.id);
  const misfit = elections.find((e) => !officesOf(next.profile).includes(e.office));
  if (misfit) {
    return fail(
      'invalid-state',
      `选举事项“${misfit.title}”选举${officeLabels[misfit.office]}，“${profileLabels[next.profile]}”规则没有这一职务；请先修改或删除该选举事项`,
      { field: 'profile' },
    );
  }
  const paper = changed.flatMap((key) => paperKeys[key] ?? []);
  if (paper.length === 0) return ok([]);
  const rounds = elections.flatMap((e) => titled(store, e));
  return paperChange(rounds, paper.join('、'), confirmReprint);
}
