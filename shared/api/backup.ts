import { z } from 'zod';
import { pinSchema } from './fields';
import { method, returns } from './method';
import { roleGroups, roles } from '../domain/roles';
import type { SigningAlgorithm } from '../export/manifest';
import { passphraseMaxLength, passphraseMinLength } from '../export/backup-passphrase';

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
  /** Fingerprints of the signing keys it carries, sealed with the backup passphrase; [] if none. */
  signingKeys: string[];
}

/** The signing keys that backups carry, sealed with the passphrase the 总监票人 set. */
export interface BackupKeysStatus {
  /** null: no passphrase set yet, so backups carry no signing key. */
  sealed: {
    setAt: string;
    setBy: string;
    keys: { algorithm: SigningAlgorithm; fingerprint: string }[];
  } | null;
  /** Fingerprints of this installation's keys that the sealed copy lacks (made since). */
  uncovered: string[];
}

/** What a restore did about the signing key, and what that means, in the hall's words. */
export interface KeyRestore {
  /** restored: put back; same: this installation had it already; not-restored: see message. */
  state: 'restored' | 'same' | 'not-restored';
  fingerprints: string[];
  /** Key files of this installation that were renamed aside to make room. */
  keptAside: string[];
  message: string;
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
  signingKeys: BackupKeysStatus;
}

export interface Restored {
  restoredFrom: string;
  backupCreatedAt: string;
  /** Where the database that was replaced now is. */
  keptAs: string;
  signingKey: KeyRestore;
}

const passphraseSchema = z
  .string({ error: '应为口令' })
  .min(passphraseMinLength, `口令至少 ${passphraseMinLength} 个字符`)
  .max(passphraseMaxLength, `口令不能超过 ${passphraseMaxLength} 个字符`);

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
      /** Opens the signing keys the backup carries; without it only the data is restored. */
      passphrase: z
        .string({ error: '应为口令' })
        .max(passphraseMaxLength, `口令不能超过 ${passphraseMaxLength} 个字符`)
        .optional(),
    }),
    access: roleGroups.keyHolders,
    output: returns<Restored>(),
  }),
  /**
   * Sets (or changes) the backup passphrase: the installation's signing keys are sealed with it
   * for the backups to carry. The passphrase is kept nowhere; the change is audited without it.
   */
  'backup.setPassphrase': method({
    input: z
      .strictObject({ passphrase: passphraseSchema, confirm: z.string(), pin: pinSchema })
      .refine((v) => v.passphrase === v.confirm, {
        message: '两次输入的口令不一致',
        path: ['confirm'],
      }),
    access: roleGroups.chief,
    output: returns<BackupKeysStatus>(),
  }),
};
