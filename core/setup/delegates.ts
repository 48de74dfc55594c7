import type { Delegate, DelegateFields } from '../../db/delegates';
import type { Store } from '../../db/store';
import type { DelegateRecord, delegatesMethods } from '../../shared/api/delegates';
import { fail, ok, type Result } from '../../shared/api/result';
import { createNameIndex } from '../../shared/names';
import { audit, type ServiceContext } from '../platform/context';
import type { Handlers } from '../platform/dispatch';
import { commitRoster, reviewRoster, type RosterFile } from './roster/import';
import { notFound } from '../platform/lookup';

const attendanceWords = { present: '已报到', leave: '已登记请假', absent: '已登记缺席' } as const;

export function delegatesHandlers(ctx: ServiceContext): Handlers<typeof delegatesMethods> {
  const { store } = ctx;
  const present = (d: Delegate) => delegateRecord(store, d);

  return {
    'delegates.list': ({ congressId }) => {
      if (!store.congresses.byId(congressId)) return notFound('congressId');
      return ok(
        store.read(() => {
          const attendance = new Map(
            store.delegates.attendanceByCongress(congressId).map((a) => [a.delegateId, a.status]),
          );
          return {
            delegates: store.delegates
              .listByCongress(congressId)
              .map((d) => ({ ...d, attendance: attendance.get(d.id) ?? null })),
            counts: store.delegates.counts(congressId),
          };
        }),
      );
    },

    'delegates.search': ({ congressId, query, limit = 12 }) => {
      if (!store.congresses.byId(congressId)) return notFound('congressId');
      const delegates = store.delegates.listByCongress(congressId);
      if (query === '') return ok([]);
      const names = new Set(createNameIndex(delegates.map((d) => d.name)).search(query));
      const upper = query.toUpperCase();
      const found = delegates.filter(
        (d) => names.has(d.name) || d.cardNo.toUpperCase().startsWith(upper),
      );
      return ok(
        found.slice(0, limit).map(({ id, name, unit, cardNo }) => ({ id, name, unit, cardNo })),
      );
    },

    'delegates.add': ({ congressId, delegate }, session) => {
      if (!store.congresses.byId(congressId)) return notFound('congressId');
      const taken = cardTaken(store, congressId, delegate.cardNo, null);
      if (taken) return taken;
      const added = store.transaction(() => {
        const created = store.delegates.create(congressId, delegate);
        audit(ctx, session, 'delegate.add', created);
        return created;
      });
      return ok(present(added));
    },

    'delegates.update': ({ delegateId, delegate }, session) => {
      const current = store.delegates.byId(delegateId);
      if (!current) return notFound('delegateId');
      const taken = cardTaken(store, current.congressId, delegate.cardNo, current.id);
      if (taken) return taken;
      const updated = store.transaction(() => {
        const saved = store.delegates.update(current.id, delegate) ?? current;
        audit(ctx, session, 'delegate.update', { delegateId, ...changes(current, saved) });
        return saved;
      });
      return ok(present(updated));
    },

    'delegates.excuse': ({ delegateId, reason }, session) => {
      const current = store.delegates.byId(delegateId);
      if (!current) return notFound('delegateId');
      if (!current.hasVote) {
        return fail('invalid-state', `${current.name} 没有选举权，本来就不计入应到人数，无需请假`);
      }
      const updated = store.transaction(() => {
        const saved = store.delegates.excuse(current.id, reason) ?? current;
        audit(ctx, session, 'delegate.excuse', {
          delegateId,
          name: current.name,
          before: current.excusedReason,
          after: reason,
        });
        return saved;
      });
      return ok(present(updated));
    },

    'delegates.unexcuse': ({ delegateId }, session) => {
      const current = store.delegates.byId(delegateId);
      if (!current) return notFound('delegateId');
      if (current.excusedReason === null) {
        return fail('invalid-state', `${current.name} 没有登记为不计入应到，无需撤销`);
      }
      const updated = store.transaction(() => {
        const saved = store.delegates.unexcuse(current.id) ?? current;
        audit(ctx, session, 'delegate.unexcuse', {
          delegateId,
          name: current.name,
          before: current.excusedReason,
        });
        return saved;
      });
      return ok(present(updated));
    },

    'delegates.remove': ({ delegateId }, session) => {
      const current = store.delegates.byId(delegateId);
      if (!current) return notFound('delegateId');
      const attendance = store.delegates.attendanceOf(current.id);
      if (attendance) {
        return fail(
          'invalid-state',
          `${current.name}（代表证号 ${current.cardNo}）${attendanceWords[attendance.status]}，不能从名册中删除：报到记录须保留。如系误操作，请先在“报到”中撤销`,
        );
      }
      store.transaction(() => {
        store.delegates.remove(current.id);
        audit(ctx, session, 'delegate.remove', current);
      });
      return ok(null);
    },

    'roster.preview': async ({ congressId, fileName, content, fixes = [] }) => {
      const congress = store.congresses.byId(congressId);
      if (!congress) return notFound('congressId');
      const reviewed = await reviewRoster(
        store,
        target(congress),
        rosterFile(fileName, content, fixes),
      );
      return reviewed.ok ? ok(reviewed.value.review) : reviewed;
    },

    'roster.import': async ({ congressId, fileName, content, fixes = [], mode }, session) => {
      const congress = store.congresses.byId(congressId);
      if (!congress) return notFound('congressId');
      const reviewed = await reviewRoster(
        store,
        target(congress),
        rosterFile(fileName, content, fixes),
      );
      if (!reviewed.ok) return reviewed;
      return commitRoster(store, session, congress, reviewed.value, mode);
    },
  };
}

function target(congress: { id: number; heldOn: string }) {
  return { congressId: congress.id, heldOn: congress.heldOn };
}

function rosterFile(
  fileName: string,
  content: string,
  fixes: readonly { line: number; delegate: DelegateFields }[],
): RosterFile {
  return { fileName, bytes: new Uint8Array(Buffer.from(content, 'base64')), fixes };
}

function delegateRecord(store: Store, d: Delegate): DelegateRecord {
  return { ...d, attendance: store.delegates.attendanceOf(d.id)?.status ?? null };
}

function changes(before: Delegate, after: Delegate) {
  const keys = (Object.keys(after) as (keyof Delegate)[]).filter((k) => before[k] !== after[k]);
  return {
    before: Object.fromEntries(keys.map((k) => [k, before[k]])),
    after: Object.fromEntries(keys.map((k) => [k, after[k]])),
  };
}

function cardTaken(
  store: Store,
  congressId: number,
  cardNo: string,
  self: number | null,
): Result<never> | undefined {
  const holder = store.delegates.byCard(congressId, cardNo);
  if (!holder || holder.id === self) return undefined;
  return fail(
    'conflict',
    `代表证号“${cardNo}”已属于 ${holder.name}（${holder.unit || '未填单位'}）`,
    {
      field: 'delegate.cardNo',
    },
  );
}
