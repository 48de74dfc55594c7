import Database from 'better-sqlite3';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { chromiumFlags, findChromium } from '../../core/reports/chromium';
import type { ApiInput, ApiOutput, MethodName, Result } from '../../shared/api';

export const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const screenshots = join(root, 'test-results', 'screenshots');

/** The shared finder, or why the interface tests cannot run here. */
function chromiumForTests(): string {
  const found = findChromium();
  if (!found) {
    throw new Error(
      '找不到 Chromium 浏览器，无法运行界面测试。请安装：sudo apt-get install chromium，' +
        '或设置环境变量 CHROMIUM_PATH 指向一个 Chromium 可执行文件。',
    );
  }
  return found;
}

export interface Served {
  process: ChildProcess;
  /** The URL the host printed, with its key. */
  url: string;
  origin: string;
  key: string;
  stderr: () => string;
}

const hallTimeZone = 'Asia/Shanghai';

/** Runs `congress-tally serve` as a child process (so a test can kill it) and reads its URL line. */
export function serve(db: string): Promise<Served> {
  const child = spawn(
    process.execPath,
    ['bin/congress-tally.mjs', 'serve', '--db', db, '--port', '0'],
    {
      cwd: root,
      // The hall's laptop runs main and the window on one clock; so do the host and the browser.
      env: { ...process.env, TZ: hallTimeZone },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let stderr = '';
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  return new Promise((resolvePromise, reject) => {
    const lines = createInterface({ input: child.stdout as NodeJS.ReadableStream });
    child.once('exit', (code) => reject(new Error(`serve 提前退出（${code}）：${stderr}`)));
    lines.once('line', (line) => {
      const url = new URL(line.trim());
      resolvePromise({
        process: child,
        url: url.href,
        origin: url.origin,
        key: url.searchParams.get('key') ?? '',
        stderr: () => stderr,
      });
    });
  });
}

/** Calls a host's API as a script with its key, under any session token (or none). */
export function hostApi(served: Served) {
  return async (method: string, input: unknown, token: string | null = null) => {
    const response = await fetch(`${served.origin}/api/${method}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Cookie: `congress_tally_host=${served.key}` },
      body: JSON.stringify({ token, input }),
    });
    return (await response.json()) as Result<unknown>;
  };
}

export interface AppUnderTest {
  page: Page;
  context: BrowserContext;
  served: Served;
  /** The database file of this test. */
  db: string;
  /** Calls the host's API directly, as a script with the host key but any session token. */
  api<M extends MethodName>(
    method: M,
    input: ApiInput<M>,
    token?: string | null,
  ): Promise<Result<ApiOutput<M>>>;
  /** Raw call, for inputs the types would not allow. */
  rawApi(method: string, input: unknown, token?: string | null): Promise<Result<unknown>>;
  /** Reads one value from the database file (read-only, beside the running host). */
  query<T>(sql: string): T | undefined;
  screenshot(name: string): Promise<void>;
  /** Errors the page logged; a test ends with none. */
  pageErrors: string[];
  close(): Promise<void>;
}

/** A fresh database, the real host on it, and a fresh headless Chromium profile. */
export async function startApp(options: { chromiumArgs?: string[] } = {}): Promise<AppUnderTest> {
  const dir = mkdtempSync(join(tmpdir(), 'ct-e2e-'));
  const db = join(dir, 'congress.sqlite');
  const served = await serve(db);
  const context = await chromium.launchPersistentContext(join(dir, 'profile'), {
    executablePath: chromiumForTests(),
    args: [...chromiumFlags, ...(options.chromiumArgs ?? [])],
    headless: true,
    viewport: { width: 1366, height: 860 },
    locale: 'zh-CN',
    timezoneId: hallTimeZone,
  });
  const page = context.pages()[0] ?? (await context.newPage());
  const pageErrors: string[] = [];
  page.on('pageerror', (error) => pageErrors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') pageErrors.push(message.text());
  });

  const rawApi = hostApi(served);

  return {
    page,
    context,
    served,
    db,
    pageErrors,
    rawApi,
    api: (method, input, token) => rawApi(method, input, token) as never,
    query<T>(sql: string) {
      const reader = new Database(db, { readonly: true, fileMustExist: true });
      try {
        return reader.prepare<[], T>(sql).get();
      } finally {
        reader.close();
      }
    },
    async screenshot(name) {
      mkdirSync(screenshots, { recursive: true });
      await page.screenshot({ path: join(screenshots, `${name}.png`) });
    },
    async close() {
      await context.close();
      if (served.process.exitCode === null) {
        const exited = new Promise((done) => served.process.once('exit', done));
        served.process.kill('SIGTERM');
        await exited;
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** The administrator and, optionally, more people, created through the API; returns their ids. */
export async function seedPeople(
  app: AppUnderTest,
  people: {
    name: string;
    role: 'teller' | 'scrutineer' | 'chief-scrutineer' | 'admin';
    pin: string;
  }[] = [],
): Promise<{ adminToken: string; ids: Record<string, number> }> {
  const created = await app.api('session.createFirstAdmin', { name: '王建国', pin: '246810' });
  if (!created.ok) throw new Error(created.error.message);
  const ids: Record<string, number> = { 王建国: created.value.session.personId };
  for (const person of people) {
    const added = await app.api('people.add', person, created.value.token);
    if (!added.ok) throw new Error(added.error.message);
    ids[person.name] = added.value.id;
  }
  return { adminToken: created.value.token, ids };
}

/** Types a name and PIN into the sign-in screen, keyboard only, and presses Enter. */
export async function signInByKeyboard(page: Page, name: string, pin: string): Promise<void> {
  await page.getByRole('heading', { name: '登录' }).waitFor();
  await page.getByLabel('姓名').focus();
  await page.keyboard.type(name);
  await page.locator('.ant-select-item-option-active').filter({ hasText: name }).waitFor();
  await page.keyboard.press('Enter');
  // Choosing a person moves the focus to the PIN.
  await page.locator('#pin:focus').waitFor();
  await page.keyboard.type(pin);
  await page.keyboard.press('Enter');
}

/** Signs in by keyboard and waits for the day's first step. */
export async function signedIn(page: Page, name: string, pin: string): Promise<void> {
  await signInByKeyboard(page, name, pin);
  await page.getByRole('heading', { name: '1. 设置' }).waitFor();
}
