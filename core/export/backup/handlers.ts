import { resolve } from 'node:path';
import { z } from 'zod';
import type { Store } from '../../../db/store';
import type {
  BackupConfig,
  BackupInfo,
  backupMethods,
  BackupReason,
  BackupStatus,
} from '../../../shared/api/backup';
import { fail, ok, type Result } from '../../../shared/api/result';
import { backupSource, createBackup, listBackups, pruneBackups } from './files';
import { installRestore, prepareRestore, syncInstall } from './restore';
import {
  backupKeysStatus,
  restoredKeyAudit,
  restoreKeys,
  setBackupPassphrase,
} from './signing-keys';
import { audit, type ServiceContext } from '../../platform/context';
import type { Handlers } from '../../platform/dispatch';
import { checkFolder } from '../../platform/durable-files';
import { checkPin } from '../../platform/session';
import type { Session } from '../../platform/session-registry';

/*
 * When backups happen: on demand, every N minutes while the app (or the host) runs and something
 * has changed since the last one, and after each certification. One at a time per database: a
 * restore waits for a backup in progress, and the other way round.
 */

const configKey = 'backup.config';
const defaults: BackupConfig = { folder: null, intervalMinutes: 15, keep: 20 };

const configSchema = z.strictObject({
  folder: z.string().nullable(),
  intervalMinutes: z.int().min(1),
  keep: z.int().min(1),
});

function backupConfig(store: Store): BackupConfig {
  const parsed = configSchema.safeParse(store.settings.get(configKey));
  return parsed.success ? parsed.data : defaults;
}

interface Runtime {
  queue: Promise<unknown>;
  last: BackupStatus['last'];
}

const runtimes = new WeakMap<ServiceContext, Runtime>();

function runtimeOf(ctx: ServiceContext): Runtime {
  let runtime = runtimes.get(ctx);
  if (!runtime) {
    runtime = { queue: Promise.resolve(), last: null };
    runtimes.set(ctx, runtime);
  }
  return runtime;
}

/** Runs `task` after whatever backup or restore is under way for this database. */
function serially<T>(ctx: ServiceContext, task: () => Promise<T>): Promise<T> {
  const runtime = runtimeOf(ctx);
  const next = runtime.queue.then(task, task);
  runtime.queue = next.catch(() => undefined);
  return next;
}

/** One backup into the configured folder, and the old ones beyond `keep` removed. */
function runBackup(ctx: ServiceContext, reason: BackupReason): Promise<Result<BackupInfo>> {
  return serially(ctx, async () => {
    const { folder, keep } = backupConfig(ctx.store);
    if (folder === null) {
      return fail(
        'invalid-state',
        '尚未设置备份文件夹：请先在“备份与恢复”中选择一个文件夹（建议用 U 盘）',
      );
    }
    const checked = await checkFolder(folder);
    const made = checked.ok ? await createBackup(ctx.store, folder, reason, ctx.now) : checked;
    runtimeOf(ctx).last = {
      at: ctx.now().toISOString(),
      ok: made.ok,
      message: made.ok ? `已备份到 ${made.value.file}` : made.error.message,
    };
    if (made.ok) await pruneBackups(folder, backupSource(ctx.store), keep, ctx.now());
    return made;
  });
}

/**
 * The hook for the results service: a backup right after a round is certified. It never fails
 * the certification; a failed backup is logged and shown on the backup screen.
 */
export async function backupAfterCertification(ctx: ServiceContext): Promise<void> {
  if (backupConfig(ctx.store).folder === null) return;
  try {
    await runBackup(ctx, 'certified');
  } catch (error) {
    ctx.log.error('签核后的自动备份出现程序错误', error);
  }
}

/** A scheduled backup, if one is due and something changed since this installation's last. */
export async function scheduledBackup(ctx: ServiceContext): Promise<Result<BackupInfo> | null> {
  const { folder, intervalMinutes } = backupConfig(ctx.store);
  if (folder === null) return null;
  const newest = await listBackups(folder, backupSource(ctx.store)).then(
    (all) => all.find((b) => b.ours),
    () => undefined,
  );
  const now = ctx.now().getTime();
  if (newest && now - Date.parse(newest.createdAt) < intervalMinutes * 60_000) return null;
  if (newest && newest.auditRows === ctx.store.audit.head().seq) return null;
  return runBackup(ctx, 'scheduled');
}

const checkEveryMs = 60_000;

/** The timer of a long-running process (the app, the host); returns the function that stops it. */
export function startBackupSchedule(ctx: ServiceContext): () => void {
  const timer = setInterval(() => {
    scheduledBackup(ctx).catch((error: unknown) => ctx.log.error('定时备份出现程序错误', error));
  }, checkEveryMs);
  timer.unref();
  return () => clearInterval(timer);
}

export function backupHandlers(ctx: ServiceContext): Handlers<typeof backupMethods> {
  return {
    'backup.status': async () => ok(await backupStatus(ctx)),

    'backup.configure': async (config, session) => {
      if (config.folder !== null) {
        const checked = await checkFolder(config.folder);
        if (!checked.ok) return checked;
      }
      ctx.store.transaction(() => {
        const before = backupConfig(ctx.store);
        ctx.store.settings.set(configKey, config);
        audit(ctx, session, 'backup.configure', { before, after: config });
      });
      return ok(await backupStatus(ctx));
    },

    'backup.now': async (_input, session) => {
      const made = await runBackup(ctx, 'manual');
      if (made.ok) {
        const { file, size, createdAt } = made.value;
        ctx.store.transaction(() =>
          audit(ctx, session, 'backup.create', { file, size, createdAt }),
        );
      }
      return made;
    },

    'backup.restore': async ({ file, pin, passphrase }, session) => {
      const checked = await pinAgain(ctx, session, pin);
      if (!checked.ok) return checked;
      return serially(ctx, async () => {
        const live = ctx.store.file;
        const prepared = await prepareRestore(resolve(file), live, passphrase);
        if (!prepared.ok) return prepared;
        const at = ctx.now();
        const signingKey = await restoreKeys(live, prepared.value.keys, at);
        const keptAs = ctx.replaceDatabase(() => installRestore(prepared.value, live, at));
        await syncInstall(live);
        const restored = {
          restoredFrom: prepared.value.backup,
          backupCreatedAt: prepared.value.manifest.createdAt,
          keptAs,
        };
        ctx.store.transaction(() =>
          audit(ctx, session, 'backup.restore', {
            ...restored,
            sha256: prepared.value.manifest.sha256,
            signingKey: restoredKeyAudit(signingKey),
          }),
        );
        return ok({ ...restored, signingKey });
      });
    },

    'backup.setPassphrase': async ({ passphrase, pin }, session) => {
      const checked = await pinAgain(ctx, session, pin);
      if (!checked.ok) return checked;
      return setBackupPassphrase(ctx.store, session, passphrase, ctx.now());
    },
  };
}

/** The signed-in person's PIN once more, for what cannot be undone lightly. */
async function pinAgain(ctx: ServiceContext, session: Session, pin: string): Promise<Result<null>> {
  const person = ctx.store.people.byId(session.personId);
  if (!person?.active) return fail('unauthenticated', '此账号已停用，请由管理员处理');
  return checkPin(ctx, person, pin);
}

async function backupStatus(ctx: ServiceContext): Promise<BackupStatus> {
  const config = backupConfig(ctx.store);
  let backups: BackupInfo[] = [];
  let folderProblem: string | null = null;
  if (config.folder !== null) {
    try {
      backups = await listBackups(config.folder, backupSource(ctx.store));
    } catch {
      folderProblem = `无法读取备份文件夹 ${config.folder}（U 盘是否已拔出？）`;
    }
  }
  return {
    config,
    database: ctx.store.file,
    backups,
    folderProblem,
    last: runtimeOf(ctx).last,
    signingKeys: await backupKeysStatus(ctx.store),
  };
}
