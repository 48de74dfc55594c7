import Database from 'better-sqlite3';
import { copyFileSync, readFileSync, statSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { StoreError } from '../../../db/errors';
import { openDatabase } from '../../../db/open';
import { openStore } from '../../../db/store';
import { congressWithRound, seeded, sha256, useTempDir } from './fixtures';

const tempDir = useTempDir();

function pragmas(db: Database.Database) {
  return {
    journal: db.pragma('journal_mode', { simple: true }) as string,
    synchronous: db.pragma('synchronous', { simple: true }) as number,
    foreignKeys: db.pragma('foreign_keys', { simple: true }) as number,
  };
}

const cardInTableAndIndex = 'CARD-7F3A9';

/** A closed database file with a few thousand ballots in it: many pages, all in use. */
function databaseWithData(): string {
  const file = join(tempDir(), 'congress.sqlite');
  const store = openStore(file);
  const { teller, round, congress } = congressWithRound(store);
  const random = seeded(7);
  store.transaction(() => {
    store.delegates.create(congress.id, { name: '张三', cardNo: cardInTableAndIndex });
    for (let b = 0; b < 4; b += 1) {
      const box = store.ballots.createBox(round.id, { label: `第${b + 1}箱`, expected: 500 });
      const pass = store.ballots.openPass(box.id, 1, teller.id);
      for (let seq = 1; seq <= 500; seq += 1) {
        const marks = Array.from({ length: 5 }, () => 'OX-?'[Math.floor(random() * 4)]).join('');
        store.ballots.insert({ passId: pass.id, seq, marks });
      }
    }
  });
  store.close();
  return file;
}

function refusal(file: string): StoreError {
  try {
    openDatabase(file).close();
  } catch (error) {
    if (error instanceof StoreError) return error;
    throw error;
  }
  throw new Error(`${file} was opened`);
}

describe('opening a database', () => {
  it('sets WAL, synchronous FULL and foreign keys on every connection', () => {
    const file = join(tempDir(), 'pragmas.sqlite');
    const expected = { journal: 'wal', synchronous: 2, foreignKeys: 1 };
    for (const readonly of [false, false, true]) {
      const db = openDatabase(file, { readonly });
      expect(pragmas(db), readonly ? 'read-only' : 'writable').toEqual(expected);
      db.close();
    }
    const store = openStore(file);
    expect(pragmas(store.db)).toEqual(expected);
    store.close();
  });

  it('enforces foreign keys on the connection it returns', () => {
    const store = openStore(join(tempDir(), 'fk.sqlite'));
    expect(() =>
      store.transaction(() => store.delegates.create(999, { name: '张三', cardNo: '001' })),
    ).toThrow(/FOREIGN KEY/);
    store.close();
  });

  describe('refuses a damaged file before writing anything', () => {
    const cases: [string, (file: string, pageSize: number) => void][] = [
      [
        'garbage across the middle of two pages',
        (file, pageSize) => {
          const bytes = readFileSync(file);
          const pages = bytes.length / pageSize;
          const start = Math.floor(pages / 2) * pageSize + pageSize / 2;
          const random = seeded(11);
          for (let i = start; i < start + pageSize; i += 1) bytes[i] = Math.floor(random() * 256);
          writeFileSync(file, bytes);
        },
      ],
      [
        'a page of zeros',
        (file, pageSize) => {
          const bytes = readFileSync(file);
          bytes.fill(0, 3 * pageSize, 4 * pageSize);
          writeFileSync(file, bytes);
        },
      ],
      [
        'a value edited in its table but not in its index (as a hex editor would)',
        (file) => {
          const bytes = readFileSync(file);
          const at = bytes.indexOf(cardInTableAndIndex, 0, 'latin1');
          expect(bytes.indexOf(cardInTableAndIndex, at + 1, 'latin1')).toBeGreaterThan(at);
          bytes[at + cardInTableAndIndex.length - 1] = 0x38;
          writeFileSync(file, bytes);
        },
      ],
      [
        'the file cut short',
        (file, pageSize) =>
          truncateSync(file, Math.floor(statSync(file).size / pageSize / 2) * pageSize),
      ],
      [
        'the file cut in the middle of a page',
        (file, pageSize) => truncateSync(file, 5 * pageSize + 1000),
      ],
    ];

    for (const [name, damage] of cases) {
      it(name, () => {
        const original = databaseWithData();
        const file = join(tempDir(), 'damaged.sqlite');
        copyFileSync(original, file);
        const probe = new Database(file, { readonly: true });
        const pageSize = probe.pragma('page_size', { simple: true }) as number;
        probe.close();
        damage(file, pageSize);
        const before = sha256(file);

        const error = refusal(file);
        expect(error.code).toBe('corrupt');
        expect(error.message).toContain(file);
        expect(error.message).toContain('请从备份恢复');
        expect(sha256(file)).toBe(before);
        expect(() => openStore(file)).toThrow(expect.objectContaining({ code: 'corrupt' }));
        expect(sha256(file)).toBe(before);
      });
    }

    it('a file that is not a database at all', () => {
      const file = join(tempDir(), 'random.sqlite');
      const random = seeded(3);
      writeFileSync(
        file,
        Uint8Array.from({ length: 20_000 }, () => Math.floor(random() * 256)),
      );
      const before = sha256(file);
      const error = refusal(file);
      expect(error.code).toBe('corrupt');
      expect(error.message).toContain('请从备份恢复');
      expect(sha256(file)).toBe(before);
    });
  });

  it('opens the undamaged original of those files', () => {
    const store = openStore(databaseWithData());
    expect(store.db.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(store.db.prepare('SELECT count(*) AS n FROM ballot').get()).toEqual({ n: 2000 });
    store.close();
  });
});
