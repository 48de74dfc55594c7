import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { StoreError } from '../db/errors';
import { startHost } from '../electron/host/server';
import { openServices } from '../core/platform/open';
import { processIo, type CliIo } from './io';

const usage = '用法：congress-tally serve [--db <数据库文件>] [--port <端口>]';

/**
 * `serve`: the loopback host on 127.0.0.1 for preview and browser tests. Prints one line, the URL
 * to open (with this run's key), and runs until stopped. Exit codes: 0 stopped, 2 bad input.
 */
export async function serve(
  argv: readonly string[],
  io: CliIo = processIo,
  stopped: () => Promise<void> = untilSignal,
): Promise<number> {
  const options = parseServeArgs(argv);
  if ('error' in options) {
    io.stderr(`${options.error}\n${usage}`);
    return 2;
  }
  if (!existsSync(join(rendererDir(), 'index.html'))) {
    io.stderr(`未找到界面文件 ${rendererDir()}，请先运行 npm run build`);
    return 2;
  }
  let services;
  try {
    services = openServices({ file: options.db, display: { openProjector: () => false } });
  } catch (error) {
    if (!(error instanceof StoreError)) throw error;
    io.stderr(error.message);
    return 2;
  }
  let host;
  try {
    host = await startHost({
      dispatch: services.dispatch,
      rendererDir: rendererDir(),
      port: options.port,
      log: services.context.log,
    });
  } catch (error) {
    services.close();
    if ((error as { code?: unknown }).code !== 'EADDRINUSE') throw error;
    io.stderr(`端口 ${options.port} 已被占用，请换一个端口，或用 --port 0 自动选择`);
    return 2;
  }
  io.stdout(host.url);
  io.stderr(`数据库：${options.db}\n在浏览器中打开上面的地址；按 Ctrl+C 停止。`);
  await stopped();
  await host.close();
  services.close();
  return 0;
}

export function parseServeArgs(
  argv: readonly string[],
): { db: string; port: number } | { error: string } {
  let db = join(tmpdir(), 'congress-tally-preview.sqlite');
  let port = 0;
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i];
    const value = argv[i + 1];
    if (arg === '--db' && value) {
      db = resolve(value);
      i += 1;
    } else if (arg === '--port' && value && /^[0-9]{1,5}$/.test(value) && Number(value) <= 65535) {
      port = Number(value);
      i += 1;
    } else {
      return {
        error: `无法识别的参数：${arg ?? ''}${value && arg?.startsWith('--') ? ` ${value}` : ''}`,
      };
    }
  }
  return { db, port };
}

/** dist/renderer, beside dist/electron where this file is bundled. */
function rendererDir(): string {
  return fileURLToPath(new URL('../renderer/', import.meta.url));
}

/** Ctrl+C or the process being told to end. */
function untilSignal(): Promise<void> {
  return new Promise((resolve) => {
    process.once('SIGINT', () => resolve());
    process.once('SIGTERM', () => resolve());
  });
}
