import type { Database } from 'better-sqlite3';

/** Installation-wide values (backup folder, locale, ...) stored as JSON; callers validate shape. */
export function createSettingsRepo(db: Database) {
  const select = db.prepare<[string], { value: string }>('SELECT value FROM setting WHERE key = ?');
  const upsert = db.prepare<[string, string]>(
    `INSERT INTO setting (key, value) VALUES (?, ?)
     ON CONFLICT (key) DO UPDATE SET value = excluded.value`,
  );
  const remove = db.prepare<[string]>('DELETE FROM setting WHERE key = ?');

  return {
    get(key: string): unknown {
      const row = select.get(key);
      return row === undefined ? undefined : (JSON.parse(row.value) as unknown);
    },
    set(key: string, value: unknown): void {
      const json = JSON.stringify(value);
      if (json === undefined) throw new TypeError(`setting ${key}: value is not JSON`);
      upsert.run(key, json);
    },
    remove(key: string): boolean {
      return remove.run(key).changes > 0;
    },
  };
}
