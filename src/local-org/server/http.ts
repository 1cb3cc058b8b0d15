/**
 * The HTTP front of a local org: checks the session on every /services and /id route, reads the JSON
 * body, dispatches to the resources, and answers every error, unknown routes included, as Salesforce
 * does: `[{message, errorCode, fields}]` with the matching status.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { timingSafeEqual } from 'node:crypto';
import { ApiError } from '../errors.js';
import { consoleRequest } from '../../console/server.js';
import { bulk2Request, isBulk2 } from './bulk2.js';
import { collectionsResource } from './composite.js';
import { resourceNotFound, type Ctx, type Org, type Reply } from './context.js';
import {
  chatterMe,
  DAILY_API_REQUESTS,
  identityUrl,
  limits,
  MAX_VERSION,
  MIN_VERSION,
  resources,
  userinfo,
  versions,
} from './identity.js';
import { queryResource } from './query.js';
import { countApiCall, readBody } from './request.js';
import { sobjectsResource } from './sobjects.js';
import { treeResource } from './tree.js';

const MAX_BODY = 64 * 1024 * 1024;
const INVALID_SESSION = [{ message: 'Session expired or invalid', errorCode: 'INVALID_SESSION_ID' }];

export interface ServerHooks {
  /** Called with errors that are not the API's own (bugs), before answering 500. */
  onError?: (error: unknown) => void;
  /** Called once per answered request. */
  onRequest?: (method: string, url: string, status: number) => void;
}

export function createApiServer(org: Org, hooks: ServerHooks = {}): Server {
  return createServer((req, res) => {
    if (hooks.onRequest) {
      const log = hooks.onRequest;
      res.on('finish', () => log(req.method ?? 'GET', req.url ?? '/', res.statusCode));
    }
    handle(org, req, res).catch((e: unknown) => {
      hooks.onError?.(e);
      send(res, { status: 500, body: unexpected() });
    });
  });
}

const unexpected = () => new ApiError(500, 'UNKNOWN_EXCEPTION', 'An unexpected error occurred.').toBody();

async function handle(org: Org, req: IncomingMessage, res: ServerResponse): Promise<void> {
  // Not new URL(path, base): a path such as '//services/data' would be read as a host.
  const url = new URL(`http://127.0.0.1${(req.url ?? '/').startsWith('/') ? '' : '/'}${req.url ?? ''}`);
  let segments: string[];
  try {
    segments = url.pathname
      .split('/')
      .filter((s) => s !== '')
      .map(decodeURIComponent);
  } catch {
    return send(res, error(resourceNotFound()));
  }
  // The browser console (sign-in, pages, assets) and sf org open's frontdoor: src/console.
  if (await consoleRequest(org, req, res)) return;
  if (segments[0] !== 'services' && segments[0] !== 'id') return send(res, error(resourceNotFound()));
  if (!authorized(org, req)) return send(res, { status: 401, body: INVALID_SESSION });
  if (isBulk2(segments)) return bulk2Request(org, req, res, segments);
  let raw: string;
  try {
    raw = await readBody(req, MAX_BODY, () => new ApiError(413, 'JSON_PARSER_ERROR', 'The request body is too large'));
  } catch (e) {
    if (e instanceof ApiError) return send(res, error(e));
    throw e;
  }
  const host = req.headers.host ?? '127.0.0.1';
  const ctx: Ctx = {
    org,
    method: (req.method ?? 'GET').toUpperCase(),
    segments,
    query: url.searchParams,
    headers: req.headers,
    version: `${MAX_VERSION}.0`,
    baseUrl: `http://${host}`,
    body: () => parseBody(raw),
    write: { userId: org.userId },
  };
  let reply: Reply;
  try {
    reply = route(ctx);
  } catch (e) {
    if (!(e instanceof ApiError)) throw e;
    reply = error(e);
  }
  if (segments[0] === 'services' && segments[1] === 'data') {
    reply.headers = { ...reply.headers, 'Sforce-Limit-Info': `api-usage=${org.usage.used}/${DAILY_API_REQUESTS}` };
  }
  send(res, reply);
}

function route(ctx: Ctx): Reply {
  const [first, second, third, ...rest] = ctx.segments;
  if (first === 'id') {
    if (second !== ctx.org.orgId || third !== ctx.org.userId || rest.length > 0) throw resourceNotFound();
    return identityUrl(ctx);
  }
  if (second === 'oauth2' && third === 'userinfo' && rest.length === 0) return userinfo(ctx);
  if (second !== 'data') throw resourceNotFound();
  countApiCall(ctx.org);
  if (third === undefined) return versions();
  const m = /^v(\d+)\.0$/.exec(third);
  const v = m ? Number(m[1]) : NaN;
  if (!(v >= MIN_VERSION && v <= MAX_VERSION)) throw resourceNotFound();
  ctx.version = `${v}.0`;
  ctx.segments = rest;
  switch (rest[0]) {
    case undefined:
      return resources(ctx);
    case 'sobjects':
      return sobjectsResource(ctx);
    case 'query':
    case 'queryAll':
      return queryResource(ctx);
    case 'composite':
      return rest[1] === 'tree' ? treeResource(ctx) : collectionsResource(ctx);
    case 'limits':
      if (rest.length === 1) return limits(ctx);
      break;
    case 'chatter':
      if (rest[1] === 'users' && rest[2] === 'me' && rest.length === 3) return chatterMe(ctx);
      break;
  }
  throw resourceNotFound();
}

/** The session: `Authorization: Bearer <token>` (or `OAuth <token>`), or the `sid` cookie. */
function authorized(org: Org, req: IncomingMessage): boolean {
  const header = req.headers.authorization;
  let token = header ? /^(?:Bearer|OAuth)\s+(.+)$/i.exec(header.trim())?.[1] : undefined;
  if (token === undefined && req.headers.cookie) {
    const sid = req.headers.cookie.split(';').find((c) => c.trim().startsWith('sid='));
    token = sid ? decodeURIComponent(sid.trim().slice(4)) : undefined;
  }
  if (token === undefined) return false;
  const given = Buffer.from(token);
  const expected = Buffer.from(org.token);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

function parseBody(raw: string): unknown {
  if (raw.trim() === '') return undefined;
  try {
    return JSON.parse(raw) as unknown;
  } catch (e) {
    throw new ApiError(400, 'JSON_PARSER_ERROR', `The request body is not valid JSON: ${(e as Error).message}`);
  }
}

const error = (e: ApiError): Reply => ({ status: e.status, body: e.toBody() });

function send(res: ServerResponse, reply: Reply): void {
  if (res.headersSent) return;
  const headers: Record<string, string> = { ...reply.headers };
  if (reply.status === 204 || reply.body === undefined) {
    res.writeHead(reply.status, headers).end();
    return;
  }
  const body = JSON.stringify(reply.body);
  headers['Content-Type'] = 'application/json;charset=UTF-8';
  res.writeHead(reply.status, headers).end(body);
}
