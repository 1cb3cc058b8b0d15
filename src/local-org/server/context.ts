/**
 * What a route handler gets (the request, the org) and gives back (a status and a JSON body).
 */
import type { IncomingHttpHeaders } from 'node:http';
import { ApiError } from '../errors.js';
import type { Store, WriteContext } from '../store/store.js';
import type { Cursors } from './query.js';

/** The org a server serves: its store, identity and the one session token that opens it. */
export interface Org {
  store: Store;
  orgId: string;
  userId: string;
  token: string;
  cursors: Cursors;
  /** API requests served today, for /limits and the Sforce-Limit-Info header. */
  usage: { day: string; used: number };
}

export interface Reply {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

export interface Ctx {
  org: Org;
  method: string;
  /** Path segments after /services/data/vNN.N/ (or after /services/ for other resources), decoded. */
  segments: string[];
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
  /** '62.0' */
  version: string;
  /** 'http://127.0.0.1:6110' */
  baseUrl: string;
  /** The parsed JSON body; JSON_PARSER_ERROR when it is not JSON; undefined when empty. */
  body(): unknown;
  write: WriteContext;
}

export const ok = (body: unknown, status = 200): Reply => ({ status, body });
export const noContent = (): Reply => ({ status: 204 });

export const resourceNotFound = (): ApiError => new ApiError(404, 'NOT_FOUND', 'The requested resource does not exist');

export function methodNotAllowed(method: string, allowed: string[]): ApiError {
  return new ApiError(
    405,
    'METHOD_NOT_ALLOWED',
    `HTTP Method '${method}' not allowed. Allowed are ${allowed.join(',')}`,
  );
}

/** Throws 405 unless the method is one of `allowed`. */
export function allow(ctx: Ctx, ...allowed: string[]): void {
  if (!allowed.includes(ctx.method)) throw methodNotAllowed(ctx.method, allowed);
}

/** The body as a JSON object, or JSON_PARSER_ERROR. */
export function objectBody(ctx: Ctx): Record<string, unknown> {
  const body = ctx.body();
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw new ApiError(400, 'JSON_PARSER_ERROR', 'The request body must be a JSON object');
  }
  return body as Record<string, unknown>;
}
