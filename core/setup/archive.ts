import type { Congress } from '../../db/congresses';
import type { Store } from '../../db/store';
import type { archiveMethods } from '../../shared/api/archive';
import { fail, ok, type Result } from '../../shared/api/result';
import { roundLabel } from '../../shared/strings/issuance';
import { roundStatePhrases } from '../../shared/strings/setup';
import { announcementKey } from '../announce/announcement';
import { projectedKey } from '../entry/overview';
import { latestExport } from '../export/package/seal';
import { clearCurrentCongress, congressRecord, currentCongress } from '../platform/congress-rules';
import { audit, type ServiceContext } from '../platform/context';
import type { Handlers } from '../platform/dispatch';
import { notFound } from '../platform/lookup';
import { numbered } from '../platform/round-number';

/** 归档 and 删除 of a whole congress; the audit log is the installation's, so its rows stay. */
export function archiveHandlers(ctx: ServiceContext): Handlers<typeof archiveMethods> {
  const { store } = ctx;
  const present = (congress: Congress) => congressRecord(store, congress);
  return {
    'congress.archived': () =>
      ok(
        store.congresses
          .list()
          .filter((c) => c.archivedAt !== null)
          .map(present),
      ),

    'congress.archive': ({ congressId }, session) => {
      const congress = store.congresses.byId(congressId);
      if (!congress) return notFound('congressId');
      if (congress.archivedAt) {
        return fail('conflict', `大会“${congress.name}”已于${day(congress.archivedAt)}归档`);
      }
      const unfinished = unfinishedRound(store, congress);
      if (unfinished) return unfinished;
      const archived = store.transaction(() => {
        store.congresses.setArchived(congress.id, ctx.now().toISOString());
        if (currentCongress(store)?.id === congress.id) clearCurrentCongress(store);
        audit(ctx, session, 'congress.archive', { congressId, name: congress.name });
        return store.congresses.byId(congress.id) ?? congress;
      });
      return ok(present(archived));
    },

    'congress.unarchive': ({ congressId }, session) => {
      const congress = store.congresses.byId(congressId);
      if (!congress) return notFound('congressId');
      if (!congress.archivedAt) return fail('conflict', `大会“${congress.name}”没有归档`);
      const back = store.transaction(() => {
        store.congresses.setArchived(congress.id, null);
        audit(ctx, session, 'congress.unarchive', { congressId, name: congress.name });
        return store.congresses.byId(congress.id) ?? congress;
      });
      return ok(present(back));
    },

    'congress.remove': ({ congressId, confirmName, confirmUnexported }, session) => {
      const congress = store.congresses.byId(congressId);
      if (!congress) return notFound('congressId');
      if (confirmName !== congress.name) {
        return fail(
          'invalid-argument',
          `输入的名称与大会名称不一致，未删除；请逐字输入“${congress.name}”`,
          { field: 'confirmName' },
        );
      }
      const exported = latestExport(store, congress.id);
      if (!exported && confirmUnexported !== true) {
        return fail(
          'invalid-state',
          `大会“${congress.name}”的选举结果从未导出：删除后名册、选票和结果都将无法找回。确认仍要删除，请勾选“确认删除未导出的大会”`,
          { field: 'confirmUnexported' },
        );
      }
      const held = holdings(store, congress.id);
      const roundIds = new Set(
        store.elections
          .listByCongress(congress.id)
          .flatMap((e) => store.elections.roundsOf(e.id).map((r) => r.id)),
      );
      store.transaction(() => {
        const wasCurrent = currentCongress(store)?.id === congress.id;
        store.congresses.remove(congress.id);
        store.settings.remove(`export.latest.${congress.id}`);
        clearProjector(store, roundIds);
        if (wasCurrent) clearCurrentCongress(store);
        audit(ctx, session, 'congress.remove', {
          congressId,
          name: congress.name,
          heldOn: congress.heldOn,
          ...held,
          exported: exported ? { createdAt: exported.createdAt, digest: exported.digest } : null,
        });
      });
      return ok(null);
    },
  };
}

/** A round being voted on or counted, or awaiting certification, keeps the congress open. */
function unfinishedRound(store: Store, congress: Congress): Result<never> | undefined {
  for (const election of store.elections.listByCongress(congress.id)) {
    const rounds = store.elections.roundsOf(election.id);
    const open = rounds.find((r) => ['voting', 'counting', 'counted'].includes(r.state));
    if (open) {
      const label = roundLabel(numbered(open, rounds));
      return fail(
        'invalid-state',
        `“${election.title}”${label}${roundStatePhrases[open.state]}，选举尚未结束，不能归档`,
      );
    }
  }
  return undefined;
}

/** What the deletion takes with it, for its audit row. */
function holdings(store: Store, congressId: number) {
  const count = (sql: string) =>
    store.db.prepare<[number], number>(sql).pluck().get(congressId) ?? 0;
  const ofRounds = `JOIN round r ON r.id = x.round_id JOIN election e ON e.id = r.election_id
    WHERE e.congress_id = ?`;
  return {
    delegates: count('SELECT count(*) FROM delegate WHERE congress_id = ?'),
    elections: count('SELECT count(*) FROM election WHERE congress_id = ?'),
    ballots: count(
      `SELECT count(*) FROM ballot b JOIN entry_pass p ON p.id = b.pass_id
       JOIN box x ON x.id = p.box_id ${ofRounds} AND p.pass = 1 AND b.voided_reason IS NULL`,
    ),
  };
}

/** The projector no longer shows a board or a result of a deleted congress. */
function clearProjector(store: Store, roundIds: ReadonlySet<number>): void {
  for (const key of [announcementKey, projectedKey]) {
    const shown = store.settings.get(key);
    if (typeof shown === 'number' && roundIds.has(shown)) store.settings.set(key, null);
  }
}

function day(iso: string): string {
  return iso.slice(0, 10);
}
