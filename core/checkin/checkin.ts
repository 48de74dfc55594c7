import type { Congress } from '../../db/congresses';
import type { Attendance, Delegate } from '../../db/delegates';
import type { Store } from '../../db/store';
import {
  checkinListed,
  type AttendanceBoard,
  type CheckinDelegate,
  type checkinMethods,
  type CheckinOutcome,
} from '../../shared/api/checkin';
import type { AttendanceStatus } from '../../shared/api/delegates';
import { fail, ok, type Result } from '../../shared/api/result';
import {
  createCheckinIndex,
  searchDelegates,
  type CheckinIndex,
  type PreparedNames,
} from './search';
import { currentCongress } from '../platform/congress-rules';
import { audit, type Actor, type ServiceContext } from '../platform/context';
import type { Handlers } from '../platform/dispatch';
import { clock } from '../../shared/strings/time';
import { validityOf } from './validity';
import { notFound } from '../platform/lookup';

/** How many of the latest marks the desk lists. */
const recentShown = 8;

const statusWords: Record<AttendanceStatus, string> = {
  present: '报到',
  leave: '登记请假',
  absent: '登记缺席',
};

export function checkinHandlers(ctx: ServiceContext): Handlers<typeof checkinMethods> {
  const { store } = ctx;
  const roster = rosterIndex(store);

  return {
    'checkin.search': ({ congressId, query }) => {
      if (!store.congresses.byId(congressId)) return notFound('congressId');
      const { index, byId } = roster(congressId);
      const hits = searchDelegates(index, query, checkinListed);
      const shown = (id: number) => {
        const delegate = byId.get(id);
        return delegate && desk(delegate, store.delegates.attendanceOf(id));
      };
      return ok({
        query: query.trim(),
        matches: hits.ids.flatMap((id) => shown(id) ?? []),
        total: hits.total,
        card: hits.card === null ? null : (shown(hits.card) ?? null),
        cardLike: hits.cardLike,
      });
    },

    'checkin.checkIn': ({ delegateId, via }, session) =>
      withDelegate(store, delegateId, (delegate, before) => {
        if (before?.status === 'present') {
          return fail('conflict', `${who(delegate)}已于 ${clock(before.at)} 报到，不能重复报到`, {
            field: 'delegateId',
          });
        }
        return ok(mark(ctx, session, delegate, before, 'present', { via }));
      }),

    'checkin.mark': ({ delegateId, status }, session) =>
      withDelegate(store, delegateId, (delegate, before) => {
        const outside = notEntitled(delegate);
        if (outside) {
          return fail('invalid-state', `${who(delegate)}${outside}，无需${statusWords[status]}`);
        }
        if (before?.status === status) {
          return fail(
            'conflict',
            `${who(delegate)}已于 ${clock(before.at)} ${statusWords[status]}，无需重复登记`,
          );
        }
        return ok(mark(ctx, session, delegate, before, status, {}));
      }),

    'checkin.undo': ({ delegateId, reason }, session) =>
      withDelegate(store, delegateId, (delegate, before) => {
        if (!before) return fail('invalid-state', `${who(delegate)}尚未报到，无需撤销`);
        const counts = store.transaction(() => {
          store.delegates.clearAttendance(delegate.id);
          audit(ctx, session, 'checkin.undo', { ...subject(delegate), before, reason });
          return store.delegates.counts(delegate.congressId);
        });
        return ok({ delegate: desk(delegate, undefined), counts });
      }),

    'checkin.overview': ({ congressId }) => {
      const congress = store.congresses.byId(congressId);
      if (!congress) return notFound('congressId');
      return ok(
        store.read(() => ({
          ...board(store, congress),
          recent: store.delegates
            .latestMarks(congress.id, recentShown)
            .map((m) => desk(m.delegate, m.attendance)),
        })),
      );
    },

    'checkin.board': () => {
      const congress = currentCongress(store);
      return ok(congress ? store.read(() => board(store, congress)) : null);
    },
  };
}

/**
 * The roster's search index, built again only after something was written: between two
 * keystrokes at the desk nothing usually is, and a name's pinyin is kept across rebuilds.
 */
function rosterIndex(store: Store) {
  const names: PreparedNames = new Map();
  const changes = store.db.prepare<[], { n: number }>('SELECT total_changes() AS n');
  let cached:
    | { congressId: number; changes: number; index: CheckinIndex; byId: Map<number, Delegate> }
    | undefined;
  return (congressId: number) => {
    const now = changes.get()?.n ?? -1;
    if (cached?.congressId !== congressId || cached.changes !== now) {
      const delegates = store.delegates.listByCongress(congressId);
      const index = createCheckinIndex(delegates, names);
      cached = { congressId, changes: now, index, byId: new Map(delegates.map((d) => [d.id, d])) };
    }
    return cached;
  };
}

/** Writes one mark with its audit row; the new counts come from the same transaction. */
function mark(
  ctx: ServiceContext,
  actor: Actor,
  delegate: Delegate,
  before: Attendance | undefined,
  status: AttendanceStatus,
  extra: Record<string, unknown>,
): CheckinOutcome {
  const { store } = ctx;
  return store.transaction(() => {
    const after = store.delegates.setAttendance(delegate.id, status);
    audit(ctx, actor, `checkin.${status}`, {
      ...subject(delegate),
      ...extra,
      before: before ?? null,
    });
    return { delegate: desk(delegate, after), counts: store.delegates.counts(delegate.congressId) };
  });
}

function withDelegate<T>(
  store: Store,
  delegateId: number,
  act: (delegate: Delegate, before: Attendance | undefined) => Result<T>,
): Result<T> {
  const delegate = store.delegates.byId(delegateId);
  if (!delegate) {
    return notFound('delegateId');
  }
  return act(delegate, store.delegates.attendanceOf(delegate.id));
}

export function board(store: Store, congress: Congress): AttendanceBoard {
  const counts = store.delegates.counts(congress.id);
  return {
    congressId: congress.id,
    congressName: congress.name,
    profile: congress.profile,
    counts,
    units: store.delegates.countsByUnit(congress.id),
    validity: validityOf(congress, { ...counts, returned: null }),
  };
}

function desk(delegate: Delegate, attendance: Attendance | undefined): CheckinDelegate {
  const { id, name, unit, cardNo, hasVote, excusedReason } = delegate;
  return {
    id,
    name,
    unit,
    cardNo,
    hasVote,
    excusedReason,
    attendance: attendance ? { status: attendance.status, at: attendance.at } : null,
  };
}

/** Why a delegate is outside 应到, in words; undefined for one counted in it. */
function notEntitled(delegate: Delegate): string | undefined {
  if (!delegate.hasVote) return '没有选举权，不计入应到人数';
  if (delegate.excusedReason !== null) {
    return `已经批准不计入应到人数（${delegate.excusedReason}）`;
  }
  return undefined;
}

function subject(delegate: Delegate) {
  return { delegateId: delegate.id, name: delegate.name, cardNo: delegate.cardNo };
}

function who(delegate: Delegate): string {
  return `${delegate.name}（${delegate.unit || '未填选举单位'}，代表证号 ${delegate.cardNo}）`;
}
