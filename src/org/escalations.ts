/**
 * Escalations, raised exactly once per open case and category. Escalation_Key__c
 * (`<18-character Case Id>:<category>`, from src/rules) is unique and case-insensitive, so the org
 * itself refuses a second open escalation with DUPLICATE_VALUE: that is the normal "already open"
 * answer, and the existing record is fetched and returned. It holds however many clicks, browsers,
 * retries or triage runs race.
 *
 * The lifecycle (acknowledge, resolve and free the key) is `acknowledgedFields` / `resolvedFields` in
 * src/rules/present.ts, shared with the console.
 */
import { escalationKey, type EscalationCategory, type EscalationSeverity, type Owner } from '../rules/index.js';
import { errorCodeOf } from './errors.js';
import type { OrgSession } from './session.js';
import { soqlString } from './session.js';

export interface EscalationSpec {
  caseId: string;
  accountId?: string | null;
  category: EscalationCategory;
  severity: EscalationSeverity;
  reasons: string;
  suggestedOwner: Owner;
  note?: string | null;
}

export interface EscalationRecord {
  Id: string;
  Name: string | null;
  Case__c: string;
  Category__c: string;
  Severity__c: string | null;
  Status__c: string;
  Escalation_Key__c: string | null;
  Raised_By__c: string | null;
  CreatedDate: string | null;
}

export interface Raised {
  /** False when an open escalation of this case and category already existed (it is returned). */
  created: boolean;
  escalation: EscalationRecord;
}

const FIELDS = 'Id, Name, Case__c, Category__c, Severity__c, Status__c, Escalation_Key__c, Raised_By__c, CreatedDate';
const MAX_REASONS = 32000;

/** The Escalation__c fields for a new, flagged escalation raised by `raisedBy`. */
export function escalationFields(spec: EscalationSpec, raisedBy: string): Record<string, unknown> {
  const key = escalationKey(spec.caseId, spec.category);
  if (!key) throw new Error(`not a case id: ${spec.caseId}`);
  return {
    Case__c: spec.caseId,
    Account__c: spec.accountId ?? null,
    Category__c: spec.category,
    Severity__c: spec.severity,
    Status__c: 'New',
    Flagged__c: true,
    Reasons__c: spec.reasons.slice(0, MAX_REASONS),
    Suggested_Owner__c: spec.suggestedOwner,
    Raised_By__c: raisedBy,
    Note__c: spec.note ?? null,
    Escalation_Key__c: key,
  };
}

/** The open escalation holding this key, if any. */
export async function openEscalation(session: OrgSession, key: string): Promise<EscalationRecord | undefined> {
  const r = await session.conn.query<EscalationRecord>(
    `SELECT ${FIELDS} FROM Escalation__c WHERE Escalation_Key__c = ${soqlString(key)} LIMIT 1`,
  );
  return r.records[0];
}

/** Creates the escalation, or returns the open one of the same case and category; marks the case escalated. */
export async function raiseEscalation(session: OrgSession, spec: EscalationSpec): Promise<Raised> {
  const fields = escalationFields(spec, session.userId);
  let created = true;
  let id: string | undefined;
  try {
    const r = await session.conn.sobject('Escalation__c').create(fields);
    if (!r.success) throw Object.assign(new Error(JSON.stringify(r.errors)), { errorCode: 'UNKNOWN_EXCEPTION' });
    id = r.id;
  } catch (e) {
    if (errorCodeOf(e) !== 'DUPLICATE_VALUE') throw e;
    created = false;
  }
  const escalation = id
    ? (await session.conn.query<EscalationRecord>(`SELECT ${FIELDS} FROM Escalation__c WHERE Id = ${soqlString(id)}`))
        .records[0]
    : await openEscalation(session, String(fields['Escalation_Key__c']));
  if (!escalation) throw new Error(`escalation ${String(fields['Escalation_Key__c'])} not found after raising it`);
  await session.conn.sobject('Case').update({ Id: spec.caseId, IsEscalated: true });
  return { created, escalation };
}
