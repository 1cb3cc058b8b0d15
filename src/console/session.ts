/**
 * The console's sessions, Salesforce's way: the org's one session token, carried by the browser in the
 * HttpOnly `sid` cookie that /secur/frontdoor.jsp sets (the REST routes already accept that cookie), and
 * single-use frontdoor codes for `sf org open` (GET /services/oauth2/singleaccess).
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { Org } from '../local-org/server/context.js';

const OTP_TTL_MS = 5 * 60_000;
const codes = new WeakMap<Org, Map<string, number>>();

export function sameToken(org: Org, token: string | undefined): boolean {
  if (token === undefined || token === '') return false;
  const given = Buffer.from(token);
  const expected = Buffer.from(org.token);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

export function cookieToken(req: IncomingMessage): string | undefined {
  const sid = req.headers.cookie
    ?.split(';')
    .map((c) => c.trim())
    .find((c) => c.startsWith('sid='));
  if (!sid) return undefined;
  try {
    return decodeURIComponent(sid.slice(4));
  } catch {
    return undefined;
  }
}

export function bearerToken(req: IncomingMessage): string | undefined {
  return /^(?:Bearer|OAuth)\s+(.+)$/i.exec(req.headers.authorization?.trim() ?? '')?.[1];
}

export const signedIn = (org: Org, req: IncomingMessage): boolean => sameToken(org, cookieToken(req));

/** A one-time code that frontdoor.jsp exchanges for the session, as Salesforce's `otp` parameter. */
export function issueCode(org: Org): string {
  let map = codes.get(org);
  if (!map) codes.set(org, (map = new Map()));
  const now = Date.now();
  for (const [code, expires] of map) if (expires < now) map.delete(code);
  const code = randomBytes(24).toString('base64url');
  map.set(code, now + OTP_TTL_MS);
  return code;
}

/** True once per issued, unexpired code. */
export function redeemCode(org: Org, code: string): boolean {
  const map = codes.get(org);
  const expires = map?.get(code);
  if (expires === undefined) return false;
  map!.delete(code);
  return expires >= Date.now();
}

const DEFAULT_RETURN = '/lightning/o/Case/list';

/** retURL as a path on this server: anything else (another host, `//host`, `/\host`, a scheme) goes home. */
export function localPath(retURL: string | null | undefined): string {
  if (!retURL || /^[a-z][a-z0-9+.-]*:/i.test(retURL)) return DEFAULT_RETURN;
  const path = retURL.startsWith('/') ? retURL : `/${retURL}`;
  // eslint-disable-next-line no-control-regex
  if (/^\/[/\\]/.test(path) || /[\u0000-\u001f\\]/.test(path)) return DEFAULT_RETURN;
  const url = new URL(path, 'http://console.invalid');
  if (url.origin !== 'http://console.invalid') return DEFAULT_RETURN;
  return url.pathname + url.search + url.hash;
}

/** The URL that opens the console signed in: Salesforce's frontdoor, with the session token as `sid`. */
export function frontdoorUrl(url: string, token: string, retURL = DEFAULT_RETURN): string {
  return `${url}/secur/frontdoor.jsp?sid=${encodeURIComponent(token)}&retURL=${encodeURIComponent(retURL)}`;
}
