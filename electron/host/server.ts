import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fail } from '../../shared/api/result';
import { securityHeaders } from '../content-policy';
import { readRendererFile } from '../renderer-files';
import type { AsyncDispatch, Logger } from '../../core/platform/dispatch';
import { hasKey, isOwnHost, isSameOrigin, keyCookie, newHostKey, sameKey } from './guard';
import { forbiddenPage } from './pages';

export interface HostOptions {
  dispatch: AsyncDispatch;
  /** The built renderer (dist/renderer). */
  rendererDir: string;
  /** 0 picks a free port. */
  port: number;
  log: Logger;
}

export interface Host {
  /** Open this in a browser: it carries the per-run key. */
  url: string;
  origin: string;
  key: string;
  close(): Promise<void>;
}

const maxBody = 32 * 1024 * 1024;

/** Serves the renderer and the API on 127.0.0.1 only, for tests and local preview. */
export async function startHost(options: HostOptions): Promise<Host> {
  const key = newHostKey();
  const server = createServer();
  await listen(server, options.port);
  const { port } = server.address() as AddressInfo;
  const host = `127.0.0.1:${port}`;
  const origin = `http://${host}`;
  server.on('request', (request: IncomingMessage, response: ServerResponse) => {
    route(request, response, { ...options, key, host, origin }).catch((error: unknown) => {
      options.log.error('本机服务处理请求时出现程序错误', error);
      if (!response.headersSent)
        sendJson(response, 500, fail('internal', '程序内部错误，详情已记录，请联系技术支持'));
      else response.destroy();
    });
  });
  return {
    url: `${origin}/?key=${key}`,
    origin,
    key,
    close: () => close(server),
  };
}

interface RouteContext extends HostOptions {
  key: string;
  host: string;
  origin: string;
}

async function route(
  request: IncomingMessage,
  response: ServerResponse,
  context: RouteContext,
): Promise<void> {
  if (!isOwnHost(request, context.host))
    return sendText(response, 403, '拒绝：请求的主机名与本机服务不符');
  const url = new URL(request.url ?? '/', context.origin);
  if (request.method === 'POST' && url.pathname.startsWith('/api/')) {
    return api(request, response, context, url.pathname.slice('/api/'.length));
  }
  if (request.method !== 'GET' && request.method !== 'HEAD')
    return sendText(response, 405, '不支持的请求方法');
  const given = url.searchParams.get('key');
  if (given !== null) return signInBrowser(response, sameKey(given, context.key), context.key);
  if (!hasKey(request, context.key)) return sendHtml(response, 403, forbiddenPage);
  const file = await readRendererFile(context.rendererDir, url.pathname);
  if (!file) return sendText(response, 404, `未找到：${url.pathname}`);
  response.writeHead(200, {
    ...securityHeaders,
    'Content-Type': file.contentType,
    'Cache-Control': 'no-store',
  });
  response.end(request.method === 'HEAD' ? undefined : file.body);
}

/** Exchanges the key in the printed URL for the cookie, and drops the key from the address bar. */
function signInBrowser(response: ServerResponse, valid: boolean, key: string): void {
  if (!valid) return sendHtml(response, 403, forbiddenPage);
  response.writeHead(303, { ...securityHeaders, 'Set-Cookie': keyCookie(key), Location: '/' });
  response.end();
}

async function api(
  request: IncomingMessage,
  response: ServerResponse,
  context: RouteContext,
  method: string,
): Promise<void> {
  if (!hasKey(request, context.key) || !isSameOrigin(request, context.origin)) {
    return sendJson(response, 403, fail('forbidden', '拒绝：请求不是来自本机服务打开的页面'));
  }
  if (!(request.headers['content-type'] ?? '').startsWith('application/json')) {
    return sendJson(response, 415, fail('invalid-argument', '请求格式无效：应为 JSON'));
  }
  const body = await readBody(request);
  if (body === undefined) return sendJson(response, 413, fail('invalid-argument', '请求内容过大'));
  const parsed = parseRequest(body);
  if (!parsed)
    return sendJson(
      response,
      400,
      fail('invalid-argument', '请求格式无效：应为 {"token": …, "input": …}'),
    );
  const started = performance.now();
  const result = await context.dispatch(method, parsed.input, parsed.token);
  // The service's own time, so that a page can tell it from the way there and back.
  const took = (performance.now() - started).toFixed(2);
  sendJson(response, 200, result, { 'Server-Timing': `dispatch;dur=${took}` });
}

function parseRequest(body: string): { token: string | null; input: unknown } | undefined {
  let value: unknown;
  try {
    value = JSON.parse(body);
  } catch {
    return undefined;
  }
  if (typeof value !== 'object' || value === null) return undefined;
  const { token, input } = value as Record<string, unknown>;
  if (token !== undefined && token !== null && typeof token !== 'string') return undefined;
  return { token: token ?? null, input };
}

async function readBody(request: IncomingMessage): Promise<string | undefined> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    const buffer = chunk as Buffer;
    size += buffer.length;
    if (size > maxBody) return undefined;
    chunks.push(buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

function sendJson(
  response: ServerResponse,
  status: number,
  value: unknown,
  extra: Record<string, string> = {},
): void {
  response.writeHead(status, {
    ...securityHeaders,
    ...extra,
    'Content-Type': 'application/json; charset=utf-8',
    'Cache-Control': 'no-store',
  });
  response.end(JSON.stringify(value));
}

function sendText(response: ServerResponse, status: number, text: string): void {
  response.writeHead(status, { ...securityHeaders, 'Content-Type': 'text/plain; charset=utf-8' });
  response.end(text);
}

function sendHtml(response: ServerResponse, status: number, html: string): void {
  response.writeHead(status, { ...securityHeaders, 'Content-Type': 'text/html; charset=utf-8' });
  response.end(html);
}

function listen(server: Server, port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
}

function close(server: Server): Promise<void> {
  return new Promise((resolve, reject) => {
    server.close((error) => (error ? reject(error) : resolve()));
    server.closeAllConnections();
  });
}
