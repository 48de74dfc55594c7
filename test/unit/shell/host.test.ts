import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHost, type Host } from '../../../electron/host/server';
import { ok } from '../../../shared/api/result';

interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** A raw HTTP request, so the test controls every header (Host included). */
function send(
  host: Host,
  path: string,
  options: { method?: string; headers?: Record<string, string>; body?: string } = {},
) {
  const url = new URL(host.origin);
  return new Promise<Reply>((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port: url.port,
        path,
        method: options.method ?? 'GET',
        headers: options.headers,
      },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (body += chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
      },
    );
    req.on('error', reject);
    req.end(options.body);
  });
}

describe('loopback host', () => {
  const calls: unknown[][] = [];
  let dir = '';
  let host: Host;
  let cookie = '';
  const json = (extra: Record<string, string> = {}) => ({
    'Content-Type': 'application/json',
    Cookie: cookie,
    ...extra,
  });

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'ct-host-'));
    const rendererDir = join(dir, 'renderer');
    mkdirSync(join(rendererDir, 'assets'), { recursive: true });
    writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>大会选举计票</title>');
    writeFileSync(join(rendererDir, 'assets', 'app.js'), 'console.log(1)');
    writeFileSync(join(dir, 'secret.txt'), 'TOP-SECRET-CONTENT');
    host = await startHost({
      rendererDir,
      port: 0,
      log: { error: () => undefined },
      dispatch: (method, input, token) => {
        calls.push([method, input, token]);
        if (method === 'test.bug') return Promise.reject(new Error('bug'));
        return Promise.resolve(ok({ echoed: method }));
      },
    });
    cookie = `congress_tally_host=${host.key}`;
  });

  afterAll(async () => {
    await host.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('prints a 127.0.0.1 URL with a per-run key', () => {
    expect(host.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?key=[\w-]{43}$/);
  });

  it('turns the key into an HttpOnly, SameSite=Strict cookie and drops it from the address', async () => {
    expect((await send(host, '/?key=wrong')).status).toBe(403);
    const reply = await send(host, `/?key=${host.key}`);
    expect(reply.status).toBe(303);
    expect(reply.headers.location).toBe('/');
    expect(reply.headers['set-cookie']).toEqual([
      `congress_tally_host=${host.key}; HttpOnly; SameSite=Strict; Path=/`,
    ]);
  });

  it('serves the renderer only with the cookie, with the CSP', async () => {
    const without = await send(host, '/');
    expect(without.status).toBe(403);
    expect(without.body).toContain('缺少本次运行的访问口令');
    const page = await send(host, '/', { headers: { Cookie: cookie } });
    expect(page.status).toBe(200);
    expect(page.body).toContain('大会选举计票');
    expect(page.headers['content-security-policy']).toContain("script-src 'self'");
    expect(
      (await send(host, '/assets/app.js', { headers: { Cookie: cookie } })).headers['content-type'],
    ).toBe('text/javascript; charset=utf-8');
  });

  it('never serves a file outside the renderer folder', async () => {
    for (const path of [
      '/%2e%2e/secret.txt',
      '/..%2fsecret.txt',
      '/assets/..%2f..%2fsecret.txt',
      '/%00',
    ]) {
      const reply = await send(host, path, { headers: { Cookie: cookie } });
      expect(reply.status, path).toBe(404);
      expect(reply.body).not.toContain('TOP-SECRET-CONTENT');
    }
  });

  it('refuses another Host header (DNS rebinding)', async () => {
    const reply = await send(host, '/', { headers: { Cookie: cookie, Host: 'evil.example:80' } });
    expect(reply.status).toBe(403);
    const api = await send(host, '/api/session.status', {
      method: 'POST',
      headers: json({ Host: `localhost:${new URL(host.origin).port}` }),
      body: '{"token":null,"input":{}}',
    });
    expect(api.status).toBe(403);
  });

  it('answers the API with the caller’s token and input, only for its own page', async () => {
    calls.length = 0;
    const body = JSON.stringify({ token: 'tok', input: { a: 1 } });
    const answered = await send(host, '/api/people.list', {
      method: 'POST',
      headers: json(),
      body,
    });
    expect(answered.status).toBe(200);
    expect(JSON.parse(answered.body)).toEqual({ ok: true, value: { echoed: 'people.list' } });
    expect(calls).toEqual([['people.list', { a: 1 }, 'tok']]);

    const noCookie = await send(host, '/api/people.list', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body,
    });
    expect(noCookie.status).toBe(403);
    const crossSite = await send(host, '/api/people.list', {
      method: 'POST',
      headers: json({ Origin: 'http://evil.example' }),
      body,
    });
    expect(crossSite.status).toBe(403);
    const form = await send(host, '/api/people.list', {
      method: 'POST',
      headers: { Cookie: cookie, 'Content-Type': 'text/plain' },
      body,
    });
    expect(form.status).toBe(415);
    expect(calls).toHaveLength(1);
  });

  it('reports malformed requests and bugs as results', async () => {
    const bad = await send(host, '/api/people.list', {
      method: 'POST',
      headers: json(),
      body: '{not json',
    });
    expect(bad.status).toBe(400);
    expect(JSON.parse(bad.body)).toMatchObject({ ok: false, error: { code: 'invalid-argument' } });
    const bug = await send(host, '/api/test.bug', {
      method: 'POST',
      headers: json(),
      body: '{"token":null,"input":{}}',
    });
    expect(bug.status).toBe(500);
    expect(JSON.parse(bug.body)).toMatchObject({ ok: false, error: { code: 'internal' } });
  });
});
