export type StoreErrorCode =
  | 'corrupt'
  | 'too-new'
  | 'outdated'
  | 'wrong-file'
  | 'cannot-open'
  | 'busy'
  | 'unreadable'
  | 'read-only'
  | 'disk-full';

/** A failure of the database file itself, with a message for the operator in Chinese. */
export class StoreError extends Error {
  constructor(
    readonly code: StoreErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'StoreError';
  }
}

const restoreHint = '请从备份恢复（设置 → 备份与恢复），或联系技术支持。';

export function corrupt(file: string, detail: string, cause?: unknown): StoreError {
  return new StoreError('corrupt', `数据库文件已损坏：${file}（${detail}）。${restoreHint}`, {
    cause,
  });
}

/** Maps SQLite's I/O failures to operator messages; anything else is a bug and is rethrown. */
export function storeErrorFrom(error: unknown, file: string): StoreError | undefined {
  if (error instanceof StoreError) return error;
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code !== 'string') return undefined;
  const cause = { cause: error };
  if (code.startsWith('SQLITE_NOTADB') || code.startsWith('SQLITE_CORRUPT')) {
    return corrupt(file, '不是有效的数据库或内容不完整', error);
  }
  if (code.startsWith('SQLITE_FULL')) {
    return new StoreError(
      'disk-full',
      `磁盘已满，无法写入 ${file}；刚才的操作没有保存，请腾出空间后重试。`,
      cause,
    );
  }
  if (code.startsWith('SQLITE_READONLY')) {
    return new StoreError(
      'read-only',
      `无法写入数据库 ${file}：文件或所在文件夹只读；刚才的操作没有保存，请选择可写的位置。`,
      cause,
    );
  }
  if (code.startsWith('SQLITE_CANTOPEN')) {
    return new StoreError(
      'cannot-open',
      `无法打开数据库 ${file}：文件或文件夹不存在，或没有访问权限。`,
      cause,
    );
  }
  if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED')) {
    return new StoreError(
      'busy',
      `数据库 ${file} 正被另一个程序或窗口使用；刚才的操作没有保存，请关闭另一处后重试。`,
      cause,
    );
  }
  if (code.startsWith('SQLITE_IOERR')) {
    return new StoreError(
      'unreadable',
      `读写数据库 ${file} 时出错（磁盘或存储设备故障）；刚才的操作没有保存。${restoreHint}`,
      cause,
    );
  }
  return undefined;
}
