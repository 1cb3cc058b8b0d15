/**
 * What goes wrong talking to an org, as SfErrors with actions: the org refuses the session (401,
 * expired or revoked token), the org cannot be reached, a SOQL condition the org rejects.
 */
import { Messages, SfError } from '@salesforce/core';

Messages.importMessagesDirectoryFromMetaUrl(import.meta.url);
const messages = Messages.loadMessages('who-owns-this', 'whoowns.org-access');

interface ErrorLike {
  name?: string;
  errorCode?: string;
  code?: string;
  message?: string;
  cause?: unknown;
}

const NETWORK_CODES =
  /^(ECONNREFUSED|ECONNRESET|ENOTFOUND|EHOSTUNREACH|ENETUNREACH|ETIMEDOUT|EAI_AGAIN|EPIPE|UND_ERR_\w+)$/;
const NETWORK_MESSAGES =
  /\b(ECONNREFUSED|ECONNRESET|ENOTFOUND|EHOSTUNREACH|ENETUNREACH|ETIMEDOUT|EAI_AGAIN)\b|socket hang up|fetch failed/;
const SESSION =
  /INVALID_SESSION_ID|Session expired|expired access\/refresh token|invalid_grant|No refresh token|NoRefreshToken|RefreshTokenAuthError|INVALID_AUTH_HEADER/i;

function describe(e: unknown): string {
  const parts: string[] = [];
  let x: unknown = e;
  for (let i = 0; i < 4 && typeof x === 'object' && x !== null; i++) {
    const err = x as ErrorLike;
    parts.push(err.name ?? '', err.errorCode ?? '', err.code ?? '', err.message ?? '');
    x = err.cause;
  }
  return parts.join(' ');
}

/** The session was refused: 401 INVALID_SESSION_ID or a failed refresh. */
export const isSessionError = (e: unknown): boolean => SESSION.test(describe(e));
export function isNetworkError(e: unknown): boolean {
  if (isSessionError(e)) return false;
  let x: unknown = e;
  for (let i = 0; i < 4 && typeof x === 'object' && x !== null; i++) {
    const err = x as ErrorLike;
    if ((err.code && NETWORK_CODES.test(err.code)) || NETWORK_MESSAGES.test(err.message ?? '')) return true;
    x = err.cause;
  }
  return false;
}
export const errorCodeOf = (e: unknown): string | undefined => {
  const err = e as ErrorLike;
  return err?.errorCode ?? (typeof err?.name === 'string' && /^[A-Z_]+$/.test(err.name) ? err.name : undefined);
};

/** An SfError with actions for a failure of the org itself; anything else unchanged. */
export function orgError(e: unknown, instanceUrl: string, username: string): unknown {
  // Ours already (case not found, no alarm …): it says what to do.
  if (e instanceof SfError && e.actions?.length) return e;
  if (isSessionError(e)) {
    return messages.createError('error.OrgRefused', [username, instanceUrl], [username, instanceUrl], 1, e as Error);
  }
  // Without the cause: sf reports a TypeError (fetch failed) in the chain as exit code 10, a bug.
  if (isNetworkError(e)) return messages.createError('error.OrgUnreachable', [instanceUrl], [instanceUrl], 1);
  return e;
}

/** A SOQL condition the org rejected (MALFORMED_QUERY, INVALID_FIELD …). */
export function badWhere(where: string, e: unknown): SfError {
  return messages.createError('error.BadWhere', [where, (e as Error).message]);
}

export const isQueryError = (e: unknown): boolean =>
  ['MALFORMED_QUERY', 'INVALID_FIELD', 'INVALID_TYPE', 'INVALID_QUERY_FILTER_OPERATOR'].includes(errorCodeOf(e) ?? '');
