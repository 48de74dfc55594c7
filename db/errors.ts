export type StoreErrorCode = 'corrupt' | 'too-new' | 'unreadable' | 'read-only' | 'disk-full';

/** A failure of the database file itself, with a message for the operator in Chinese. */
export class StoreError extends Error {
  constructor(
    readonly code: StoreErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'StoreError';
  }
}

const restoreHint = '请从备份恢复（设置 → 备份与恢复），或联系技术支持。';

export function corrupt(file: string, detail: string): StoreError {
  return new StoreError('corrupt', `数据库文件已损坏：${file}（${detail}）。${restoreHint}`);
}

/** Maps SQLite's I/O failures to operator messages; anything else is a bug and is rethrown. */
export function storeErrorFrom(error: unknown, file: string): StoreError | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code !== 'string') return undefined;
  if (code.startsWith('SQLITE_NOTADB') || code.startsWith('SQLITE_CORRUPT')) {
    return corrupt(file, '不是有效的数据库或内容不完整');
  }
  if (code.startsWith('SQLITE_FULL')) {
    return new StoreError(
      'disk-full',
      `磁盘已满，无法写入 ${file}；刚才的操作没有保存，请腾出空间后重试。`,
    );
  }
  if (code.startsWith('SQLITE_READONLY') || code.startsWith('SQLITE_CANTOPEN')) {
    return new StoreError(
      'read-only',
      `无法写入数据库 ${file}：文件或所在文件夹只读，请选择可写的位置。`,
    );
  }
  if (code.startsWith('SQLITE_IOERR')) {
    return new StoreError('unreadable', `读写数据库 ${file} 时出错（磁盘或存储设备故障）。${restoreHint}`);
  }
  return undefined;
}
