/**
 * The manager report, aggregated in the org with COUNT() and GROUP BY: open escalations by category,
 * severity, age and account, the unacknowledged ones, who raised them, time to acknowledge, and role
 * clarity (routine suggestions on cases AEs own, and routine cases routed away from AEs).
 *
 * Open means not Resolved, whenever raised; `since` bounds what is about a period: escalations raised
 * (by who raised them), acknowledgements (time to acknowledge) and cases assessed (role clarity).
 * Time to acknowledge compares two fields of a record, which SOQL cannot aggregate, so it reads the two
 * date fields of the escalations acknowledged in the period, and nothing else.
 */
import { ESCALATION_CATEGORIES } from '../rules/index.js';
import { queryRest } from './bulk.js';
import type { OrgSession } from './session.js';
import { soqlString } from './session.js';
import { AE_TITLE_PATTERN } from './triage.js';

const DAY = 86_400_000;
export const AGE_BUCKETS = ['under 1 day', '1-7 days', '7-30 days', 'over 30 days'] as const;

export interface ReportResult {
  since: string;
  generatedAt: string;
  openEscalations: number;
  openByCategory: Record<string, number>;
  openBySeverity: Record<string, number>;
  openByAge: Record<(typeof AGE_BUCKETS)[number], number>;
  unacknowledged: number;
  unacknowledgedOverADay: number;
  openByAccount: Array<{ account: string; count: number }>;
  raisedSince: number;
  raisedBy: Array<{ user: string; count: number }>;
  timeToAcknowledge: {
    count: number;
    medianHours: number | null;
    averageHours: number | null;
    p90Hours: number | null;
  };
  roleClarity: {
    assessedSince: number;
    routineSuggested: number;
    routineOnAe: number;
    routedAway: number;
    aeUsers: number;
  };
}

const literal = (d: Date): string => d.toISOString().replace(/\.\d{3}Z$/, 'Z');
const OPEN = "Status__c != 'Resolved'";

async function count(session: OrgSession, soql: string): Promise<number> {
  return (await session.conn.query(soql)).totalSize;
}

async function grouped(session: OrgSession, soql: string, key: string): Promise<Array<[string, number]>> {
  const rows = await queryRest(session, soql);
  return rows.map((r) => [r[key] === null || r[key] === undefined ? '(none)' : String(r[key]), Number(r['n'])]);
}

/** '30d', '12h', '2w' → milliseconds; undefined when not a period. */
export function parsePeriod(text: string): number | undefined {
  const m = /^(\d+)\s*([hdw])$/i.exec(text.trim());
  if (!m) return undefined;
  const n = Number(m[1]);
  const unit = m[2]!.toLowerCase() === 'h' ? 3_600_000 : m[2]!.toLowerCase() === 'w' ? 7 * DAY : DAY;
  return n > 0 ? n * unit : undefined;
}

export async function managerReport(session: OrgSession, sinceMs: number, now = new Date()): Promise<ReportResult> {
  const since = new Date(now.getTime() - sinceMs);
  const ago = (days: number) => literal(new Date(now.getTime() - days * DAY));
  const aeIds = (await queryRest(session, `SELECT Id FROM User WHERE Title LIKE ${soqlString(AE_TITLE_PATTERN)}`)).map(
    (u) => soqlString(String(u['Id'])),
  );
  const onAe = aeIds.length ? `OwnerId IN (${aeIds.join(', ')})` : "OwnerId = '000000000000000AAA'";
  const routine = "Suggested_Owner__c IN ('customer_service', 'client_success')";
  const assessed = `Ownership_Assessed_At__c >= ${literal(since)}`;

  const [
    open,
    byCategory,
    bySeverity,
    age1,
    age7,
    age30,
    unacknowledged,
    unackDay,
    byAccount,
    raisedSince,
    raisedBy,
    acknowledged,
    assessedSince,
    routineSuggested,
    routineOnAe,
  ] = await Promise.all([
    count(session, `SELECT COUNT() FROM Escalation__c WHERE ${OPEN}`),
    grouped(
      session,
      `SELECT Category__c, COUNT(Id) n FROM Escalation__c WHERE ${OPEN} GROUP BY Category__c`,
      'Category__c',
    ),
    grouped(
      session,
      `SELECT Severity__c, COUNT(Id) n FROM Escalation__c WHERE ${OPEN} GROUP BY Severity__c`,
      'Severity__c',
    ),
    count(session, `SELECT COUNT() FROM Escalation__c WHERE ${OPEN} AND CreatedDate > ${ago(1)}`),
    count(session, `SELECT COUNT() FROM Escalation__c WHERE ${OPEN} AND CreatedDate > ${ago(7)}`),
    count(session, `SELECT COUNT() FROM Escalation__c WHERE ${OPEN} AND CreatedDate > ${ago(30)}`),
    count(session, "SELECT COUNT() FROM Escalation__c WHERE Status__c = 'New'"),
    count(session, `SELECT COUNT() FROM Escalation__c WHERE Status__c = 'New' AND CreatedDate < ${ago(1)}`),
    grouped(
      session,
      `SELECT Account__r.Name name, COUNT(Id) n FROM Escalation__c WHERE ${OPEN} GROUP BY Account__r.Name ORDER BY COUNT(Id) DESC LIMIT 10`,
      'name',
    ),
    count(session, `SELECT COUNT() FROM Escalation__c WHERE CreatedDate >= ${literal(since)}`),
    grouped(
      session,
      `SELECT Raised_By__r.Name name, COUNT(Id) n FROM Escalation__c WHERE CreatedDate >= ${literal(since)} GROUP BY Raised_By__r.Name ORDER BY COUNT(Id) DESC LIMIT 10`,
      'name',
    ),
    queryRest(
      session,
      `SELECT CreatedDate, Acknowledged_At__c FROM Escalation__c WHERE Acknowledged_At__c >= ${literal(since)} LIMIT 50000`,
    ),
    count(session, `SELECT COUNT() FROM Case WHERE ${assessed}`),
    count(session, `SELECT COUNT() FROM Case WHERE ${assessed} AND ${routine}`),
    count(session, `SELECT COUNT() FROM Case WHERE ${assessed} AND ${routine} AND ${onAe}`),
  ]);
  const openByCategory: Record<string, number> = Object.fromEntries(ESCALATION_CATEGORIES.map((c) => [c, 0]));
  for (const [k, n] of byCategory) openByCategory[k] = n;
  const openBySeverity: Record<string, number> = { sev1: 0, sev2: 0, sev3: 0 };
  for (const [k, n] of bySeverity) openBySeverity[k] = n;
  const hours = acknowledged
    .map((r) => (Date.parse(String(r['Acknowledged_At__c'])) - Date.parse(String(r['CreatedDate']))) / 3_600_000)
    .filter((h) => Number.isFinite(h) && h >= 0)
    .sort((a, b) => a - b);
  const round = (x: number) => Math.round(x * 10) / 10;
  const at = (q: number) =>
    hours.length ? round(hours[Math.min(hours.length - 1, Math.floor(q * hours.length))]!) : null;
  return {
    since: since.toISOString(),
    generatedAt: now.toISOString(),
    openEscalations: open,
    openByCategory,
    openBySeverity,
    openByAge: {
      'under 1 day': age1,
      '1-7 days': age7 - age1,
      '7-30 days': age30 - age7,
      'over 30 days': open - age30,
    },
    unacknowledged,
    unacknowledgedOverADay: unackDay,
    openByAccount: byAccount.map(([account, n]) => ({ account, count: n })),
    raisedSince,
    raisedBy: raisedBy.map(([user, n]) => ({ user, count: n })),
    timeToAcknowledge: {
      count: hours.length,
      medianHours: at(0.5),
      averageHours: hours.length ? round(hours.reduce((s, h) => s + h, 0) / hours.length) : null,
      p90Hours: at(0.9),
    },
    roleClarity: {
      assessedSince,
      routineSuggested,
      routineOnAe,
      routedAway: routineSuggested - routineOnAe,
      aeUsers: aeIds.length,
    },
  };
}
