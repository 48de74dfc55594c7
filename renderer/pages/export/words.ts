import type { BackupReason } from '../../../shared/api/backup';

export const backupReasonLabels: Record<BackupReason, string> = {
  manual: '手动备份',
  scheduled: '定时备份',
  certified: '签核后自动备份',
};

/** 2025-06-18T07:30:00.000Z as the hall reads it, in this computer's time zone. */
export function when(iso: string): string {
  const d = new Date(iso);
  const two = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${two(d.getMonth() + 1)}-${two(d.getDate())} ${two(d.getHours())}:${two(d.getMinutes())}:${two(d.getSeconds())}`;
}

export function size(bytes: number): string {
  if (bytes < 1024) return `${bytes} 字节`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
