/**
 * Triage of a backlog: every open case matching a condition is decided, in Id order and in chunks;
 * with `apply`, each chunk's escalations are raised (the unique key makes a repeat DUPLICATE_VALUE,
 * counted as existing, never a second record), then its cases get the suggestion (Suggested_Owner__c,
 * Ownership_Reason__c, Ownership_Assessed_At__c, and IsEscalated for alarms), then the state file
 * records the chunk's last Id. A run cut off anywhere resumes from the last recorded chunk: the cases
 * of the chunk it was in are decided and written again, with the same effect, and their escalations
 * already exist. Context (account history, queue health) is read once for the whole run, aggregated.
 */
import {
  decide,
  defaultPolicy,
  present,
  reasonsText,
  type AccountContext,
  type Decision,
  type Policy,
  type QueueContext,
} from '../rules/index.js';
import { queryBulk, queryRest, saveRecords, type Row } from './bulk.js';
import { CASE_FIELDS, toOrgCase, type OrgCase } from './cases.js';
import { accountContexts, queueContexts, queueKey, queues as loadQueues } from './context.js';
import { escalationFields } from './escalations.js';
import { isQueryError, badWhere } from './errors.js';
import type { OrgSession } from './session.js';
import { soqlString } from './session.js';
import { emptyCounts, type TriageCounts, type TriageState } from './triage-state.js';

/** A User is an AE when their Title says so (as the demo org and most orgs title them). */
export const AE_TITLE_PATTERN = '%Account Executive%';
const MAX_LISTED = 25;
const ROUTINE = new Set(['customer_service', 'client_success']);

export interface TriageOptions {
  where?: string;
  apply: boolean;
  /** Above this many cases the run uses Bulk API 2.0. */
  bulkThreshold: number;
  /** Cases per chunk (read, decided, written, recorded). Defaults by transport. */
  chunkSize?: number;
  /** Carry on from here (a state read from the state file). */
  resumeFrom?: TriageState;
  policy?: Policy;
  onStart?(total: number, done: number, bulk: boolean): void;
  onProgress?(done: number): void;
  /** Called after every chunk with the state to persist. */
  onChunk?(state: TriageState): void;
  now?: Date;
}

export interface TriageRun {
  total: number;
  bulk: boolean;
  state: TriageState;
}

const summary = (p: ReturnType<typeof present>): string => {
  const text = reasonsText(p);
  return text.length > 4000 ? `${text.slice(0, 3999)}…` : text;
};

export function openCasesFilter(where?: string): string {
  return where && where.trim() !== '' ? `IsClosed = false AND (${where})` : 'IsClosed = false';
}

export async function triage(session: OrgSession, options: TriageOptions): Promise<TriageRun> {
  const policy = options.policy ?? defaultPolicy;
  const now = options.now ?? new Date();
  const filter = openCasesFilter(options.where);
  let total: number;
  try {
    total = (await session.conn.query(`SELECT COUNT() FROM Case WHERE ${filter}`)).totalSize;
  } catch (e) {
    if (isQueryError(e)) throw badWhere(options.where ?? '', e);
    throw e;
  }
  const resumed = options.resumeFrom;
  const state: TriageState = resumed ?? {
    version: 1,
    orgId: session.orgId,
    where: options.where ?? '',
    apply: options.apply,
    lastId: '',
    done: false,
    total,
    counts: emptyCounts(),
    updatedAt: now.toISOString(),
  };
  // What is left decides the transport: a resumed run near its end may be small.
  const remaining = resumed?.lastId
    ? (await session.conn.query(`SELECT COUNT() FROM Case WHERE ${filter} AND Id > ${soqlString(resumed.lastId)}`))
        .totalSize
    : total;
  const bulk = remaining > options.bulkThreshold;
  const chunkSize = options.chunkSize ?? (bulk ? 50_000 : 2000);
  state.total = state.counts.assessed + remaining;
  options.onStart?.(state.total, state.counts.assessed, bulk);
  const callsBefore = session.calls();
  const baseCalls = state.counts.apiCalls;

  const [accounts, queueNames] = await Promise.all([accountContexts(session), loadQueues(session)]);
  const queueHealth = await queueContexts(session, queueNames, options.bulkThreshold, now);
  const aes = new Set(
    (await queryRest(session, `SELECT Id FROM User WHERE Title LIKE ${soqlString(AE_TITLE_PATTERN)}`)).map((u) =>
      String(u['Id']),
    ),
  );

  for (;;) {
    const after = state.lastId ? ` AND Id > ${soqlString(state.lastId)}` : '';
    const soql = `SELECT ${CASE_FIELDS.join(', ')} FROM Case WHERE ${filter}${after} ORDER BY Id LIMIT ${chunkSize}`;
    const rows = bulk ? await queryBulk(session, soql) : await queryRest(session, soql);
    if (rows.length === 0) break;
    const cases = rows.map(toOrgCase);
    const decided: Decided[] = [];
    for (const kase of cases) {
      decided.push(decideOne(kase, accounts, queueHealth, queueNames, policy));
      // Let the event loop breathe: sockets the server closed while we computed are noticed before reuse.
      if (decided.length % 1000 === 0) await new Promise((resolve) => setImmediate(resolve));
    }
    await new Promise((resolve) => setTimeout(resolve, 0));
    tally(state.counts, cases, decided, aes);
    if (options.apply) await applyChunk(session, cases, decided, policy, bulk, now, state.counts);
    state.lastId = cases[cases.length - 1]!.Id;
    state.counts.apiCalls = baseCalls + (session.calls() - callsBefore);
    options.onChunk?.(state);
    options.onProgress?.(state.counts.assessed);
    if (rows.length < chunkSize) break;
  }
  state.done = true;
  state.counts.apiCalls = baseCalls + (session.calls() - callsBefore);
  options.onChunk?.(state);
  return { total: state.total, bulk, state };
}

interface Decided {
  decision: Decision;
  line: { case: OrgCase; context: { account: AccountContext | null; queue: QueueContext | null } };
}

function decideOne(
  kase: OrgCase,
  accounts: Map<string, AccountContext>,
  queueHealth: Map<string, QueueContext>,
  queueNames: Map<string, string>,
  policy: Policy,
): Decided {
  const key = queueKey(kase, queueNames);
  const line = {
    case: kase,
    context: {
      account: kase.AccountId
        ? (accounts.get(kase.AccountId) ?? { casesLast90Days: 0, reopenedLast90Days: 0, escalationsLast90Days: 0 })
        : null,
      queue: key ? (queueHealth.get(key) ?? null) : null,
    },
  };
  return { decision: decide(line, policy), line };
}

function tally(counts: TriageCounts, cases: OrgCase[], decided: Decided[], aes: Set<string>): void {
  decided.forEach(({ decision }, i) => {
    const kase = cases[i]!;
    counts.assessed++;
    counts.byOwner[decision.owner] = (counts.byOwner[decision.owner] ?? 0) + 1;
    const alarm = decision.alarm?.category ?? 'none';
    counts.byAlarm[alarm] = (counts.byAlarm[alarm] ?? 0) + 1;
    if (ROUTINE.has(decision.owner) && kase.OwnerId && aes.has(kase.OwnerId)) {
      counts.routineOnAe++;
      if (counts.routineOnAeCases.length < MAX_LISTED) {
        counts.routineOnAeCases.push({
          id: kase.Id,
          caseNumber: kase.CaseNumber ?? null,
          subject: kase.Subject ?? null,
          suggested: decision.owner,
        });
      }
    }
  });
}

async function applyChunk(
  session: OrgSession,
  cases: OrgCase[],
  decided: Decided[],
  policy: Policy,
  bulk: boolean,
  now: Date,
  counts: TriageCounts,
): Promise<void> {
  const presented = decided.map((d) => present(d.decision, d.line, policy));
  const escalations: Row[] = [];
  decided.forEach(({ decision }, i) => {
    if (!decision.alarm) return;
    const kase = cases[i]!;
    escalations.push(
      escalationFields(
        {
          caseId: kase.Id,
          accountId: kase.AccountId ?? null,
          category: decision.alarm.category,
          severity: decision.alarm.severity,
          reasons: reasonsText(presented[i]!),
          suggestedOwner: decision.owner,
          note: 'Raised by whoowns triage.',
        },
        session.userId,
      ),
    );
  });
  const raised = await saveRecords(session, 'Escalation__c', 'insert', escalations, 'Escalation_Key__c', bulk);
  const openKeys = new Set<string>();
  for (const e of escalations) {
    const key = String(e['Escalation_Key__c']);
    const failure = raised.failed.get(key);
    if (!failure) counts.escalationsCreated++;
    else if (failure.errorCode === 'DUPLICATE_VALUE') counts.escalationsExisting++;
    else {
      counts.escalationsFailed++;
      continue;
    }
    openKeys.add(String(e['Case__c']));
  }
  const assessedAt = now.toISOString();
  const updates: Row[] = cases.map((kase, i) => {
    // Every row has the same fields: a Bulk API upload has one header row.
    return {
      Id: kase.Id,
      Suggested_Owner__c: decided[i]!.decision.owner,
      Ownership_Reason__c: summary(presented[i]!),
      Ownership_Assessed_At__c: assessedAt,
      IsEscalated: openKeys.has(kase.Id) || kase.IsEscalated === true,
    };
  });
  const saved = await saveRecords(session, 'Case', 'update', updates, 'Id', bulk);
  counts.updated += saved.ok;
  counts.updateFailed += saved.failed.size;
}
