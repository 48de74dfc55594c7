import { securityHeaders } from './content-policy';
import { readRendererFile } from './renderer-files';
import { appHost } from './security';

/** Answers an app:// request from the built renderer folder; nothing else is reachable. */
export async function serveAppRequest(rendererDir: string, request: Request): Promise<Response> {
  const url = new URL(request.url);
  if (url.host !== appHost || request.method !== 'GET') {
    return new Response('Not found', { status: 404, headers: securityHeaders });
  }
  const file = await readRendererFile(rendererDir, url.pathname);
  if (!file) return new Response('Not found', { status: 404, headers: securityHeaders });
  return new Response(new Uint8Array(file.body), {
    status: 200,
    headers: { ...securityHeaders, 'Content-Type': file.contentType },
  });
}
