import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveAppRequest } from '../../../electron/app-protocol';
import { parseServeArgs } from '../../../cli/serve';
import { databasePath } from '../../../electron/database-path';

describe('app:// protocol', () => {
  let dir = '';
  let rendererDir = '';
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'ct-protocol-'));
    rendererDir = join(dir, 'renderer');
    mkdirSync(join(rendererDir, 'assets'), { recursive: true });
    writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>大会选举计票</title>');
    writeFileSync(join(rendererDir, 'assets', 'index.css'), 'body{}');
    writeFileSync(join(dir, 'congress.sqlite'), 'DATABASE');
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const get = (url: string, method = 'GET') =>
    serveAppRequest(rendererDir, new Request(url, { method }));

  it('serves the renderer’s files with their type and the CSP', async () => {
    const page = await get('app://congress-tally/index.html');
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(page.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(await page.text()).toContain('大会选举计票');
    expect((await get('app://congress-tally/assets/index.css')).headers.get('content-type')).toBe(
      'text/css; charset=utf-8',
    );
  });

  it('answers nothing outside the renderer folder, another host, or a write', async () => {
    for (const url of [
      'app://congress-tally/%2e%2e/congress.sqlite',
      'app://congress-tally/..%2fcongress.sqlite',
      'app://congress-tally/assets/%2e%2e%2f%2e%2e%2fcongress.sqlite',
      'app://congress-tally/missing.js',
      'app://congress-tally/assets/',
      'app://elsewhere/index.html',
    ]) {
      const response = await get(url);
      expect(response.status, url).toBe(404);
      expect(await response.text()).not.toContain('DATABASE');
    }
    expect((await get('app://congress-tally/index.html', 'POST')).status).toBe(404);
  });
});

describe('command-line switches', () => {
  it('takes the database from --db, else the user data folder', () => {
    expect(databasePath(['electron', '.', '--db', 'drill.sqlite'], '/home/u/.config/app')).toBe(
      resolve('drill.sqlite'),
    );
    expect(databasePath(['congress-tally', '--db=/tmp/a.sqlite'], '/data')).toBe('/tmp/a.sqlite');
    expect(databasePath(['congress-tally'], '/data')).toBe(join('/data', 'congress-tally.sqlite'));
  });

  it('parses serve’s --db and --port, and refuses anything else', () => {
    expect(parseServeArgs(['--db', 'x.sqlite', '--port', '8123'])).toEqual({
      db: resolve('x.sqlite'),
      port: 8123,
    });
    expect(parseServeArgs([])).toMatchObject({ port: 0 });
    expect(parseServeArgs(['--port', 'http'])).toEqual({ error: '无法识别的参数：--port http' });
    expect(parseServeArgs(['--port', '70000'])).toEqual({ error: '无法识别的参数：--port 70000' });
    expect(parseServeArgs(['--verbose'])).toEqual({ error: '无法识别的参数：--verbose' });
  });
});
