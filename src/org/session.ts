/**
 * An org session: the connection every other function of src/org takes, counting every HTTP request
 * it makes (REST, sObject Collections and Bulk API 2.0 alike), because a real org has a daily API
 * limit and triage reports what it spent.
 */
import type { Connection, Org } from '@salesforce/core';
import { orgError } from './errors.js';

export interface OrgSession {
  conn: Connection;
  /** The running user: Raised_By__c of the escalations this session raises. */
  userId: string;
  orgId: string;
  /** HTTP requests made through the connection since the session began. */
  calls(): number;
}

interface Transport {
  httpRequest(...args: unknown[]): unknown;
}

/** Wraps the connection's transport once, so each request it sends is counted. */
export function openSession(conn: Connection, userId: string, orgId: string): OrgSession {
  const holder = conn as unknown as { _transport: Transport; _whoownsCalls?: { n: number } };
  if (!holder._whoownsCalls) {
    const counter = { n: 0 };
    const transport = holder._transport;
    const send = transport.httpRequest.bind(transport);
    transport.httpRequest = (...args: unknown[]) => {
      counter.n++;
      return send(...args);
    };
    holder._whoownsCalls = counter;
  }
  const counter = holder._whoownsCalls;
  const start = counter.n;
  // jsforce's bulk2 client polls every second by default; src/org polls itself (see bulk.ts).
  return { conn, userId, orgId, calls: () => counter.n - start };
}

/** A SOQL string literal. */
export const soqlString = (s: string): string => `'${s.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;

/** The session of an authorised org (one identity call, which also checks the session is accepted). */
export async function connect(org: Org): Promise<OrgSession> {
  const conn = org.getConnection();
  try {
    const me = await conn.identity();
    return openSession(conn, me.user_id, me.organization_id);
  } catch (e) {
    throw orgError(e, conn.instanceUrl, org.getUsername() ?? '');
  }
}

/** Runs `fn`, turning a refused session or an unreachable org into an SfError with actions. */
export async function guarded<T>(session: OrgSession, fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (e) {
    throw orgError(e, session.conn.instanceUrl, session.conn.getUsername() ?? '');
  }
}
