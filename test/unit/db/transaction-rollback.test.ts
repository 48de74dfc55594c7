import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openStore } from '../../../db/store';
import { fail, ok } from '../../../shared/api/result';
import { congressWithRound, useTempDir } from './fixtures';

const tempDir = useTempDir();

describe('a transaction that returns a Result', () => {
  it('keeps nothing of a change that ends in a failure, and returns the failure', () => {
    const store = openStore(join(tempDir(), 'rollback.sqlite'));
    const { round, teller } = congressWithRound(store);
    const head = store.audit.head();
    const refused = fail('conflict', '票箱名称重复');
    const result = store.transaction(() => {
      store.ballots.createBox(round.id, { label: '一号箱', expected: 10 });
      store.audit.append({ actor: teller.name, role: 'teller', action: 'box.create', payload: {} });
      return refused;
    });
    expect(result).toBe(refused);
    expect(store.ballots.boxesOf(round.id)).toEqual([]);
    expect(store.audit.head()).toEqual(head);
    expect(store.db.inTransaction).toBe(false);
    store.close();
  });

  it('commits a change that ends in success', () => {
    const store = openStore(join(tempDir(), 'commit.sqlite'));
    const { round } = congressWithRound(store);
    const result = store.transaction(() =>
      ok(store.ballots.createBox(round.id, { label: '一号箱', expected: 10 })),
    );
    expect(result.ok).toBe(true);
    expect(store.ballots.boxesOf(round.id).map((b) => b.label)).toEqual(['一号箱']);
    store.close();
  });

  it('rolls back only a nested change that fails, and keeps the outer one', () => {
    const store = openStore(join(tempDir(), 'nested.sqlite'));
    const { round } = congressWithRound(store);
    const inner = store.transaction(() => {
      store.ballots.createBox(round.id, { label: '一号箱', expected: 10 });
      const nested = store.transaction(() => {
        store.ballots.createBox(round.id, { label: '二号箱', expected: 10 });
        return fail('conflict', '二号箱有误');
      });
      return ok(nested.ok);
    });
    expect(inner).toEqual(ok(false));
    expect(store.ballots.boxesOf(round.id).map((b) => b.label)).toEqual(['一号箱']);
    store.close();
  });
});
