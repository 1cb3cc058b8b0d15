/**
 * Cases as decide() reads them: the same line the Salesforce panel builds (the REST shape of routing.md)
 * and the account history src/org/context.ts aggregates for the CLI (cases, follow-ups, escalations, 90 days).
 */
import type { Presentation } from '../../rules/present.js';
import { policyLoader } from '../../panel/decider.js';
import type { Decider } from '../../panel/who-owns-this.js';
import { field, query, soqlString, type SObject } from './api.js';

export const CASE_FIELDS =
  'Id, CaseNumber, Subject, Description, Type, Reason, Priority, Origin, Status, CreatedDate, IsEscalated, AccountId, Account.Name, Account.Type, OwnerId, Owner.Name, ContactId, Contact.Name';

export interface AccountHistory {
  casesLast90Days: number;
  reopenedLast90Days: number;
  escalationsLast90Days: number;
}

/** The case fields the panel decides on, as the REST API returns them. */
export function caseLine(r: SObject): Record<string, unknown> {
  const v = (path: string) => field(r, path);
  return {
    Id: v('Id'),
    CaseNumber: v('CaseNumber'),
    Subject: v('Subject'),
    Description: v('Description'),
    Type: v('Type'),
    Reason: v('Reason'),
    Priority: v('Priority'),
    Origin: v('Origin'),
    Status: v('Status'),
    CreatedDate: v('CreatedDate'),
    Account: v('AccountId') ? { Name: v('Account.Name'), Type: v('Account.Type') } : null,
  };
}

/** Account history of routing.md's context for these accounts, by account id. */
export async function accountHistory(accountIds: string[]): Promise<Map<string, AccountHistory>> {
  const ids = [...new Set(accountIds.filter(Boolean))];
  const out = new Map<string, AccountHistory>(
    ids.map((id) => [id, { casesLast90Days: 0, reopenedLast90Days: 0, escalationsLast90Days: 0 }]),
  );
  if (ids.length === 0) return out;
  const list = ids.map(soqlString).join(', ');
  const [cases, reopened, escalations] = await Promise.all([
    query(
      `SELECT AccountId, COUNT(Id) n FROM Case WHERE AccountId IN (${list}) AND CreatedDate = LAST_N_DAYS:90 GROUP BY AccountId`,
    ),
    query(
      `SELECT AccountId, COUNT(Id) n FROM Case WHERE AccountId IN (${list}) AND ParentId != null AND CreatedDate = LAST_N_DAYS:90 GROUP BY AccountId`,
    ),
    query(
      `SELECT Account__c, COUNT(Id) n FROM Escalation__c WHERE Account__c IN (${list}) AND CreatedDate = LAST_N_DAYS:90 GROUP BY Account__c`,
    ),
  ]);
  for (const r of cases) out.get(String(r['AccountId']))!.casesLast90Days = Number(r['n']);
  for (const r of reopened) out.get(String(r['AccountId']))!.reopenedLast90Days = Number(r['n']);
  for (const r of escalations) out.get(String(r['Account__c']))!.escalationsLast90Days = Number(r['n']);
  return out;
}

export const contextFor = (r: SObject, history: Map<string, AccountHistory>) => {
  const account = history.get(String(field(r, 'AccountId')));
  return account ? { account } : null;
};

let shipped: Decider | null = null;

/** Fetches the shipped policy once (the panels share that fetch); every page awaits it before deciding. */
export async function loadRules(): Promise<void> {
  shipped = await policyLoader.load(policyLoader.defaultSrc);
}

export function decideCase(r: SObject, history: Map<string, AccountHistory>): Presentation {
  if (!shipped) throw new Error('the routing policy is not loaded');
  return shipped.present({ case: caseLine(r), context: contextFor(r, history) });
}
