import { openStore } from '../../../db/store';
import { backupSource, createBackup, pruneBackups } from '../../../core/export/backup/files';

/*
 * Run by crash.test.ts, which kills it at a random moment: backs the database up into the folder
 * again and again, changing the database between backups, and prints each backup it finished.
 */
const [file = '', folder = ''] = process.argv.slice(2);
const store = openStore(file);
const source = backupSource(store);
for (let i = 0; ; i += 1) {
  store.transaction(() =>
    store.audit.append({ actor: '备份测试', role: 'admin', action: 'test.change', payload: { i } }),
  );
  const made = await createBackup(store, folder, 'scheduled', () => new Date());
  if (!made.ok) throw new Error(made.error.message);
  process.stdout.write(`${made.value.file}\n`);
  await pruneBackups(folder, source, 1000, new Date());
}
