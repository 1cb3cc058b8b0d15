/**
 * The context of a decision, aggregated in the org: the account's history over 90 days (cases,
 * reopens, escalations: COUNT and GROUP BY queries) and the health of the case's queue over 14 days.
 *
 * A reopen is a follow-up case (ParentId set: the customer came back about a closed case). A case's
 * queue is its owner when that is a queue (a Group of Type Queue), otherwise its Origin. Queue health
 * compares First_Response_At__c with CreatedDate against the response-time target (60 minutes unless
 * WHOOWNS_QUEUE_TARGET_MINUTES says otherwise): a case is over target when its first response came
 * later, or has not come and the target has passed. A day is in breach when at least half of the
 * cases created that day were over target.
 */
import type { AccountContext, CaseContext, QueueContext } from '../rules/index.js';
import type { OrgCase } from './cases.js';
import { queryRest, readAll } from './bulk.js';
import type { OrgSession } from './session.js';
import { soqlString } from './session.js';

export const DEFAULT_TARGET_MINUTES = 60;
const DAY = 86_400_000;

export function targetMinutes(): number {
  const n = Number(process.env['WHOOWNS_QUEUE_TARGET_MINUTES']);
  return Number.isFinite(n) && n > 0 ? n : DEFAULT_TARGET_MINUTES;
}

const count = async (session: OrgSession, soql: string): Promise<number> => (await session.conn.query(soql)).totalSize;

export async function accountContext(
  session: OrgSession,
  accountId: string | null | undefined,
): Promise<AccountContext | null> {
  if (!accountId) return null;
  const account = soqlString(accountId);
  const [cases, reopened, escalations] = await Promise.all([
    count(session, `SELECT COUNT() FROM Case WHERE AccountId = ${account} AND CreatedDate = LAST_N_DAYS:90`),
    count(
      session,
      `SELECT COUNT() FROM Case WHERE AccountId = ${account} AND ParentId != null AND CreatedDate = LAST_N_DAYS:90`,
    ),
    count(session, `SELECT COUNT() FROM Escalation__c WHERE Account__c = ${account} AND CreatedDate = LAST_N_DAYS:90`),
  ]);
  return { casesLast90Days: cases, reopenedLast90Days: reopened, escalationsLast90Days: escalations };
}

/** Per account: the same three figures for every account at once (three GROUP BY queries). */
export async function accountContexts(session: OrgSession): Promise<Map<string, AccountContext>> {
  const out = new Map<string, AccountContext>();
  const get = (id: string) => {
    let c = out.get(id);
    if (!c) out.set(id, (c = { casesLast90Days: 0, reopenedLast90Days: 0, escalationsLast90Days: 0 }));
    return c;
  };
  const grouped = async (soql: string, key: string, put: (c: AccountContext, n: number) => void) => {
    const rows = await queryRest(session, soql);
    for (const r of rows) if (r[key]) put(get(String(r[key])), Number(r['n']));
  };
  await grouped(
    'SELECT AccountId, COUNT(Id) n FROM Case WHERE CreatedDate = LAST_N_DAYS:90 AND AccountId != null GROUP BY AccountId',
    'AccountId',
    (c, n) => (c.casesLast90Days = n),
  );
  await grouped(
    'SELECT AccountId, COUNT(Id) n FROM Case WHERE CreatedDate = LAST_N_DAYS:90 AND ParentId != null AND AccountId != null GROUP BY AccountId',
    'AccountId',
    (c, n) => (c.reopenedLast90Days = n),
  );
  await grouped(
    'SELECT Account__c, COUNT(Id) n FROM Escalation__c WHERE CreatedDate = LAST_N_DAYS:90 AND Account__c != null GROUP BY Account__c',
    'Account__c',
    (c, n) => (c.escalationsLast90Days = n),
  );
  return out;
}

export interface ResponseRow {
  CreatedDate: string | null;
  First_Response_At__c: string | null;
}

/** Breach rate and days in breach of a set of cases created in the last 14 days. */
export function queueHealth(name: string, rows: ResponseRow[], target: number, now = new Date()): QueueContext {
  const limit = target * 60_000;
  const days = new Map<string, { total: number; over: number }>();
  let over = 0;
  for (const r of rows) {
    if (!r.CreatedDate) continue;
    const created = Date.parse(r.CreatedDate);
    const answered = r.First_Response_At__c ? Date.parse(r.First_Response_At__c) : NaN;
    const late = Number.isNaN(answered) ? now.getTime() - created > limit : answered - created > limit;
    const day = new Date(created).toISOString().slice(0, 10);
    const d = days.get(day) ?? { total: 0, over: 0 };
    d.total++;
    if (late) {
      d.over++;
      over++;
    }
    days.set(day, d);
  }
  const total = [...days.values()].reduce((s, d) => s + d.total, 0);
  const inBreach = [...days.values()].filter((d) => d.over * 2 >= d.total && d.over > 0).length;
  return {
    name,
    targetMinutes: target,
    breachRate14d: total === 0 ? 0 : Math.round((over / total) * 1000) / 1000,
    daysInBreach14d: Math.min(14, inBreach),
  };
}

/** Where a case waits: its queue (Group Id) when a queue owns it, else its Origin. */
export function queueKey(kase: Pick<OrgCase, 'OwnerId' | 'Origin'>, queues: Map<string, string>): string | null {
  if (kase.OwnerId && queues.has(kase.OwnerId)) return kase.OwnerId;
  return kase.Origin ? `origin:${kase.Origin}` : null;
}

export const queueName = (key: string, queues: Map<string, string>): string =>
  key.startsWith('origin:') ? `${key.slice(7)} (origin)` : (queues.get(key) ?? key);

/** Queue Id → name, for every queue of the org. */
export async function queues(session: OrgSession): Promise<Map<string, string>> {
  const rows = await queryRest(session, "SELECT Id, Name FROM Group WHERE Type = 'Queue'");
  return new Map(rows.map((r) => [String(r['Id']), String(r['Name'])]));
}

const SINCE_14D = (now: Date) => new Date(now.getTime() - 14 * DAY).toISOString().replace(/\.\d{3}Z$/, 'Z');

/** Queue health of one case's queue or origin. */
export async function queueContext(
  session: OrgSession,
  kase: OrgCase,
  known: Map<string, string>,
  now = new Date(),
): Promise<QueueContext | null> {
  const key = queueKey(kase, known);
  if (!key) return null;
  const filter = key.startsWith('origin:') ? `Origin = ${soqlString(key.slice(7))}` : `OwnerId = ${soqlString(key)}`;
  const rows = await queryRest(
    session,
    `SELECT CreatedDate, First_Response_At__c FROM Case WHERE ${filter} AND CreatedDate >= ${SINCE_14D(now)} LIMIT 50000`,
  );
  return queueHealth(queueName(key, known), rows as unknown as ResponseRow[], targetMinutes(), now);
}

/** Queue health of every queue and origin at once (one read of the last 14 days' response times). */
export async function queueContexts(
  session: OrgSession,
  known: Map<string, string>,
  bulkThreshold: number,
  now = new Date(),
): Promise<Map<string, QueueContext>> {
  const rows = await readAll(
    session,
    `SELECT OwnerId, Origin, CreatedDate, First_Response_At__c FROM Case WHERE CreatedDate >= ${SINCE_14D(now)}`,
    bulkThreshold,
  );
  const groups = new Map<string, ResponseRow[]>();
  const add = (key: string, row: ResponseRow) => {
    const g = groups.get(key) ?? [];
    g.push(row);
    groups.set(key, g);
  };
  for (const r of rows) {
    const row: ResponseRow = {
      CreatedDate: (r['CreatedDate'] as string) || null,
      First_Response_At__c: (r['First_Response_At__c'] as string) || null,
    };
    const owner = String(r['OwnerId'] ?? '');
    if (known.has(owner)) add(owner, row);
    if (r['Origin']) add(`origin:${String(r['Origin'])}`, row);
  }
  const target = targetMinutes();
  return new Map([...groups].map(([key, g]) => [key, queueHealth(queueName(key, known), g, target, now)]));
}

/** The context `decide()` gets for one case. */
export async function caseContext(session: OrgSession, kase: OrgCase, now = new Date()): Promise<CaseContext> {
  const [account, queue] = await Promise.all([
    accountContext(session, kase.AccountId),
    queues(session).then((known) => queueContext(session, kase, known, now)),
  ]);
  return { account, queue };
}
