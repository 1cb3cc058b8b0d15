/**
 * The console's routes on the local org's server, in Salesforce's URL scheme:
 *
 *   /secur/frontdoor.jsp?sid=<token>&retURL=<path>  sets the HttpOnly `sid` cookie, redirects to retURL
 *   /secur/frontdoor.jsp?otp=<code>&retURL=<path>   the same with a single-use code (sf org open)
 *   /services/oauth2/singleaccess?redirect_uri=…    issues that code, as a real org does for sf org open
 *   /secur/logout.jsp                               clears the cookie
 *   /lightning/...                                  the app shell when signed in, else the sign-in page
 *   /console/assets/*, /panel/*                     the built ES modules and CSS (lib/), and beside them
 *                                                   default-policy.json, the policy the panel fetches once
 *
 * Thin by design: the pages are static and their modules read and write only through the REST API.
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Org } from '../local-org/server/context.js';
import { CSP, shellPage, signInPage } from './pages.js';
import { bearerToken, cookieToken, issueCode, localPath, redeemCode, sameToken, signedIn } from './session.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const ASSET_DIRS: Record<string, string> = {
  console: join(root, 'lib', 'console', 'assets'),
  panel: join(root, 'lib', 'panel'),
};
const TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
};
/** The policy is data the panels fetch once: cacheable for a few minutes, then revalidated by ETag. */
const POLICY_CACHE = 'public, max-age=300, must-revalidate';
const MAX_FORM = 16 * 1024;

/** Answers the console's routes; false for everything else (the REST API). */
export async function consoleRequest(org: Org, req: IncomingMessage, res: ServerResponse): Promise<boolean> {
  const url = new URL(`http://127.0.0.1${(req.url ?? '/').startsWith('/') ? '' : '/'}${req.url ?? ''}`);
  const path = url.pathname;
  const method = (req.method ?? 'GET').toUpperCase();
  if (path === '/services/oauth2/singleaccess') return singleAccess(org, req, res, url);
  if (path === '/secur/frontdoor.jsp' && (method === 'GET' || method === 'POST')) {
    const params = method === 'POST' ? new URLSearchParams(await readForm(req)) : url.searchParams;
    frontdoor(org, res, params);
    return true;
  }
  if (method !== 'GET' && method !== 'HEAD') return false;
  if (path === '/' || path === '/lightning' || path === '/lightning/') {
    res.writeHead(302, { Location: '/lightning/o/Case/list' }).end();
    return true;
  }
  if (path === '/secur/logout.jsp') {
    res.writeHead(302, { Location: '/lightning/o/Case/list', 'Set-Cookie': cookie('', 0) }).end();
    return true;
  }
  if (path.startsWith('/lightning/')) {
    if (signedIn(org, req)) html(res, 200, shellPage());
    else html(res, 401, signInPage(localPath(path + url.search)));
    return true;
  }
  const asset = /^\/(console\/assets|panel)\/([\w-]+(?:\.[\w-]+)*)$/.exec(path);
  if (asset) return serveAsset(req, res, asset[1] === 'panel' ? 'panel' : 'console', asset[2]!);
  return false;
}

function frontdoor(org: Org, res: ServerResponse, params: URLSearchParams): void {
  const ret = localPath(params.get('retURL') ?? params.get('startURL'));
  const sid = params.get('sid');
  const otp = params.get('otp');
  const ok = sid !== null ? sameToken(org, sid) : otp !== null && redeemCode(org, otp);
  if (!ok) {
    html(res, 401, signInPage(ret, 'That session is not valid for this org: check the token and try again.'));
    return;
  }
  res
    .writeHead(302, {
      Location: ret,
      'Set-Cookie': cookie(org.token),
      'Cache-Control': 'no-store',
      'Referrer-Policy': 'no-referrer',
    })
    .end();
}

/** What `sf org open` asks for: a single-use frontdoor URL for the session making the call. */
function singleAccess(org: Org, req: IncomingMessage, res: ServerResponse, url: URL): true {
  const json = (status: number, body: unknown) =>
    res.writeHead(status, { 'Content-Type': 'application/json;charset=UTF-8' }).end(JSON.stringify(body));
  if (!sameToken(org, bearerToken(req) ?? cookieToken(req))) {
    json(401, [{ message: 'Session expired or invalid', errorCode: 'INVALID_SESSION_ID' }]);
    return true;
  }
  const front = new URL('/secur/frontdoor.jsp', `http://${req.headers.host ?? '127.0.0.1'}`);
  front.searchParams.set('otp', issueCode(org));
  front.searchParams.set('retURL', localPath(url.searchParams.get('redirect_uri')));
  json(200, { frontdoor_uri: front.toString() });
  return true;
}

const cookie = (token: string, maxAge?: number) =>
  `sid=${encodeURIComponent(token)}; Path=/; HttpOnly; SameSite=Lax${maxAge === undefined ? '' : `; Max-Age=${maxAge}`}`;

function html(res: ServerResponse, status: number, body: string): void {
  res
    .writeHead(status, {
      'Content-Type': 'text/html; charset=utf-8',
      'Content-Security-Policy': CSP,
      'X-Content-Type-Options': 'nosniff',
      'Cache-Control': 'no-store',
    })
    .end(body);
}

async function serveAsset(req: IncomingMessage, res: ServerResponse, dir: string, name: string): Promise<boolean> {
  const type = TYPES[name.slice(name.lastIndexOf('.'))];
  if (!type || (name.endsWith('.json') && name !== 'default-policy.json')) return false;
  try {
    const body = await readFile(join(ASSET_DIRS[dir]!, name));
    const headers: Record<string, string> = { 'Content-Type': type, 'X-Content-Type-Options': 'nosniff' };
    if (name === 'default-policy.json') {
      const etag = `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`;
      Object.assign(headers, { 'Cache-Control': POLICY_CACHE, ETag: etag });
      if (req.headers['if-none-match'] === etag) {
        res.writeHead(304, headers).end();
        return true;
      }
    } else headers['Cache-Control'] = 'no-cache';
    res.writeHead(200, headers);
    res.end(body);
  } catch {
    res.writeHead(404, { 'Content-Type': 'text/plain' }).end('Not found (run npm run build)');
  }
  return true;
}

function readForm(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => {
      body += chunk;
      if (body.length > MAX_FORM) req.destroy(new Error('form too large'));
    });
    req.on('end', () => resolve(body));
    req.on('error', reject);
  });
}
