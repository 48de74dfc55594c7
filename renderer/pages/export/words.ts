import type { BackupReason } from '../../../shared/api/backup';
import type { ApiError } from '../../../shared/api';

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

/** The county's form fields as the services name them, and as the screens label them. */
const countyFields: Readonly<Record<string, string>> = {
  by: '经办人',
  reason: '原因',
  organiser: '主办单位',
  'source.fingerprint': '公钥指纹',
  'source.content': '公钥文件',
  content: '密钥登记文件',
  folder: '结果包所在文件夹',
  compared: '核对确认',
};

/** An API error with each field named as the form labels it (“经办人：姓名不能为空”). */
export function countyMessage(error: ApiError): string {
  return Object.entries(countyFields).reduce(
    (message, [field, label]) => message.replaceAll(`参数 ${field} 无效：`, `${label}：`),
    error.message,
  );
}
