import { execFileSync } from 'node:child_process';
import {
  chmodSync,
  copyFileSync,
  readdirSync,
  readFileSync,
  truncateSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { openStore } from '../../../db/store';
import { seedCountingRound } from '../entry/seed';
import { congressTally, readOnlyView, root, sha256, tempDir } from './fixture';

/*
 * The app started on a database it cannot use — damaged, cut short, or in a folder it cannot
 * write to — must stop at once with one clear line in Chinese and a non-zero exit, and must not
 * touch the file (no repair attempt, no journal left beside it). Tested through the loopback
 * host's start (`congress-tally serve --db …`), which opens the services as the app does.
 */

let original = '';
let pageSize = 4096;

beforeAll(() => {
  original = join(tempDir(), 'congress.sqlite');
  const store = openStore(original);
  seedCountingRound(store, {});
  store.transaction(() => {
    for (let i = 0; i < 300; i += 1) {
      store.audit.append({ actor: '测试', role: 'admin', action: 'fill', payload: { i } });
    }
  });
  pageSize = Number(store.db.pragma('page_size', { simple: true }));
  // A clean close: everything in the main file, no -wal or -shm beside it.
  store.db.pragma('wal_checkpoint(TRUNCATE)');
  store.close();
});

/** A copy of the good database in a folder of its own. */
function copy(name = 'congress.sqlite'): string {
  const file = join(tempDir(), name);
  copyFileSync(original, file);
  return file;
}

function serve(file: string) {
  return congressTally(['serve', '--db', file, '--port', '0']);
}

describe('started on a damaged database', () => {
  const damages: [string, (file: string) => void][] = [
    ['cut short (a copy interrupted)', (file) => truncateSync(file, 5 * pageSize + 1000)],
    [
      'a page overwritten with garbage',
      (file) => {
        const bytes = readFileSync(file);
        for (let i = 4 * pageSize; i < 5 * pageSize; i += 1) bytes[i] = (i * 7919) % 251;
        writeFileSync(file, bytes);
      },
    ],
    [
      'the header overwritten',
      (file) => {
        const bytes = readFileSync(file);
        bytes.fill(0x20, 0, 100);
        writeFileSync(file, bytes);
      },
    ],
  ];

  for (const [name, damage] of damages) {
    it(`${name}: refuses to start, says to restore from a backup, leaves the file alone`, () => {
      const file = copy();
      damage(file);
      const before = sha256(file);
      const run = serve(file);
      expect(run.status).toBe(2);
      expect(run.stdout).toBe('');
      expect(run.stderr).toContain('数据库文件已损坏');
      expect(run.stderr).toContain(file);
      expect(run.stderr).toContain('请从备份恢复');
      expect(sha256(file)).toBe(before);
      expect(readdirSync(join(file, '..'))).toEqual(['congress.sqlite']);
    });
  }
});

describe('started on a database in a folder it cannot write to', () => {
  it('refuses to start with a clear message, and changes nothing', () => {
    const file = copy();
    const folder = join(file, '..');
    const before = sha256(file);
    const view = join(tempDir(), 'write-protected');
    let run;
    let target = file;
    if (readOnlyView(folder, view)) {
      // A read-only file system, as a write-protected stick mounts: even root cannot write there.
      console.info('只读文件夹：以只读方式重新挂载（mount --bind, ro）');
      target = join(view, 'congress.sqlite');
      run = serve(target);
    } else if (process.getuid?.() === 0) {
      // Root ignores permissions: run the host as nobody, who cannot write to a 0555 folder.
      console.info('只读文件夹：以 nobody 身份运行，文件夹权限 0555');
      chmodSync(folder, 0o555);
      run = spawnAsNobody(file);
    } else {
      console.info('只读文件夹：文件夹权限 0555');
      chmodSync(folder, 0o555);
      run = serve(file);
    }
    chmodSync(folder, 0o755);
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain(target);
    expect(run.stderr).toMatch(/无法打开数据库|无法写入数据库/);
    expect(sha256(file)).toBe(before);
    expect(readdirSync(folder)).toEqual(['congress.sqlite']);
  });
});

function spawnAsNobody(file: string) {
  const args = ['--reuid=65534', '--regid=65534', '--clear-groups', process.execPath];
  try {
    const stdout = execFileSync(
      'setpriv',
      [...args, join(root, 'bin/congress-tally.mjs'), 'serve', '--db', file, '--port', '0'],
      { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], timeout: 30_000 },
    );
    return { status: 0, stdout, stderr: '' };
  } catch (error) {
    const failed = error as { status: number | null; stdout: string; stderr: string };
    return { status: failed.status, stdout: failed.stdout, stderr: failed.stderr };
  }
}
