import { z } from 'zod';
import { pinSchema } from './fields';
import { method, returns } from './method';
import { roleGroups, roles } from '../domain/roles';

/*
 * 备份与恢复: copies of the whole database to a folder the operator picks (a USB stick), now, on
 * a schedule and after each certification; and a restore that checks a copy before it replaces
 * the live database (which is kept aside, not deleted).
 */

export type BackupReason = 'manual' | 'scheduled' | 'certified';

export interface BackupConfig {
  /** null: no automatic backups. */
  folder: string | null;
  intervalMinutes: number;
  /** How many of this installation's backups to keep in the folder. */
  keep: number;
}

export interface BackupInfo {
  /** Full path, as restore takes it. */
  file: string;
  name: string;
  createdAt: string;
  size: number;
  reason: BackupReason;
  /** Made by this installation (another laptop may back up to the same stick). */
  ours: boolean;
  /** Audit rows in the copy: how far the record goes. */
  auditRows: number;
  schemaVersion: number;
}

export interface BackupStatus {
  config: BackupConfig;
  /** The live database file. */
  database: string;
  backups: BackupInfo[];
  /** Why the folder cannot be read now (stick pulled out …); null when it can or none is set. */
  folderProblem: string | null;
  /** The last backup attempted by this program since it started, and how it went. */
  last: { at: string; ok: boolean; message: string } | null;
}

export interface Restored {
  restoredFrom: string;
  backupCreatedAt: string;
  /** Where the database that was replaced now is. */
  keptAs: string;
}

const folderSchema = z
  .string({ error: '应为文件夹路径' })
  .trim()
  .min(1, '请填写备份文件夹')
  .max(1000, '路径过长');

export const backupMethods = {
  'backup.status': method({
    input: z.strictObject({}),
    access: roles,
    output: returns<BackupStatus>(),
  }),
  /** Where and how often (audited). */
  'backup.configure': method({
    input: z.strictObject({
      folder: folderSchema.nullable(),
      intervalMinutes: z
        .int({ error: '应为分钟数（整数）' })
        .min(5, '间隔不能少于 5 分钟')
        .max(240, '间隔不能超过 240 分钟'),
      keep: z
        .int({ error: '应为份数（整数）' })
        .min(1, '至少保留 1 份')
        .max(200, '最多保留 200 份'),
    }),
    access: roleGroups.keyHolders,
    output: returns<BackupStatus>(),
  }),
  /** 立即备份, into the configured folder (audited). */
  'backup.now': method({
    input: z.strictObject({}),
    access: [...roleGroups.admin, ...roleGroups.scrutineers],
    output: returns<BackupInfo>(),
  }),
  /**
   * Replaces the live database with a checked backup. The caller's PIN again: this undoes
   * everything done since the backup (the replaced database is kept beside it). Every session
   * ends; the restore is the first audit row after it.
   */
  'backup.restore': method({
    input: z.strictObject({
      file: z
        .string({ error: '应为备份文件路径' })
        .trim()
        .min(1, '请选择备份')
        .max(1000, '路径过长'),
      pin: pinSchema,
    }),
    access: roleGroups.keyHolders,
    output: returns<Restored>(),
  }),
};
