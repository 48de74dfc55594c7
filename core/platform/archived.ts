import type { Congress } from '../../db/congresses';
import type { Store } from '../../db/store';
import type { MethodName, Methods } from '../../shared/api';
import { fail } from '../../shared/api/result';
import { currentCongress } from './congress-rules';
import type { Handlers } from './dispatch';

/*
 * An archived congress is kept as it was: every method that could change it refuses, before its
 * handler runs. Only the methods listed here may touch an archived congress; one added later is
 * refused there until it is listed, which keeps the archive safe by default.
 */

/** Methods of the installation, not of one congress (people, sessions, backups, the key). */
const installation: ReadonlySet<MethodName> = new Set<MethodName>([
  'app.status',
  'app.setIdleLockMinutes',
  'app.openProjector',
  'backup.status',
  'backup.configure',
  'backup.now',
  'backup.restore',
  'congress.list',
  'congress.current',
  'congress.create',
  'congress.setCurrent',
  'congress.archived',
  'congress.archive',
  'congress.unarchive',
  'congress.remove',
  'export.publicKey',
  'export.setAlgorithm',
  'export.verify',
  'people.list',
  'people.add',
  'people.resetPin',
  'people.deactivate',
  'session.status',
  'session.people',
  'session.createFirstAdmin',
  'session.signIn',
  'session.signOut',
  'session.lock',
  'session.unlock',
  'session.touch',
  'session.changePin',
]);

/**
 * What may be read of an archived congress: its lists, results and reports, and its export (which
 * records the package made, not a change to the congress).
 */
const reads: ReadonlySet<MethodName> = new Set<MethodName>([
  'congress.get',
  'delegates.list',
  'delegates.search',
  'elections.list',
  'elections.get',
  'structure.report',
  'checkin.search',
  'checkin.overview',
  'checkin.board',
  'issuance.list',
  'entry.overview',
  'entry.ballots',
  'entry.differences',
  'entry.board',
  'scan.sheets',
  'scan.image',
  'results.overview',
  'results.round',
  'results.announcement',
  'printouts.preview',
  'export.status',
  'export.package',
]);

type Ids = Partial<Record<'congressId' | 'electionId' | 'roundId' | 'boxId', number>> &
  Partial<Record<'delegateId' | 'sheetId' | 'ballotId', number>>;

/**
 * Each id a request can carry, to the congress it belongs to. `+?` keeps SQLite from compiling a
 * join again at every new binding (see selectLast in db/ballots.ts): this runs before every change.
 */
const owners: readonly [keyof Ids, string][] = [
  ['congressId', 'SELECT id FROM congress WHERE id = +?'],
  ['electionId', 'SELECT congress_id FROM election WHERE id = +?'],
  [
    'roundId',
    'SELECT e.congress_id FROM round r JOIN election e ON e.id = r.election_id WHERE r.id = +?',
  ],
  [
    'boxId',
    `SELECT e.congress_id FROM box x JOIN round r ON r.id = x.round_id
     JOIN election e ON e.id = r.election_id WHERE x.id = +?`,
  ],
  ['delegateId', 'SELECT congress_id FROM delegate WHERE id = +?'],
  [
    'sheetId',
    `SELECT e.congress_id FROM scan_reading s JOIN entry_pass p ON p.id = s.pass_id
     JOIN box x ON x.id = p.box_id JOIN round r ON r.id = x.round_id
     JOIN election e ON e.id = r.election_id WHERE s.id = +?`,
  ],
  [
    'ballotId',
    `SELECT e.congress_id FROM ballot b JOIN entry_pass p ON p.id = b.pass_id
     JOIN box x ON x.id = p.box_id JOIN round r ON r.id = x.round_id
     JOIN election e ON e.id = r.election_id WHERE b.id = +?`,
  ],
];

type OwnerLookup = (id: number) => number | undefined;
/** What the guard needs of a congress: whether it is archived, and its name to say so. */
type Archive = Pick<Congress, 'name' | 'archivedAt'>;

interface Lookups {
  owners: Map<keyof Ids, OwnerLookup>;
  archive: (congressId: number) => Archive | undefined;
}

/** The queries, prepared once per store: this guard runs before every change, Enter's too. */
const prepared = new WeakMap<Store, Lookups>();

function lookupsOf(store: Store): Lookups {
  let lookups = prepared.get(store);
  if (!lookups) {
    const archive = store.db.prepare<[number], Archive>(
      'SELECT name, archived_at AS archivedAt FROM congress WHERE id = +?',
    );
    lookups = {
      owners: new Map(
        owners.map(([key, sql]) => {
          const statement = store.db.prepare<[number], number>(sql).pluck();
          return [key, (id: number) => statement.get(id)];
        }),
      ),
      archive: (congressId) => archive.get(congressId),
    };
    prepared.set(store, lookups);
  }
  return lookups;
}

/** The congress a request is about: the one its ids name, else the current one. */
function congressOf(store: Store, input: unknown): Archive | undefined {
  const ids = (typeof input === 'object' && input !== null ? input : {}) as Ids;
  const lookups = lookupsOf(store);
  for (const [key] of owners) {
    const id = ids[key];
    if (typeof id !== 'number') continue;
    const owner = lookups.owners.get(key)?.(id);
    return owner === undefined ? undefined : lookups.archive(owner);
  }
  return currentCongress(store);
}

/** A printout is a read, except a ballot's: printing ballots moves its round on. */
function isRead(name: MethodName, input: unknown): boolean {
  if (reads.has(name)) return true;
  const kind = (input as { kind?: unknown } | null)?.kind;
  return name === 'printouts.pdf' && kind !== 'ballot';
}

export function archivedRefusal(congress: Archive) {
  return fail(
    'invalid-state',
    `大会“${congress.name}”已归档，只能查看，不能修改；如需修改，请由系统管理员先取消归档`,
  );
}

/** The handlers, each refusing to change an archived congress. */
export function guardArchived(
  getStore: () => Store,
  handlers: Handlers<Methods>,
): Handlers<Methods> {
  type Any = (input: unknown, session: unknown) => unknown;
  const guarded = Object.entries(handlers).map(([name, handler]) => {
    const method = name as MethodName;
    if (installation.has(method)) return [name, handler];
    const wrapped: Any = (input, session) => {
      if (!isRead(method, input)) {
        const congress = congressOf(getStore(), input);
        if (congress?.archivedAt) return archivedRefusal(congress);
      }
      return (handler as Any)(input, session);
    };
    return [name, wrapped];
  });
  return Object.fromEntries(guarded) as Handlers<Methods>;
}
