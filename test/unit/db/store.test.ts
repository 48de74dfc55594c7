import Database from 'better-sqlite3';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { StoreError } from '../../../db/errors';
import { openStore } from '../../../db/store';
import { congressWithRound, sha256, useTempDir } from './fixtures';

const tempDir = useTempDir();

function thrown(fn: () => unknown): unknown {
  try {
    fn();
  } catch (error) {
    return error;
  }
  throw new Error('expected a failure');
}

describe('the store', () => {
  it('commits a change and its audit row together, or neither', () => {
    const store = openStore(join(tempDir(), 'tx.sqlite'));
    const { round, teller } = congressWithRound(store);
    const box = store.ballots.createBox(round.id, { label: '一号箱', expected: 2 });
    const pass = store.ballots.openPass(box.id, 1, teller.id);
    const enter = (seq: number, marks: string) =>
      store.transaction(() => {
        const ballot = store.ballots.insert({ passId: pass.id, seq, marks });
        store.audit.append({
          actor: teller.name,
          role: 'teller',
          action: 'ballot.enter',
          payload: { seq },
        });
        return ballot;
      });

    enter(1, 'OOXX-');
    const auditBefore = store.audit.head();
    // The audit row is written, then the ballot fails: the audit row must go too.
    expect(() =>
      store.transaction(() => {
        store.audit.append({
          actor: teller.name,
          role: 'teller',
          action: 'ballot.enter',
          payload: { seq: 2 },
        });
        store.ballots.insert({ passId: pass.id, seq: 2, marks: 'too long for five' });
      }),
    ).toThrow();
    expect(store.audit.head()).toEqual(auditBefore);
    expect(store.ballots.liveCount(pass.id)).toBe(1);
    expect(store.db.inTransaction).toBe(false);

    // A nested call is part of the outer change.
    expect(() =>
      store.transaction(() => {
        enter(2, 'XXXX-');
        throw new Error('outer change fails');
      }),
    ).toThrow(/outer/);
    expect(store.ballots.liveCount(pass.id)).toBe(1);
    expect(store.audit.verify()).toMatchObject({ ok: true, count: 1 });
    store.close();
  });

  it('reports a full disk as a StoreError, keeps nothing of the change, and carries on', () => {
    const file = join(tempDir(), 'full.sqlite');
    const store = openStore(file);
    const { round, teller } = congressWithRound(store);
    const pass = store.ballots.openPass(
      store.ballots.createBox(round.id, { label: '一号箱', expected: 500 }).id,
      1,
      teller.id,
    );
    const pages = store.db.pragma('page_count', { simple: true }) as number;
    // SQLite's own limit on the file's size stands in for a full USB stick.
    store.db.pragma(`max_page_count = ${pages}`);
    const error = thrown(() =>
      store.transaction(() => {
        for (let seq = 1; seq <= 500; seq += 1) {
          store.ballots.insert({
            passId: pass.id,
            seq,
            marks: 'OOXX-',
            writeIns: [{ slot: 0, name: `写票人${seq}`, mark: 'O' }],
          });
        }
        store.audit.append({ actor: 'x', role: 'teller', action: 'bulk', payload: null });
      }),
    );
    expect(error).toBeInstanceOf(StoreError);
    expect(error).toMatchObject({ code: 'disk-full' });
    expect((error as StoreError).message).toContain('磁盘已满');
    expect(store.ballots.liveCount(pass.id)).toBe(0);
    expect(store.audit.head().seq).toBe(0);

    store.db.pragma(`max_page_count = ${pages * 100}`);
    store.transaction(() => store.ballots.insert({ passId: pass.id, seq: 1, marks: 'OOXX-' }));
    expect(store.ballots.liveCount(pass.id)).toBe(1);
    store.close();
  });

  it('opened read-only, reads and refuses every write with a StoreError', () => {
    const file = join(tempDir(), 'ro.sqlite');
    const writable = openStore(file);
    const { congress } = congressWithRound(writable);
    writable.close();
    const before = sha256(file);

    const store = openStore(file, { readonly: true });
    expect(store.congresses.byId(congress.id)?.name).toBe(congress.name);
    const error = thrown(() => store.transaction(() => store.settings.set('k', 1)));
    expect(error).toMatchObject({ code: 'read-only' });
    store.close();
    expect(sha256(file)).toBe(before);
  });

  it('reports a file locked by another writer as busy, without waiting forever', () => {
    const file = join(tempDir(), 'busy.sqlite');
    const store = openStore(file);
    store.db.pragma('busy_timeout = 50');
    const other = new Database(file);
    other.exec('BEGIN IMMEDIATE');
    const error = thrown(() => store.transaction(() => store.settings.set('k', 1)));
    expect(error).toMatchObject({ code: 'busy' });
    other.exec('ROLLBACK');
    other.close();
    store.transaction(() => store.settings.set('k', 2));
    expect(store.settings.get('k')).toBe(2);
    store.close();
  });

  it('lets bugs through as they are', () => {
    const store = openStore(join(tempDir(), 'bug.sqlite'));
    const error = thrown(() =>
      store.transaction(() => store.delegates.create(12345, { name: '无会议', cardNo: '1' })),
    );
    expect(error).not.toBeInstanceOf(StoreError);
    expect(String(error)).toMatch(/FOREIGN KEY/);
    store.close();
  });
});
