/**
 * Cases as the routing decision reads them: the fields fetched, lookup by Id or CaseNumber, and the
 * record turned into the decision's input (nested Account, as the REST API returns it; Bulk API CSV
 * rows come flat, with 'Account.Name' columns and empty strings for null).
 */
import { toCaseId18, type CaseInput } from '../rules/index.js';
import type { OrgSession } from './session.js';
import { soqlString } from './session.js';

export const CASE_FIELDS = [
  'Id',
  'CaseNumber',
  'Subject',
  'Description',
  'Type',
  'Reason',
  'Priority',
  'Origin',
  'Status',
  'CreatedDate',
  'AccountId',
  'Account.Name',
  'Account.Type',
  'OwnerId',
  'ParentId',
  'IsEscalated',
  'First_Response_At__c',
] as const;

/** A case as src/org passes it on: the decision's input plus the ids around it. */
export interface OrgCase extends CaseInput {
  Id: string;
  CaseNumber?: string | null;
  AccountId?: string | null;
  OwnerId?: string | null;
  IsEscalated?: boolean | null;
}

/** A record from REST (nested) or Bulk CSV (flat, '' for null) as an OrgCase. */
export function toOrgCase(record: Record<string, unknown>): OrgCase {
  const flat = 'Account.Name' in record || 'Account.Type' in record;
  const v = (key: string): string | null => {
    const x = record[key];
    return x === undefined || x === null || x === '' ? null : String(x);
  };
  const account = flat
    ? v('Account.Name') === null && v('Account.Type') === null
      ? null
      : { Name: v('Account.Name'), Type: v('Account.Type') }
    : ((record['Account'] as { Name?: string | null; Type?: string | null } | null | undefined) ?? null);
  const out: OrgCase = { Id: String(record['Id']) };
  for (const f of CASE_FIELDS) if (!f.includes('.') && f !== 'Id') (out as Record<string, unknown>)[f] = v(f);
  out.IsEscalated = record['IsEscalated'] === true || record['IsEscalated'] === 'true';
  out.Account = account ? { Name: account.Name ?? null, Type: account.Type ?? null } : null;
  return out;
}

/** The case with this Id (15 or 18 characters) or CaseNumber, or undefined. */
export async function findCase(session: OrgSession, ref: string): Promise<OrgCase | undefined> {
  const id = /^500[a-zA-Z0-9]{12}([a-zA-Z0-9]{3})?$/.test(ref) ? toCaseId18(ref) : null;
  const where = id ? `Id = ${soqlString(id)}` : `CaseNumber = ${soqlString(ref.trim())}`;
  const result = await session.conn.query<Record<string, unknown>>(
    `SELECT ${CASE_FIELDS.join(', ')} FROM Case WHERE ${where} LIMIT 1`,
  );
  const record = result.records[0];
  return record ? toOrgCase(record) : undefined;
}
