/**
 * The host side of the panel's escalate request, idempotent by Escalation_Key__c as in a real org:
 * create; DUPLICATE_VALUE means one is already open, so query it by the key and show that one.
 */
import type { EscalateRequest, EscalationState } from '../../panel/events.js';
import { acknowledgedFields, resolvedFields } from '../../rules/present.js';
import { ApiError, create, currentUser, query, soqlString, update } from './api.js';

export const escalationHref = (id: string) => `/lightning/r/Escalation__c/${id}/view`;

/** The open escalation holding this key, if any. */
export async function openByKey(key: string): Promise<EscalationState | null> {
  const [open] = await query(`SELECT Id, Name FROM Escalation__c WHERE Escalation_Key__c = ${soqlString(key)} LIMIT 1`);
  return open ? { state: 'existing', href: escalationHref(String(open.Id)), name: String(open['Name']) } : null;
}

export async function escalate(req: EscalateRequest, accountId: string | null): Promise<EscalationState> {
  if (!req.caseId || !req.key) return { state: 'failed', message: 'Save the case before escalating it.' };
  try {
    const user = await currentUser();
    const id = await create('Escalation__c', {
      Case__c: req.caseId,
      Account__c: accountId,
      Category__c: req.category,
      Severity__c: req.severity,
      Reasons__c: req.reasons,
      Suggested_Owner__c: req.owner,
      Raised_By__c: user.user_id,
      Note__c: req.note,
      Status__c: 'New',
      Flagged__c: true,
      Escalation_Key__c: req.key,
    });
    const [made] = await query(`SELECT Name FROM Escalation__c WHERE Id = ${soqlString(id)}`);
    await update('Case', req.caseId, { IsEscalated: true });
    return { state: 'created', href: escalationHref(id), name: String(made?.['Name'] ?? id) };
  } catch (e) {
    if (e instanceof ApiError && e.errorCode === 'DUPLICATE_VALUE') {
      const open = await openByKey(req.key).catch(() => null);
      if (open) return open;
    }
    return { state: 'failed', message: e instanceof Error ? e.message : String(e) };
  }
}

export async function acknowledge(id: string): Promise<void> {
  const user = await currentUser();
  await update('Escalation__c', id, acknowledgedFields(user.user_id));
}

/** Resolved, and the key cleared so the next alarm on this case and category can be raised. */
export async function resolve(id: string): Promise<void> {
  await update('Escalation__c', id, resolvedFields());
}
