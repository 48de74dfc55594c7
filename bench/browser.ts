import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { chromium, type Browser, type Page } from 'playwright-core';
import { chromiumFlags, findChromium } from '../core/reports/chromium';

/*
 * Chromium for the renderer benchmarks, found and launched as the end-to-end tests do
 * (core/reports/chromium.ts). The app under test is the loopback host (`serve`) on its own process,
 * as the renderer meets main in Electron.
 */

/** Why the Chromium benchmarks cannot run here; undefined when they can. */
export function chromiumUnavailable(): string | undefined {
  return findChromium() === undefined
    ? '找不到 Chromium（可设置 CHROMIUM_PATH，或安装 chromium）：浏览器相关的测量未进行'
    : undefined;
}

export async function launchChromium(): Promise<Browser> {
  const executablePath = findChromium();
  if (executablePath === undefined) throw new Error(chromiumUnavailable());
  return chromium.launch({ executablePath, args: chromiumFlags, headless: true });
}

export interface Host {
  url: string;
  stop(): Promise<void>;
}

/** `serve --db <file> --port 0` from this same command line; resolves with the URL it prints. */
export function serveHost(db: string): Promise<Host> {
  const cli = process.argv[1] ?? '';
  const child = spawn(process.execPath, [cli, 'serve', '--db', db, '--port', '0'], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  return new Promise((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`serve exited early (${code}): ${stderr}`)));
    createInterface({ input: child.stdout }).once('line', (line) => {
      resolve({ url: line.trim(), stop: () => stopChild(child) });
    });
  });
}

/** The host on `db` and a Chromium, for `run`; both stopped after it, whatever happens. */
export async function withBrowserOn<T>(
  db: string,
  run: (browser: Browser, url: string) => Promise<T>,
): Promise<T> {
  const host = await serveHost(db);
  try {
    const browser = await launchChromium();
    try {
      return await run(browser, host.url);
    } finally {
      await browser.close();
    }
  } finally {
    await host.stop();
  }
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return Promise.resolve();
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  child.kill('SIGTERM');
  return exited;
}

/** The page's JavaScript heap in use, in MB (Chrome DevTools Protocol metrics). */
export async function jsHeapMb(page: Page): Promise<number> {
  const cdp = await page.context().newCDPSession(page);
  try {
    await cdp.send('Performance.enable');
    const { metrics } = await cdp.send('Performance.getMetrics');
    const used = metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? 0;
    return Math.round(used / 2 ** 20);
  } finally {
    await cdp.detach();
  }
}
